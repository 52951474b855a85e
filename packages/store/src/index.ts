export {
  listNetworkActivities,
  listWorkplanActivities,
  replaceWorkplanActivities,
  type StoredActivity,
} from "./activities";
export { AUDIT_ACTIONS, type AuditAction, type AuditInput, appendAudit, listAudit } from "./audit";
export { type Db, type OpenDatabaseOptions, openDatabase, schemaVersion } from "./db";
export {
  findInvitation,
  type InvitationRecord,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
} from "./invitations";
export {
  addMembership,
  countCoordinators,
  findMember,
  findMembership,
  listMembers,
  listUserMemberships,
  type MemberDetail,
  type MembershipRecord,
  removeMembership,
  type UserMembership,
  updateMembership,
} from "./memberships";
export {
  createNetwork,
  createOrganisation,
  findNetwork,
  findOrganisation,
  listNetworks,
  listOrganisations,
  listUserNetworks,
  type NetworkWithCounts,
} from "./networks";
export { type DemoNetwork, loadDemoNetwork, type SeedResult, seedDemoNetwork } from "./seed";
export {
  deleteExpiredSessions,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessionById,
  findSession,
  insertSession,
  listUserSessions,
  type SessionRecord,
  touchSession,
} from "./sessions";
export {
  type ApiTokenRecord,
  findApiToken,
  insertApiToken,
  listUserApiTokens,
  markApiTokenUsed,
  revokeApiToken,
} from "./tokens";
export {
  countUsers,
  createUser,
  findUserByEmail,
  findUserById,
  setUserAdmin,
  setUserPassword,
  type UserRecord,
} from "./users";
export {
  createWorkplan,
  findWorkplan,
  listWorkplans,
  touchWorkplan,
  updateWorkplan,
  type WorkplanRecord,
} from "./workplans";
