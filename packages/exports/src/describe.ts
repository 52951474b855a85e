import {
  type Budget,
  GCM_OBJECTIVES,
  GCM_PRINCIPLES,
  type Indicator,
  ORGANISATION_TYPES,
  SDG_TARGETS,
} from "@junction/domain";
import { formatAmount } from "./labels";
import type { ExportOrganisation } from "./model";

const OBJECTIVES = new Map(GCM_OBJECTIVES.map((objective) => [objective.number, objective]));
const TARGETS = new Map(SDG_TARGETS.map((target) => [target.target, target]));
const PRINCIPLES = new Map(GCM_PRINCIPLES.map((principle) => [principle.key, principle]));
const TYPES = new Map(ORGANISATION_TYPES.map((type) => [type.key, type]));

/** The title of GCM objective n, e.g. "Provide accurate and timely information at all stages…". */
export function objectiveTitle(objective: number): string {
  return OBJECTIVES.get(objective)?.title ?? "";
}

/** "3. Provide accurate and timely information at all stages of migration". */
export function objectiveLabel(objective: number): string {
  const title = objectiveTitle(objective);
  return title ? `${objective}. ${title}` : String(objective);
}

/** "10.7 Facilitate orderly, safe, …"; a target outside the catalogue stays its code. */
export function sdgTargetLabel(code: string): string {
  const target = TARGETS.get(code);
  return target ? `${code} ${target.text}` : code;
}

export function principleLabel(key: string): string {
  return PRINCIPLES.get(key)?.title ?? key;
}

export function organisationTypeLabel(key: string): string {
  return TYPES.get(key)?.label ?? key;
}

/** Organisations resolved by the network's own records only; an unknown id is shown as it is. */
export type Directory = {
  find(id: string): ExportOrganisation | null;
  /** The acronym, else the name: what members call it. */
  short(id: string): string;
  /** "International Organization for Migration (IOM)". */
  full(id: string): string;
};

export function createDirectory(organisations: readonly ExportOrganisation[]): Directory {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const find = (id: string) => byId.get(id) ?? null;
  return {
    find,
    short: (id) => {
      const organisation = find(id);
      return organisation ? organisation.acronym || organisation.name : id;
    },
    full: (id) => {
      const organisation = find(id);
      if (!organisation) return id;
      return organisation.acronym && organisation.acronym !== organisation.name
        ? `${organisation.name} (${organisation.acronym})`
        : organisation.name;
    },
  };
}

/** "2,000 USD, secured, IOM core funds"; the parts that are known. */
export function formatBudget(budget: Budget | null): string {
  if (!budget) return "";
  const parts: string[] = [];
  if (budget.amount !== null) {
    parts.push([formatAmount(budget.amount), budget.currency].filter(Boolean).join(" "));
  }
  if (budget.amount !== null || budget.source) parts.push(budget.secured ? "secured" : "required");
  if (budget.source) parts.push(budget.source);
  return parts.join(", ");
}

/** "Organisations trained: baseline 0, target 15 (attendance list)". */
export function formatIndicator(indicator: Indicator): string {
  const values = [
    indicator.baseline && `baseline ${indicator.baseline}`,
    indicator.target && `target ${indicator.target}`,
  ].filter(Boolean);
  let text = indicator.name;
  if (values.length > 0) text += `: ${values.join(", ")}`;
  if (indicator.meansOfVerification) text += ` (${indicator.meansOfVerification})`;
  return text;
}
