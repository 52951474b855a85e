import type {
  LifecycleView,
  Stage,
  ValidationOrganisation,
  ValidationView,
  WorkplanLink,
} from "@junction/domain";
import type { Translate } from "../../i18n";
import { formatLocale } from "../../i18n/format";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** A calendar day ("2027-03-15") as people say it: "15 March", with the year when not this one. */
export function formatDay(day: string, now: Date = new Date(), locale = formatLocale()): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time)) return day;
  const sameYear = Number(match[1]) === now.getFullYear();
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(time);
}

/** A moment ("2024-03-01T09:12:00Z") as its day in full: "1 March 2024" (local time). */
export function formatLongDate(iso: string, locale = formatLocale()): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return "—";
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(time);
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
  t: Translate<"lifecycle">,
  lifecycle: DescribedLifecycle,
  now: Date = new Date(),
): StageDescription {
  if (lifecycle.archived) {
    return { summary: t("summary.archived"), detail: null, tone: "frozen" };
  }
  switch (lifecycle.stage) {
    case "draft":
      return { summary: t("summary.draft"), detail: null, tone: "neutral" };
    case "consultation": {
      const deadline = lifecycle.consultation.deadline;
      return {
        summary: deadline
          ? t("summary.consultationUntil", { date: formatDay(deadline, now, t.locale) })
          : t("summary.consultation"),
        detail: null,
        tone: "info",
      };
    }
    case "validation": {
      const validation = lifecycle.validation;
      return {
        summary: t("summary.validation"),
        detail: validation?.current ? validationSummary(t, validation) : null,
        tone: validation && validation.objected > validation.overruled ? "attention" : "info",
      };
    }
    case "adopted":
      return {
        summary: lifecycle.adoptedAt
          ? t("summary.adoptedOn", { date: formatLongDate(lifecycle.adoptedAt, t.locale) })
          : t("summary.adopted"),
        detail: null,
        tone: "frozen",
      };
  }
}

/** "3 of 12 approved · 1 objection · 8 not answered" */
export function validationSummary(
  t: Translate<"lifecycle">,
  validation: Pick<ValidationView, "organisations" | "approved" | "pending">,
): string {
  const total = validation.organisations.length;
  if (total === 0) return t("tally.noLeads");
  const objections = validation.organisations.filter((o) => o.blocking).length;
  const overruled = validation.organisations.filter((o) => o.overrule !== null).length;
  const parts = [t("tally.approved", { approved: validation.approved, total })];
  if (objections > 0) parts.push(t("tally.objections", { count: objections }));
  if (overruled > 0) parts.push(t("tally.overruled", { count: overruled }));
  if (validation.pending > 0) parts.push(t("tally.notAnswered", { count: validation.pending }));
  return parts.join(" · ");
}

/** "Revision of “Joint workplan 2021–2023” adopted 1 March 2024" */
export function revisionOfLabel(t: Translate<"lifecycle">, link: WorkplanLink): string {
  return link.adoptedAt
    ? t("revisionOfAdopted", { title: link.title, date: formatLongDate(link.adoptedAt, t.locale) })
    : t("revisionOf", { title: link.title });
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

/** Objections that stand: adoption waits for them to be withdrawn or overruled. */
export function standingObjections(
  validation: ValidationView | null,
): readonly ValidationOrganisation[] {
  if (!validation?.current) return [];
  return validation.organisations.filter((o) => o.blocking);
}

/** The words of a move's button: "Send for consultation", "Adopt the plan", "Back to draft". */
export function moveLabel(t: Translate<"lifecycle">, from: Stage, to: Stage): string {
  const forward = STAGES_ORDER.indexOf(to) > STAGES_ORDER.indexOf(from);
  switch (to) {
    case "consultation":
      return forward ? t("move.consultation") : t("move.back.consultation");
    case "validation":
      return forward ? t("move.validation") : t("move.back.validation");
    case "adopted":
      return t("move.adopted");
    case "draft":
      return t("move.back.draft");
  }
}

const STAGES_ORDER: readonly Stage[] = ["draft", "consultation", "validation", "adopted"];
