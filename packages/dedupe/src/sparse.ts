/** Feature strings interned to small integers, shared by every profile of one index. */
export type Vocabulary = {
  idOf: (key: string) => number;
  keyOf: (id: number) => string;
  readonly size: number;
};

export function createVocabulary(): Vocabulary {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  return {
    idOf(key) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
      }
      return id;
    },
    keyOf: (id) => keys[id] ?? "",
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
