import type { Activity } from "@junction/domain";
import type { NarrativeInline, NarrativeNode } from "@junction/domain/doc";
import { createDirectory, type Directory, principleLabel, sdgTargetLabel } from "./describe";
import { isSafeHref } from "./links";
import type { ExportInput, ExportWorkplan } from "./model";
import { type Words, wordsOf } from "./wording";

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
  words: Words;
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
      return activityMarkdown(context, activity, Math.min(context.headingLevel + 1, 6));
    }
  }
}

function activityMarkdown(
  { words, directory }: Pick<Context, "words" | "directory">,
  activity: Activity,
  level: number,
): string {
  const notSet = words.t("notSet");
  const fields: [string, string][] = [
    [words.t("field.lead"), activity.lead ? directory.full(activity.lead) : notSet],
    [words.t("field.partners"), activity.partners.map(directory.full).join("; ")],
    [words.t("field.gcmObjectives"), activity.gcmObjectives.map(words.objectiveLabel).join("; ")],
    [words.t("field.sdgTargets"), activity.sdgTargets.map(sdgTargetLabel).join("; ")],
    [words.t("field.principles"), activity.principles.map(principleLabel).join("; ")],
    [words.t("field.locations"), activity.locations.join("; ")],
    [words.t("field.targetGroups"), activity.targetGroups.join("; ")],
    [words.t("field.period"), words.period(activity.start, activity.end) || notSet],
    [words.t("field.budget"), words.budget(activity.budget)],
    [words.t("field.status"), words.status(activity.status)],
  ];
  const parts = [
    `${"#".repeat(level)} ${escapeText(activity.title || words.t("untitledActivity"))}`,
  ];
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
        `| ${words.t("field.indicator")} | ${words.t("field.baseline")} | ${words.t("field.target")} | ${words.t("field.meansOfVerification")} |`,
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

function workplanMarkdown(
  words: Words,
  directory: Directory,
  workplan: ExportWorkplan,
  level: number,
): string[] {
  const context: Context = {
    words,
    directory,
    activities: new Map(workplan.activities.map((a) => [a.id, a])),
    placed: new Set(),
    headingLevel: level,
  };
  const parts = (workplan.narrative ?? []).map((node) => block(context, node));
  const rest = workplan.activities.filter((activity) => !context.placed.has(activity.id));
  if (rest.length > 0) {
    parts.push(
      `${"#".repeat(level + 1)} ${words.t(workplan.narrative ? "otherActivities" : "activities")}`,
    );
    for (const activity of rest) {
      parts.push(activityMarkdown(context, activity, Math.min(level + 2, 6)));
    }
  }
  return parts;
}

function versionLine(words: Words, workplan: ExportWorkplan): string {
  return workplan.version
    ? words.t("markdown.version", {
        name: workplan.version.name,
        date: words.date(workplan.version.createdAt),
      })
    : words.t("markdown.liveDocument");
}

/** A workplan as Markdown: a header, the narrative and every activity, readable as plain text. */
export function writeMarkdown(input: ExportInput): string {
  const words = wordsOf(input);
  const directory = createDirectory(input.organisations);
  const exported = words.t("markdown.exported", { date: words.date(input.generatedAt) });
  const parts: string[] = [];
  const single = input.workplans.length === 1 ? input.workplans[0] : undefined;
  parts.push(`# ${escapeText(single ? single.title : input.network.name)}`);
  const about = single
    ? [
        escapeText(input.network.name),
        `${words.stage(single.stage)}, ${versionLine(words, single)}`,
        exported,
      ]
    : [exported];
  parts.push(`*${about.join(" · ")}*`);
  for (const workplan of input.workplans) {
    const note = words.openSuggestions(workplan.openSuggestions);
    if (note) parts.push(`> ${note}`);
  }
  if (single) parts.push(...workplanMarkdown(words, directory, single, 1));
  else {
    for (const workplan of input.workplans) {
      parts.push(
        `# ${escapeText(workplan.title)}`,
        `*${words.stage(workplan.stage)}, ${versionLine(words, workplan)}*`,
      );
      parts.push(...workplanMarkdown(words, directory, workplan, 1));
    }
  }
  return `${parts.filter((part) => part !== "").join("\n\n")}\n`;
}
