export {
  ACTIVITY_ATTRIBUTES,
  ACTIVITY_DESCRIPTION_NODE,
  ACTIVITY_NODE,
  ACTIVITY_TITLE_NODE,
  type ActivityAttribute,
  appendNarrative,
  createActivityElement,
  emptyActivity,
  NARRATIVE_FIELD,
  type NarrativeBlock,
  readActivities,
  readActivityElement,
} from "./activity-doc";
export type {
  GcmObjective,
  GcmPrinciple,
  OrganisationType,
  SdgGoal,
  SdgTarget,
  TargetGroup,
} from "./catalogue-types";
export { GCM_OBJECTIVES } from "./catalogues/gcm-objectives";
export { GCM_PRINCIPLES } from "./catalogues/gcm-principles";
export { ORGANISATION_TYPES } from "./catalogues/organisation-types";
export { SDG_GOALS } from "./catalogues/sdg-goals";
export { SDG_TARGETS } from "./catalogues/sdg-targets";
export { TARGET_GROUPS } from "./catalogues/target-groups";
export {
  can,
  canWriteDocument,
  isRole,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from "./roles";
export {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityStatus,
  activitySchema,
  activityStatusSchema,
  type Budget,
  budgetSchema,
  type Indicator,
  indicatorSchema,
  type Member,
  MONTH,
  memberSchema,
  monthSchema,
  type Network,
  networkSchema,
  type Organisation,
  organisationSchema,
  roleSchema,
  STAGES,
  type Stage,
  stageSchema,
  type Workplan,
  workplanSchema,
} from "./schemas";
