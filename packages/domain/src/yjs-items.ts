import * as Y from "yjs";
import { groupBy } from "./group-by";

// Yjs has no public API for who inserted what: the Yjs client id of each piece of content sits on
// its Item. These two readers are the only places that reach into the types' internal fields;
// every Yjs 13 AbstractType keeps `_start` (its sequence of items) and `_map` (key -> last item).

type ItemHolder = { _start: Y.Item | null; _map: Map<string, Y.Item> };

function holder<T>(type: Y.AbstractType<T>): ItemHolder {
  return type as unknown as ItemHolder;
}

/** The text of a Y.XmlText with, per UTF-16 unit, the Yjs client id that inserted it. */
export function textWithClients(text: Y.XmlText): { text: string; clients: number[] } {
  let value = "";
  const clients: number[] = [];
  for (let item = holder(text)._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    value += str;
    for (let i = 0; i < str.length; i++) clients.push(item.id.client);
  }
  return { text: value, clients };
}

/** The Yjs client id that set an attribute's current value, or null when it is not set. */
export function attributeClient(element: Y.XmlElement, name: string): number | null {
  const item = holder(element)._map.get(name);
  return item && !item.deleted ? item.id.client : null;
}

/** The Yjs client id that created a type (e.g. an activity block), or null for a root type. */
export function creatorClient<T>(type: Y.AbstractType<T>): number | null {
  return type._item ? type._item.id.client : null;
}

/** An update's own items, by client, to resolve origins that point inside the same update. */
export class OwnItems {
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
