import * as Y from "yjs";
import { ACTIVITY_NODE, activityElements, readActivityStatus } from "./activity-doc";
import { groupBy } from "./group-by";
import type { ActivityStatus } from "./schemas";

/**
 * Who may set an activity's status is narrower than who may edit the document: its owners,
 * editors of its lead organisation and coordinators. The sync server asks these functions about
 * every update from a writer who may not change every status.
 */

const STATUS_ATTRIBUTE = "status";
/** Renaming a block's id could pass its status off as another activity's, or as a new one. */
const GUARDED_ATTRIBUTES: ReadonlySet<string> = new Set([STATUS_ATTRIBUTE, "id"]);

type ActivityState = {
  readonly id: string;
  readonly status: ActivityStatus;
  readonly lead: string | null;
};

/** Every activity's id, status and lead organisation before an update, by block and by id. */
type StatusBefore = {
  readonly byElement: ReadonlyMap<Y.XmlElement, ActivityState>;
  /** The first block wins if an id appears twice. */
  readonly byId: ReadonlyMap<string, ActivityState>;
};

/**
 * Cheap test, run on every such update against the live document: false means the update cannot
 * change any activity's status (it sets or deletes no `status` or `id` attribute, and creates no
 * activity block). True only means the update needs the exact check on a scratch copy.
 */
export function mayChangeActivityStatus(
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
        if (item instanceof Y.Item && isGuarded(item.parentSub) && !item.deleted) {
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * The exact check, on a scratch copy holding the document as it is just before the update:
 * `apply` applies the update, then every status the writer may not change is put back (see
 * `restoreStatuses`). Answers the ids of the activities put back.
 */
export function applyKeepingStatuses(
  ydoc: Y.Doc,
  apply: () => void,
  mayChange: (activityId: string, lead: string | null) => boolean,
): string[] {
  const before = readStatuses(ydoc);
  apply();
  return restoreStatuses(ydoc, before, mayChange);
}

function readStatuses(ydoc: Y.Doc): StatusBefore {
  const byElement = new Map<Y.XmlElement, ActivityState>();
  const byId = new Map<string, ActivityState>();
  for (const element of activityElements(ydoc)) {
    const id = element.getAttribute("id");
    if (typeof id !== "string" || id === "") continue;
    const lead: unknown = element.getAttribute("lead");
    const state = {
      id,
      status: readActivityStatus(element),
      lead: typeof lead === "string" && lead !== "" ? lead : null,
    };
    byElement.set(element, state);
    if (!byId.has(id)) byId.set(id, state);
  }
  return { byElement, byId };
}

/**
 * Puts back the status of every block whose status differs from what it was for an activity the
 * writer may not change. A block is judged as the activity it was before the update (whatever id
 * it carries now); a new block reusing an existing id counts as that activity. Blocks of
 * activities that did not exist before are the writer's own and keep what they were given.
 * Answers the ids it put back.
 */
function restoreStatuses(
  ydoc: Y.Doc,
  before: StatusBefore,
  mayChange: (activityId: string, lead: string | null) => boolean,
): string[] {
  const restored: string[] = [];
  const decisions = new Map<string, boolean>();
  ydoc.transact(() => {
    for (const element of activityElements(ydoc)) {
      const id = element.getAttribute("id");
      const previous =
        before.byElement.get(element) ?? (typeof id === "string" ? before.byId.get(id) : undefined);
      if (previous === undefined || readActivityStatus(element) === previous.status) continue;
      let allowed = decisions.get(previous.id);
      if (allowed === undefined) {
        allowed = mayChange(previous.id, previous.lead);
        decisions.set(previous.id, allowed);
      }
      if (allowed) continue;
      element.setAttribute(STATUS_ATTRIBUTE, previous.status);
      if (!restored.includes(previous.id)) restored.push(previous.id);
    }
  });
  return restored;
}

function isGuarded(key: string | null): boolean {
  return key !== null && GUARDED_ATTRIBUTES.has(key);
}

function isActivityType(type: unknown): boolean {
  return type instanceof Y.XmlElement && type.nodeName === ACTIVITY_NODE;
}

/** An update's own items, by client, to resolve origins that point inside the same update. */
class OwnItems {
  private byClient: Map<number, Y.Item[]> | null = null;

  constructor(private readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {}

  find(id: Y.ID): Y.Item | undefined {
    // built on first use: most updates only point at what the document already holds
    this.byClient ??= groupBy(
      this.structs.filter((struct): struct is Y.Item => struct instanceof Y.Item),
      (item) => item.id.client,
    );
    const items = this.byClient.get(id.client);
    if (items === undefined) return undefined;
    // an update lists each client's structs in clock order
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const item = items[middle];
      if (item === undefined) return undefined;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  }
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
