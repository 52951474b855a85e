import type { Activity } from "@junction/domain";
import type { NarrativeInline, NarrativeNode } from "@junction/domain/doc";
import {
  createDirectory,
  type Directory,
  formatBudget,
  objectiveLabel,
  principleLabel,
  sdgTargetLabel,
} from "./describe";
import {
  FIELD_LABELS,
  formatDate,
  formatPeriod,
  openSuggestionsNote,
  STAGE_LABELS,
  STATUS_LABELS,
} from "./labels";
import { isSafeHref } from "./links";
import type { ExportInput, ExportWorkplan } from "./model";

// characters Markdown would read as syntax inside running text
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}

// a line starting like a heading, quote, list item or rule would become one
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, "$1\\$2");
}

function inlineText(content: readonly NarrativeInline[]): string {
  return content
    .map((inline) => {
      if (inline.kind === "break") return "  \n";
      if (inline.text.trim() === "") return inline.text;
      let text = inline.code ? `\`${inline.text.replaceAll("`", "'")}\`` : escapeText(inline.text);
      if (inline.strike) text = `~~${text}~~`;
      if (inline.italic) text = `*${text}*`;
      if (inline.bold) text = `**${text}**`;
      if (inline.link && isSafeHref(inline.link))
        text = `[${text}](<${inline.link.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return text;
    })
    .join("");
}

function paragraph(content: readonly NarrativeInline[]): string {
  return escapeLineStart(inlineText(content));
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : `${" ".repeat(prefix.length)}${line}`))
    .join("\n");
}

function cellText(children: readonly NarrativeNode[]): string {
  return children
    .flatMap((node) =>
      node.kind === "paragraph" || node.kind === "heading" ? [inlineText(node.content)] : [],
    )
    .join(" ")
    .replaceAll("\n", " ");
}

type Context = {
  directory: Directory;
  activities: Map<string, Activity>;
  placed: Set<string>;
  headingLevel: number;
};

function block(context: Context, node: NarrativeNode): string {
  switch (node.kind) {
    case "heading":
      context.headingLevel = node.level;
      return `${"#".repeat(node.level)} ${inlineText(node.content)}`;
    case "paragraph":
      return paragraph(node.content);
    case "list":
      return node.items
        .map((item, i) => {
          const marker = node.ordered ? `${node.start + i}. ` : "- ";
          const body = item.map((child) => block(context, child)).join("\n\n");
          return `${marker}${indent(body, marker)}`;
        })
        .join("\n");
    case "table": {
      const [first, ...rest] = node.rows;
      if (!first) return "";
      const width = Math.max(...node.rows.map((cells) => cells.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
      return [
        line(first.map((c) => cellText(c.children))),
        line(Array.from({ length: width }, () => "---")),
        ...rest.map((cells) => line(cells.map((c) => cellText(c.children)))),
      ].join("\n");
    }
    case "quote":
      return node.children
        .map((child) => block(context, child))
        .join("\n\n")
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    case "code":
      return `\`\`\`\n${node.text.replaceAll("```", "'''")}\n\`\`\``;
    case "rule":
      return "---";
    case "activity": {
      const activity = context.activities.get(node.id);
      if (!activity || context.placed.has(node.id)) return "";
      context.placed.add(node.id);
      return activityMarkdown(context.directory, activity, Math.min(context.headingLevel + 1, 6));
    }
  }
}

function activityMarkdown(directory: Directory, activity: Activity, level: number): string {
  const fields: [string, string][] = [
    [FIELD_LABELS.lead, activity.lead ? directory.full(activity.lead) : "Not set"],
    [FIELD_LABELS.partners, activity.partners.map(directory.full).join("; ")],
    [FIELD_LABELS.gcmObjectives, activity.gcmObjectives.map(objectiveLabel).join("; ")],
    [FIELD_LABELS.sdgTargets, activity.sdgTargets.map(sdgTargetLabel).join("; ")],
    [FIELD_LABELS.principles, activity.principles.map(principleLabel).join("; ")],
    [FIELD_LABELS.locations, activity.locations.join("; ")],
    [FIELD_LABELS.targetGroups, activity.targetGroups.join("; ")],
    [FIELD_LABELS.period, formatPeriod(activity.start, activity.end) || "Not set"],
    [FIELD_LABELS.budget, formatBudget(activity.budget)],
    [FIELD_LABELS.status, STATUS_LABELS[activity.status]],
  ];
  const parts = [`${"#".repeat(level)} ${escapeText(activity.title || "Untitled activity")}`];
  const description = activity.description
    .split(/\n+/)
    .map((line) => escapeLineStart(escapeText(line.trim())))
    .filter(Boolean);
  parts.push(...description);
  parts.push(
    fields
      .filter(([, value]) => value !== "")
      .map(([label, value]) => `- **${label}:** ${escapeText(value)}`)
      .join("\n"),
  );
  if (activity.indicators.length > 0) {
    const cell = (text: string) => escapeText(text).replaceAll("\n", " ");
    parts.push(
      [
        `| ${FIELD_LABELS.indicator} | ${FIELD_LABELS.baseline} | ${FIELD_LABELS.target} | ${FIELD_LABELS.meansOfVerification} |`,
        "| --- | --- | --- | --- |",
        ...activity.indicators.map(
          (i) =>
            `| ${cell(i.name)} | ${cell(i.baseline)} | ${cell(i.target)} | ${cell(i.meansOfVerification)} |`,
        ),
      ].join("\n"),
    );
  }
  return parts.join("\n\n");
}

function workplanMarkdown(directory: Directory, workplan: ExportWorkplan, level: number): string[] {
  const context: Context = {
    directory,
    activities: new Map(workplan.activities.map((a) => [a.id, a])),
    placed: new Set(),
    headingLevel: level,
  };
  const parts = (workplan.narrative ?? []).map((node) => block(context, node));
  const rest = workplan.activities.filter((activity) => !context.placed.has(activity.id));
  if (rest.length > 0) {
    parts.push(
      `${"#".repeat(level + 1)} ${workplan.narrative ? "Other activities" : "Activities"}`,
    );
    for (const activity of rest) {
      parts.push(activityMarkdown(directory, activity, Math.min(level + 2, 6)));
    }
  }
  return parts;
}

function versionLine(workplan: ExportWorkplan): string {
  return workplan.version
    ? `version "${workplan.version.name}" saved ${formatDate(workplan.version.createdAt)}`
    : "live document";
}

/** A workplan as Markdown: a header, the narrative and every activity, readable as plain text. */
export function writeMarkdown(input: ExportInput): string {
  const directory = createDirectory(input.organisations);
  const parts: string[] = [];
  const single = input.workplans.length === 1 ? input.workplans[0] : undefined;
  parts.push(`# ${escapeText(single ? single.title : input.network.name)}`);
  const about = single
    ? [
        escapeText(input.network.name),
        `${STAGE_LABELS[single.stage]}, ${versionLine(single)}`,
        `exported ${formatDate(input.generatedAt)}`,
      ]
    : [`exported ${formatDate(input.generatedAt)}`];
  parts.push(`*${about.join(" · ")}*`);
  for (const workplan of input.workplans) {
    const note = openSuggestionsNote(workplan.openSuggestions);
    if (note) parts.push(`> ${note}`);
  }
  if (single) parts.push(...workplanMarkdown(directory, single, 1));
  else {
    for (const workplan of input.workplans) {
      parts.push(
        `# ${escapeText(workplan.title)}`,
        `*${STAGE_LABELS[workplan.stage]}, ${versionLine(workplan)}*`,
      );
      parts.push(...workplanMarkdown(directory, workplan, 1));
    }
  }
  return `${parts.filter((part) => part !== "").join("\n\n")}\n`;
}
