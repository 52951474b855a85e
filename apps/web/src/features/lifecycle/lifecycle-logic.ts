import type {
  LifecycleView,
  Stage,
  ValidationOrganisation,
  ValidationView,
  WorkplanLink,
} from "@junction/domain";
import { STAGE_LABELS } from "../../lib/format";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day ("2027-03-15") as people say it: "15 March", with the year when not this one. */
export function formatDay(day: string, now: Date = new Date()): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const name = MONTHS[Number(month) - 1];
  if (!name) return day;
  const sameYear = Number(year) === now.getFullYear();
  return sameYear ? `${Number(date)} ${name}` : `${Number(date)} ${name} ${year}`;
}

/** A moment ("2024-03-01T09:12:00Z") as its day in full: "1 March 2024" (local time). */
export function formatLongDate(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return "—";
  return `${time.getDate()} ${MONTHS[time.getMonth()]} ${time.getFullYear()}`;
}

/** Today as YYYY-MM-DD in local time: the earliest consultation deadline a coordinator may set. */
export function todayDay(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const date = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${date}`;
}

export type StageDescription = {
  /** The sentence under the title: what the stage means now. */
  summary: string;
  /** A second line with figures, where the stage has some. */
  detail: string | null;
  tone: "neutral" | "info" | "attention" | "frozen";
};

type DescribedLifecycle = Pick<
  LifecycleView,
  "stage" | "archived" | "adoptedAt" | "consultation" | "validation"
>;

/** What the workplan's stage means for the people reading it, in one sentence. */
export function describeStage(
  lifecycle: DescribedLifecycle,
  now: Date = new Date(),
): StageDescription {
  if (lifecycle.archived) {
    return {
      summary: "Archived — this plan is read-only for everyone",
      detail: null,
      tone: "frozen",
    };
  }
  switch (lifecycle.stage) {
    case "draft":
      return {
        summary: "Draft: members write the plan together; comments are welcome at any time",
        detail: null,
        tone: "neutral",
      };
    case "consultation": {
      const deadline = lifecycle.consultation.deadline;
      return {
        summary: deadline
          ? `Consultation: commenters are invited until ${formatDay(deadline, now)}`
          : "Consultation: commenters are invited to comment",
        detail: null,
        tone: "info",
      };
    }
    case "validation": {
      const validation = lifecycle.validation;
      return {
        summary: "Validation: each lead organisation approves its part",
        detail: validation?.current ? validationSummary(validation) : null,
        tone: validation && validation.objected > validation.overruled ? "attention" : "info",
      };
    }
    case "adopted":
      return {
        summary: lifecycle.adoptedAt
          ? `Adopted on ${formatLongDate(lifecycle.adoptedAt)} — this plan is frozen`
          : "Adopted — this plan is frozen",
        detail: null,
        tone: "frozen",
      };
  }
}

/** "3 of 12 approved · 1 objection · 8 not answered" */
export function validationSummary(
  validation: Pick<ValidationView, "organisations" | "approved" | "pending">,
): string {
  const total = validation.organisations.length;
  if (total === 0) return "No organisation leads an activity yet";
  const objections = validation.organisations.filter((o) => o.blocking).length;
  const overruled = validation.organisations.filter((o) => o.overrule !== null).length;
  const parts = [`${validation.approved} of ${total} approved`];
  if (objections > 0) parts.push(`${objections} ${objections === 1 ? "objection" : "objections"}`);
  if (overruled > 0) parts.push(`${overruled} overruled`);
  if (validation.pending > 0) parts.push(`${validation.pending} not answered`);
  return parts.join(" · ");
}

/** "Revision of “Joint workplan 2021–2023” adopted 1 March 2024" */
export function revisionOfLabel(link: WorkplanLink): string {
  const adopted = link.adoptedAt ? ` adopted ${formatLongDate(link.adoptedAt)}` : "";
  return `Revision of “${link.title}”${adopted}`;
}

/** The newest revision of an adopted plan, to point its readers at. */
export function newestRevision(revisions: readonly WorkplanLink[]): WorkplanLink | null {
  let newest: WorkplanLink | null = null;
  for (const revision of revisions) {
    if (!newest || revision.createdAt > newest.createdAt) newest = revision;
  }
  return newest;
}

export function organisationName(organisation: Pick<ValidationOrganisation, "acronym" | "name">) {
  return organisation.acronym || organisation.name;
}

export type AnswerState = "approved" | "objected" | "overruled" | "pending";

export function answerState(organisation: ValidationOrganisation): AnswerState {
  if (organisation.answer === "approved") return "approved";
  if (organisation.answer === "objected") return organisation.overrule ? "overruled" : "objected";
  return "pending";
}

export const ANSWER_LABELS: Record<AnswerState, string> = {
  approved: "Approved",
  objected: "Objects",
  overruled: "Objection overruled",
  pending: "Not answered",
};

/** Objections that stand: adoption waits for them to be withdrawn or overruled. */
export function standingObjections(
  validation: ValidationView | null,
): readonly ValidationOrganisation[] {
  if (!validation?.current) return [];
  return validation.organisations.filter((o) => o.blocking);
}

/** The words of a move's button: "Send for consultation", "Adopt", "Back to draft". */
export function moveLabel(from: Stage, to: Stage): string {
  const forward = STAGES_ORDER.indexOf(to) > STAGES_ORDER.indexOf(from);
  if (!forward) return `Back to ${STAGE_LABELS[to].toLowerCase()}`;
  switch (to) {
    case "consultation":
      return "Send for consultation";
    case "validation":
      return "Send for validation";
    case "adopted":
      return "Adopt the plan";
    case "draft":
      return "Back to draft";
  }
}

const STAGES_ORDER: readonly Stage[] = ["draft", "consultation", "validation", "adopted"];
