import * as Y from "yjs";
import { ACTIVITY_NODE, activityElements } from "./activity-doc";
import {
  allowsCommitmentChange,
  COMMITMENT_FIELDS,
  type CommitmentField,
  type CommitmentRights,
  type Commitments,
  readCommitments,
  sameCommitment,
} from "./commitments";
import { isJsonValue } from "./xml-content";
import { OwnItems } from "./yjs-items";

/**
 * An activity's commitments (lead, partners, budget, status) are narrower than the document:
 * only some writers may change them (see `commitmentRights`). The sync server asks these
 * functions about every writer's update: a cheap triage first, then the exact review on a copy.
 */

/** Renaming a block's id could pass its commitments off as another activity's, or as a new one's. */
const GUARDED_ATTRIBUTES: ReadonlySet<string> = new Set<string>(["id", ...COMMITMENT_FIELDS]);

/** An activity that left the document, with the commitments it held when it left. */
export type RemovedActivity = { readonly id: string; readonly commitments: Commitments };

type ActivityBefore = {
  readonly id: string;
  readonly commitments: Commitments;
  /** The attributes as stored, to put back exactly; null for an activity recalled from memory. */
  readonly stored: Readonly<Record<CommitmentField, unknown>> | null;
};

/** Every activity before an update, by block and by id. */
type ActivitiesBefore = {
  readonly byElement: ReadonlyMap<Y.XmlElement, ActivityBefore>;
  /** The first block wins if an id appears twice. */
  readonly byId: ReadonlyMap<string, ActivityBefore>;
};

/** What the review needs from the server: its memory of removed activities and the writer's rights. */
export type CommitmentJudge = {
  /** The commitments an activity id held when it last left this document, if it ever was in it. */
  recall(activityId: string): Commitments | undefined;
  /** The writer's rights on an activity as it was before the update. */
  rightsFor(activity: { readonly id: string; readonly lead: string | null }): CommitmentRights;
};

export type CommitmentReview = {
  /** Activities whose commitments were put back, and which. */
  readonly restored: readonly {
    readonly id: string;
    readonly fields: readonly CommitmentField[];
  }[];
  /** Activities the update took out of the document (deleted, or their id renamed), as they were. */
  readonly removed: readonly RemovedActivity[];
};

/**
 * Cheap test, run on every writer's update against the live document: false means the update
 * can change no activity's commitments and remove no activity (it sets or deletes no commitment
 * or `id` attribute, creates no activity block and deletes none). True only means the update
 * needs the exact review on a scratch copy. Typing is never flagged.
 */
export function mayChangeCommitments(
  ydoc: Y.Doc,
  update: Uint8Array | ReturnType<typeof Y.decodeUpdate>,
): boolean {
  const { store } = ydoc;
  // held-back structs may be completed by this update; what they do is not known here
  if (store.pendingStructs !== null || store.pendingDs !== null) return true;
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  const own = new OwnItems(structs);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { content } = struct;
    if (content instanceof Y.ContentType && isActivityType(content.type)) return true;
    const key = attributeKeyOf(struct, store, own);
    if (key === undefined || isGuarded(key)) return true;
  }
  for (const [client, deletions] of ds.clients) {
    const stored = store.clients.get(client);
    if (stored === undefined) return true;
    const known = Y.getState(store, client);
    for (const { clock, len } of deletions) {
      // deleting what this copy has not seen yet (queued, not yet applied): cannot be told here
      if (clock + len > known) return true;
      const end = clock + len;
      for (let i = Y.findIndexSS(stored, clock); i < stored.length; i++) {
        const item = stored[i];
        if (item === undefined || item.id.clock >= end) break;
        if (!(item instanceof Y.Item) || item.deleted) continue;
        if (isGuarded(item.parentSub) || holdsActivity(item)) return true;
      }
    }
  }
  return false;
}

/**
 * The exact review, on a scratch copy holding the document as it is just before the update:
 * `apply` applies the update, then every commitment the writer may not change is put back.
 * A block carrying an id the document holds, or held before (`judge.recall`), is that activity
 * (copies, re-creations, swapped ids); a block whose id is new is judged as the activity it was
 * before the update, if any; only a new block with a new id keeps what its writer gave it.
 */
export function applyKeepingCommitments(
  ydoc: Y.Doc,
  apply: () => void,
  judge: CommitmentJudge,
): CommitmentReview {
  const before = readActivitiesBefore(ydoc);
  apply();
  const restored: { id: string; fields: CommitmentField[] }[] = [];
  const present = new Set<string>();
  const rights = new Map<string, CommitmentRights>();
  const rightsFor = (activity: ActivityBefore): CommitmentRights => {
    let found = rights.get(activity.id);
    if (found === undefined) {
      found = judge.rightsFor({ id: activity.id, lead: activity.commitments.lead });
      rights.set(activity.id, found);
    }
    return found;
  };
  ydoc.transact(() => {
    for (const element of activityElements(ydoc)) {
      const id = idOf(element);
      if (id !== null) present.add(id);
      const now = readCommitments(element.getAttributes());
      const own = before.byElement.get(element);
      // what the update did not touch stays as it is (even an old duplicate id's differing copy)
      if (own !== undefined && own.id === id && sameCommitments(now, own.commitments)) continue;
      // the id is the identity others refer to (owners, comments, warnings): a block carrying a
      // known id is that activity; a block whose id is new is still what it was before
      const previous = (id === null ? undefined : known(id)) ?? own;
      if (previous === undefined) continue;
      const putBack: CommitmentField[] = [];
      for (const field of COMMITMENT_FIELDS) {
        if (sameCommitment(now[field], previous.commitments[field])) continue;
        if (allowsCommitmentChange(rightsFor(previous), field, now[field])) continue;
        putBackField(element, field, previous);
        putBack.push(field);
      }
      if (putBack.length === 0) continue;
      const entry = restored.find((r) => r.id === previous.id);
      if (entry === undefined) restored.push({ id: previous.id, fields: putBack });
      else for (const field of putBack) if (!entry.fields.includes(field)) entry.fields.push(field);
    }
  });
  const removed = [...before.byId.values()]
    .filter((activity) => !present.has(activity.id))
    .map(({ id, commitments }) => ({ id, commitments }));
  return { restored, removed };

  function known(id: string): ActivityBefore | undefined {
    const inDocument = before.byId.get(id);
    if (inDocument !== undefined) return inDocument;
    const commitments = judge.recall(id);
    return commitments === undefined ? undefined : { id, commitments, stored: null };
  }
}

function sameCommitments(a: Commitments, b: Commitments): boolean {
  return COMMITMENT_FIELDS.every((field) => sameCommitment(a[field], b[field]));
}

function idOf(element: Y.XmlElement): string | null {
  const id: unknown = element.getAttribute("id");
  return typeof id === "string" && id !== "" ? id : null;
}

function readActivitiesBefore(ydoc: Y.Doc): ActivitiesBefore {
  const byElement = new Map<Y.XmlElement, ActivityBefore>();
  const byId = new Map<string, ActivityBefore>();
  for (const element of activityElements(ydoc)) {
    const id = idOf(element);
    if (id === null) continue;
    const attributes = element.getAttributes() as Record<string, unknown>;
    const state: ActivityBefore = {
      id,
      commitments: readCommitments(attributes),
      stored: {
        lead: attributes.lead,
        partners: attributes.partners,
        budget: attributes.budget,
        status: attributes.status,
      },
    };
    byElement.set(element, state);
    if (!byId.has(id)) byId.set(id, state);
  }
  return { byElement, byId };
}

/** Sets the field back to what the activity held, as it was stored when there is a stored value. */
function putBackField(
  element: Y.XmlElement,
  field: CommitmentField,
  previous: ActivityBefore,
): void {
  const stored = previous.stored === null ? undefined : previous.stored[field];
  // a Y type cannot go into a document twice: one stored there goes back as the value it read as
  const isStoredExactly = previous.stored !== null && (stored === undefined || isJsonValue(stored));
  const value = isStoredExactly ? stored : previous.commitments[field];
  if (value === undefined) element.removeAttribute(field);
  // y-prosemirror stores attribute values as they are, arrays and objects included
  else element.setAttribute(field, value as string);
}

/** A deleted block that is, or holds, an activity: the activity leaves the document. */
function holdsActivity(item: Y.Item): boolean {
  const { content } = item;
  return content instanceof Y.ContentType && containsActivity(content.type);
}

function containsActivity(type: unknown): boolean {
  if (!(type instanceof Y.XmlElement)) return false;
  if (type.nodeName === ACTIVITY_NODE) return true;
  return type.toArray().some(containsActivity);
}

function isGuarded(key: string | null): boolean {
  return key !== null && GUARDED_ATTRIBUTES.has(key);
}

function isActivityType(type: unknown): boolean {
  return type instanceof Y.XmlElement && type.nodeName === ACTIVITY_NODE;
}

/**
 * The map key an item is stored under (an element's attribute name), null for list content
 * (text, child nodes), undefined when it cannot be told (its neighbours are not known here).
 * Items only carry their parent and key when they have no neighbours; otherwise they inherit
 * those of their left or right origin, which may be in the update itself or in the document.
 */
function attributeKeyOf(
  item: Y.Item,
  store: Y.Doc["store"],
  own: OwnItems,
): string | null | undefined {
  let current: Y.Item = item;
  for (let hops = 0; hops < 10_000; hops++) {
    if (current.parentSub !== null) return current.parentSub;
    if (current.parent !== null) return null;
    const neighbour = current.origin ?? current.rightOrigin;
    if (neighbour === null) return undefined;
    if (neighbour.clock < Y.getState(store, neighbour.client)) {
      const stored = Y.getItem(store, neighbour);
      // an integrated item knows its key; garbage-collected content no longer does
      return stored instanceof Y.Item ? stored.parentSub : undefined;
    }
    const inUpdate = own.find(neighbour);
    if (inUpdate === undefined || inUpdate === current) return undefined;
    current = inUpdate;
  }
  return undefined;
}
