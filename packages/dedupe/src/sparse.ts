/** Feature strings interned to small integers, shared by every profile of one index. */
export type Vocabulary = {
  idOf: (key: string) => number;
  keyOf: (id: number) => string;
  /** What a feature is, from its key's prefix: one of `FEATURE_KINDS`, 0 for anything else. */
  kindOf: (id: number) => number;
  readonly size: number;
};

/** Feature kinds by key prefix: w: word stem, c: concept group, t: knowledge topic. */
export const FEATURE_KINDS = { word: 1, concept: 2, topic: 3 } as const;

function kindOfKey(key: string): number {
  if (key.startsWith("w:")) return FEATURE_KINDS.word;
  if (key.startsWith("c:")) return FEATURE_KINDS.concept;
  if (key.startsWith("t:")) return FEATURE_KINDS.topic;
  return 0;
}

export function createVocabulary(): Vocabulary {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  let kinds = new Uint8Array(1024);
  return {
    idOf(key) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        if (id >= kinds.length) {
          const grown = new Uint8Array(kinds.length * 2);
          grown.set(kinds);
          kinds = grown;
        }
        kinds[id] = kindOfKey(key);
      }
      return id;
    },
    keyOf: (id) => keys[id] ?? "",
    kindOf: (id) => kinds[id] ?? 0,
    get size() {
      return keys.length;
    },
  };
}

/** A sparse vector: feature ids in ascending order and their raw weights. */
export type SparseVector = { ids: Int32Array; values: Float32Array };

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), values: new Float32Array(0) };

export function toSparse(entries: ReadonlyMap<number, number>): SparseVector {
  const ids = Int32Array.from(entries.keys()).sort();
  const values = new Float32Array(ids.length);
  for (let n = 0; n < ids.length; n++) values[n] = entries.get(ids[n] ?? 0) ?? 0;
  return { ids, values };
}

/** Calls `visit` for every feature both vectors hold, with both raw weights. */
export function forShared(
  a: SparseVector,
  b: SparseVector,
  visit: (id: number, valueA: number, valueB: number) => void,
): void {
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const idA = a.ids[i] ?? 0;
    const idB = b.ids[j] ?? 0;
    if (idA === idB) {
      visit(idA, a.values[i] ?? 0, b.values[j] ?? 0);
      i++;
      j++;
    } else if (idA < idB) i++;
    else j++;
  }
}
