export {
  type ActivityFilter,
  countNetworkActivities,
  findActivity,
  lastUpdateId,
  leadsActivityIn,
  listNetworkActivities,
  listWorkplanActivities,
  listWorkplanActivityPage,
  listWorkplansToIndex,
  markWorkplanIndexed,
  replaceWorkplanActivities,
  type StoredActivity,
} from "./activities";
export { AUDIT_ACTIONS, type AuditAction, type AuditInput, appendAudit, listAudit } from "./audit";
export {
  type CommentRecord,
  findComment,
  findThread,
  insertComment,
  insertThread,
  listThreadComments,
  listThreadsComments,
  listUserThreadIds,
  listWorkplanComments,
  listWorkplanThreadPage,
  listWorkplanThreads,
  markCommentDeleted,
  setThreadResolved,
  type ThreadAnchor,
  type ThreadFilter,
  type ThreadRecord,
  updateCommentBody,
} from "./comments";
export {
  countChanges,
  type Db,
  DEFAULT_BUSY_TIMEOUT_MS,
  isDatabaseLocked,
  isStorageUnavailable,
  type OpenDatabaseOptions,
  openDatabase,
  type SqliteDb,
  schemaVersion,
  writeUnlessBusy,
} from "./db";
export {
  copyDocumentClients,
  type DocumentClientRecord,
  listDocumentClients,
  recordDocumentClients,
} from "./document-clients";
export { findIatiSettings, type IatiSettingsRecord, saveIatiSettings } from "./iati-settings";
export {
  findInvitation,
  type InvitationRecord,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
} from "./invitations";
export {
  answerValidation,
  copyActivityOwners,
  endValidationRounds,
  findLastMoveTo,
  findLatestValidationRound,
  findWorkplanLifecycle,
  listRevisionIds,
  listStageMoves,
  listValidationAnswers,
  moveWorkplanStage,
  openValidationRound,
  overruleObjection,
  type StageMoveRecord,
  setConsultationDeadline,
  setRevisionOf,
  type ValidationAnswerRecord,
  type ValidationRoundRecord,
  type WorkplanLifecycleRecord,
} from "./lifecycle";
export {
  addMembership,
  countCoordinators,
  findMember,
  findMembership,
  listMemberPage,
  listMembers,
  listUserMemberships,
  type MemberDetail,
  type MemberFilter,
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
  listOrganisationsById,
  listUserNetworks,
  type NetworkWithCounts,
} from "./networks";
export {
  countUnreadNotifications,
  insertNotification,
  listNotificationPage,
  listUserNotifications,
  markNotificationsRead,
  type NotificationRecord,
  type NotificationSubject,
} from "./notifications";
export { isPostgresUrl, openStore, type StoreLocation } from "./open";
export {
  isActivityOwner,
  listActivityOwners,
  listUserOwnedActivities,
  listWorkplanOwners,
  type OwnerRecord,
  replaceActivityOwners,
} from "./owners";
export {
  type Cursor,
  type CursorValue,
  compareKeys,
  type OrderKey,
  type Page,
  type PageRequest,
  pageOfList,
} from "./pages";
export {
  findPasswordReset,
  insertPasswordReset,
  markPasswordResetUsed,
  type PasswordResetRecord,
  revokePasswordResets,
} from "./password-resets";
export {
  findLastCommitments,
  type RemovedActivity,
  rememberRemovedActivities,
} from "./removed-activities";
export {
  type DemoNetwork,
  loadDemoNetwork,
  type SeedResult,
  seedDemoNetwork,
  seedDemoNetworkIfEmpty,
} from "./seed";
export {
  deleteExpiredSessions,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessionById,
  deleteUserSessions,
  findSession,
  insertSession,
  listUserSessions,
  type SessionRecord,
  touchSession,
} from "./sessions";
export {
  countOpenSuggestions,
  decideSuggestion,
  findSuggestion,
  insertSuggestion,
  listOpenSuggestions,
  listWorkplanSuggestionPage,
  type NewSuggestion,
  type SuggestionFilter,
  type SuggestionRecord,
} from "./suggestions";
export {
  findTask,
  insertTask,
  listAssignedTasks,
  listNetworkTaskPage,
  listNetworkTasks,
  listThreadTasks,
  listWorkplanThreadTasks,
  type TaskFilter,
  type TaskRecord,
  updateTask,
} from "./tasks";
export {
  type ApiTokenRecord,
  findApiToken,
  insertApiToken,
  listUserApiTokens,
  markApiTokenUsed,
  revokeApiToken,
} from "./tokens";
export {
  createUpdateCatchUp,
  listUpdateIdsSince,
  readUpdatesSince,
  type UpdateIdsSince,
  type UpdatesSince,
} from "./update-catch-up";
export { createSqliteUpdateLog, type SqliteUpdateLog } from "./update-log";
export {
  countUsers,
  createUser,
  findUserByEmail,
  findUserById,
  setUserAdmin,
  setUserLocale,
  setUserPassword,
  type UserRecord,
} from "./users";
export {
  findVersion,
  insertVersion,
  listVersions,
  loadVersionState,
  type VersionRecord,
  versionStorageBytes,
} from "./versions";
export {
  type ActivityRef,
  countWarnings,
  decideWarning,
  findWarning,
  findWarningByPair,
  insertWarning,
  listActivityWarnings,
  listDecidedWarnings,
  listNetworkWarnings,
  listWarningPage,
  listWorkplanWarnings,
  setWarningStatus,
  updateWarningAssessment,
  WARNING_STATUSES,
  type WarningFilter,
  type WarningListItem,
  type WarningRecord,
  type WarningSide,
  type WarningStatus,
} from "./warnings";
export {
  createWorkplan,
  findWorkplan,
  listWorkplanStages,
  listWorkplans,
  touchWorkplan,
  updateWorkplan,
  type WorkplanRecord,
} from "./workplans";
