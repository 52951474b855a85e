import { readFileSync } from "node:fs";
import { type Activity, activitySchema, isRole, roleSchema, stageSchema } from "@junction/domain";
import { appendNarrative, type NarrativeBlock } from "@junction/domain/doc";
import * as Y from "yjs";
import { z } from "zod";
import { appendAudit } from "./audit";
import type { Db } from "./db";
import { addMembership } from "./memberships";
import { createNetwork, createOrganisation } from "./networks";
import { startExclusively } from "./open";
import { replaceActivityOwners } from "./owners";
import { statement } from "./statements";
import { countUsers, createUser } from "./users";
import { createWorkplan, touchWorkplan } from "./workplans";

const seedActivitySchema = activitySchema
  .omit({ lead: true })
  // owners are people, named by email in the demo file
  .extend({ outcome: z.string(), lead: z.string(), owners: z.array(z.string()).default([]) })
  .passthrough();

const seedSchema = z.object({
  network: z.object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    description: z.string(),
  }),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      acronym: z.string().default(""),
      type: z.string(),
    }),
  ),
  members: z.array(
    z.object({ email: z.string(), name: z.string(), organisation: z.string(), role: roleSchema }),
  ),
  workplans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: stageSchema,
      narrative: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
      outcomeAreas: z.array(z.object({ id: z.string(), title: z.string() })),
      activities: z.array(seedActivitySchema),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      activity: z.string(),
      author: z.string(),
      anchor: z.object({ field: z.string(), quote: z.string() }).optional(),
      text: z.string(),
      resolved: z.boolean(),
      replies: z.array(z.object({ author: z.string(), text: z.string() })),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      activities: z.array(z.string()),
      assignedBy: z.string(),
      assignee: z.string(),
      due: z.string(),
      status: z.string(),
      fromComment: z.string().optional(),
    }),
  ),
});

export type DemoNetwork = z.infer<typeof seedSchema>;

export function loadDemoNetwork(): DemoNetwork {
  const file = new URL("./seed/georgia-network.json", import.meta.url);
  return seedSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export type SeedResult = {
  networkId: string;
  logins: { email: string; name: string; role: string; organisation: string }[];
};

function workplanBlocks(workplan: DemoNetwork["workplans"][number]): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  for (const section of workplan.narrative) {
    blocks.push({ kind: "heading", level: 2, text: section.heading });
    for (const text of section.paragraphs) blocks.push({ kind: "paragraph", text });
  }
  blocks.push({ kind: "heading", level: 2, text: "Activities" });
  for (const area of workplan.outcomeAreas) {
    blocks.push({ kind: "heading", level: 3, text: `${area.id}. ${area.title}` });
    for (const seeded of workplan.activities.filter((a) => a.outcome === area.id)) {
      const activity: Activity = activitySchema.parse({ ...seeded, lead: seeded.lead });
      blocks.push({ kind: "activity", activity });
    }
  }
  return blocks;
}

/**
 * Seeds the demo network into a database that has no user yet, in one transaction that checks
 * first: of several processes starting on one empty database, exactly one seeds (the others
 * answer null).
 */
export function seedDemoNetworkIfEmpty(
  db: Db,
  passwordHash: string,
  now = Date.now(),
): SeedResult | null {
  const run = db.transaction(() =>
    countUsers(db) === 0 ? seedDemoNetwork(db, passwordHash, now) : null,
  );
  // the others wait for the first one's seed instead of failing as busy meanwhile
  return startExclusively(db, () => run.immediate());
}

/**
 * Seeds the demo country network: organisations, members (password from the caller's hash),
 * both workplans as Yjs documents, comment threads and tasks. Runs in one transaction.
 */
export function seedDemoNetwork(db: Db, passwordHash: string, now = Date.now()): SeedResult {
  const demo = loadDemoNetwork();
  const run = db.transaction((): SeedResult => {
    const network = createNetwork(db, demo.network, now);
    const organisations = new Map(demo.organisations.map((o) => [o.id, o]));
    for (const organisation of demo.organisations) {
      createOrganisation(db, { ...organisation, networkId: network.id }, now);
    }
    const userIds = new Map<string, string>();
    demo.members.forEach((member, index) => {
      if (!isRole(member.role)) return;
      // the first coordinator also administers the instance, so the demo can create networks
      const user = createUser(
        db,
        { email: member.email, name: member.name, passwordHash, isAdmin: index === 0 },
        now,
      );
      userIds.set(member.email, user.id);
      addMembership(
        db,
        {
          networkId: network.id,
          userId: user.id,
          organisationId: member.organisation,
          role: member.role,
        },
        now,
      );
    });
    const firstCoordinator = demo.members.find((m) => m.role === "coordinator");
    const creator = firstCoordinator ? (userIds.get(firstCoordinator.email) ?? null) : null;
    const activityWorkplan = new Map<string, string>();
    for (const workplan of demo.workplans) {
      createWorkplan(
        db,
        {
          id: workplan.id,
          networkId: network.id,
          title: workplan.title,
          stage: workplan.stage,
          createdBy: creator,
        },
        now,
      );
      const ydoc = new Y.Doc();
      appendNarrative(ydoc, workplanBlocks(workplan));
      statement(
        db,
        "INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?)",
      ).run(workplan.id, Buffer.from(Y.encodeStateAsUpdate(ydoc)), now);
      ydoc.destroy();
      touchWorkplan(db, workplan.id, now);
      for (const activity of workplan.activities) {
        activityWorkplan.set(activity.id, workplan.id);
        const owners = activity.owners.flatMap((email) => userIds.get(email) ?? []);
        if (owners.length === 0 || creator === null) continue;
        replaceActivityOwners(
          db,
          {
            workplanId: workplan.id,
            activityId: activity.id,
            userIds: owners,
            assignedBy: creator,
          },
          now,
        );
      }
    }
    seedComments(db, demo, userIds, activityWorkplan, now);
    appendAudit(
      db,
      { actorId: null, action: "network.create", networkId: network.id, detail: { seed: "demo" } },
      now,
    );
    return {
      networkId: network.id,
      logins: demo.members.map((m) => ({
        email: m.email,
        name: m.name,
        role: m.role,
        organisation: organisations.get(m.organisation)?.acronym || m.organisation,
      })),
    };
  });
  return run.immediate();
}

function seedComments(
  db: Db,
  demo: DemoNetwork,
  userIds: Map<string, string>,
  activityWorkplan: Map<string, string>,
  now: number,
): void {
  const threadIds = new Map<string, string>();
  for (const comment of demo.comments) {
    const workplanId = activityWorkplan.get(comment.activity);
    const authorId = userIds.get(comment.author);
    if (!workplanId || !authorId) continue;
    const threadId = `${comment.id}-${workplanId}`;
    threadIds.set(comment.id, threadId);
    statement(
      db,
      `INSERT INTO comment_threads (id, workplan_id, activity_id, anchor, quote, resolved_at, resolved_by, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      threadId,
      workplanId,
      comment.activity,
      comment.anchor ? JSON.stringify({ field: comment.anchor.field }) : null,
      comment.anchor?.quote ?? "",
      comment.resolved ? now : null,
      comment.resolved ? authorId : null,
      authorId,
      now,
    );
    const messages = [{ author: comment.author, text: comment.text }, ...comment.replies];
    messages.forEach((message, index) => {
      const messageAuthor = userIds.get(message.author);
      if (!messageAuthor) return;
      statement(
        db,
        "INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
      ).run(`${threadId}-${index}`, threadId, messageAuthor, message.text, now + index);
    });
  }
  for (const task of demo.tasks) {
    const createdBy = userIds.get(task.assignedBy);
    if (!createdBy) continue;
    statement(
      db,
      `INSERT INTO tasks (id, network_id, title, activity_ids, assignee_id, created_by, due, status, from_thread_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      task.id,
      demo.network.id,
      task.title,
      JSON.stringify(task.activities),
      userIds.get(task.assignee) ?? null,
      createdBy,
      task.due,
      task.status,
      task.fromComment ? (threadIds.get(task.fromComment) ?? null) : null,
      now,
    );
  }
}
