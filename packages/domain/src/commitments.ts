import { can, type Role } from "./roles";
import {
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type Budget,
  budgetSchema,
  type Organisation,
} from "./schemas";

/**
 * The fields of an activity that commit organisations: who leads it, with whom, with what money,
 * and how far along it is. Everyone who may edit the document may change the rest of an activity
 * (its title, description, tags, places, months, indicators) and the narrative around it.
 */
export const COMMITMENT_FIELDS = ["lead", "partners", "budget", "status"] as const;
export type CommitmentField = (typeof COMMITMENT_FIELDS)[number];

export type Commitments = {
  readonly lead: string | null;
  readonly partners: readonly string[];
  readonly budget: Budget | null;
  readonly status: ActivityStatus;
};

export type CommitmentMember = {
  readonly role: Role;
  readonly organisationId: string;
  /** A coordinator made them an owner of this activity. */
  readonly isOwner: boolean;
};

/** What one member may change of one activity's commitments. */
export type CommitmentRights = {
  /** "any": set or clear the lead; "claim": only set it to `organisationId` (there is none yet). */
  readonly lead: "any" | "claim" | "none";
  readonly partners: boolean;
  readonly budget: boolean;
  readonly status: boolean;
  readonly organisationId: string;
};

/**
 * Who may change an activity's commitments, judged on the activity as it was before the change
 * (its lead before, not the lead the change sets): coordinators any; editors of its lead
 * organisation any, handing the lead over included; its owners its status; and any editor may
 * claim an activity that has no lead yet for their own organisation, which then leads it.
 */
export function commitmentRights(
  member: CommitmentMember,
  activity: { readonly lead: string | null },
): CommitmentRights {
  const { organisationId } = member;
  if (can(member.role, "activity.update-any-commitments")) {
    return { lead: "any", partners: true, budget: true, status: true, organisationId };
  }
  if (!can(member.role, "activity.update-own-commitments")) {
    return { lead: "none", partners: false, budget: false, status: false, organisationId };
  }
  if (activity.lead !== null && activity.lead === member.organisationId) {
    return { lead: "any", partners: true, budget: true, status: true, organisationId };
  }
  return {
    lead: activity.lead === null ? "claim" : "none",
    partners: false,
    budget: false,
    status: member.isOwner,
    organisationId,
  };
}

/** Whether these rights allow setting `field` to `to` (the lead's new value matters for a claim). */
export function allowsCommitmentChange(
  rights: CommitmentRights,
  field: CommitmentField,
  to: unknown,
): boolean {
  switch (field) {
    case "lead":
      return rights.lead === "any" || (rights.lead === "claim" && to === rights.organisationId);
    case "partners":
    case "budget":
    case "status":
      return rights[field];
  }
}

/** One question, one answer: may this member change `field` of the activity (to `to`)? */
export function mayChangeCommitment(
  member: CommitmentMember,
  activity: { readonly lead: string | null },
  field: CommitmentField,
  to?: unknown,
): boolean {
  return allowsCommitmentChange(commitmentRights(member, activity), field, to);
}

/**
 * Who sets a commitment the member may not change, in a few words for a read-only field:
 * "Set by UNICEF, the lead organisation, and coordinators".
 */
export function commitmentHolders(
  field: CommitmentField,
  lead: Pick<Organisation, "name" | "acronym"> | string | null,
): string {
  if (lead === null) return "Choose the lead organisation first";
  const label = typeof lead === "string" ? lead : lead.acronym || lead.name;
  return field === "status"
    ? `Set by ${label}, the lead organisation, its owners and coordinators`
    : `Set by ${label}, the lead organisation, and coordinators`;
}

function asPartners(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

/** An activity's commitments as stored in its block's attributes, read leniently. */
export function readCommitments(attributes: {
  readonly lead?: unknown;
  readonly partners?: unknown;
  readonly budget?: unknown;
  readonly status?: unknown;
}): Commitments {
  const { lead, partners, budget, status } = attributes;
  const parsedBudget = budgetSchema.safeParse(budget);
  return {
    lead: typeof lead === "string" && lead !== "" ? lead : null,
    partners: asPartners(partners),
    budget: parsedBudget.success ? parsedBudget.data : null,
    status: ACTIVITY_STATUSES.find((known) => known === status) ?? "planned",
  };
}

/** Whether two reads of a commitment say the same (values as `readCommitments` gives them). */
export function sameCommitment<F extends CommitmentField>(
  a: Commitments[F],
  b: Commitments[F],
): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
