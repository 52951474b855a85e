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

/**
 * A sparse vector: feature ids in ascending order and their raw weights, as the range
 * `start`..`end` of arrays an activity's vectors share (one allocation per activity, not six).
 * Weights are kept as multiples of 1/`WEIGHT_SCALE` in 16 bits: every weight the profile gives
 * (2, 1, 0.75, 0.3 and their products and sums) is one exactly.
 */
export type SparseVector = {
  ids: Int32Array;
  weights: Uint16Array;
  start: number;
  end: number;
};

export const WEIGHT_SCALE = 40;
const MAX_WEIGHT = 65_535;

/** The raw weight at position `at` of a vector's arrays. */
export function weightAt(vector: SparseVector, at: number): number {
  return (vector.weights[at] ?? 0) / WEIGHT_SCALE;
}

/**
 * Packs vectors (feature id -> raw weight) and plain id lists into one id array and one weight
 * array: the vectors as ranges, the lists as views after them.
 */
export function packVectors(
  vectors: ReadonlyArray<ReadonlyMap<number, number>>,
  lists: ReadonlyArray<readonly number[]>,
): { vectors: SparseVector[]; lists: Int32Array[] } {
  const weighted = vectors.reduce((sum, vector) => sum + vector.size, 0);
  const ids = new Int32Array(weighted + lists.reduce((sum, list) => sum + list.length, 0));
  const weights = new Uint16Array(weighted);
  let at = 0;
  const packed = vectors.map((vector) => {
    const start = at;
    for (const id of [...vector.keys()].sort((x, y) => x - y)) {
      ids[at] = id;
      weights[at] = Math.min(MAX_WEIGHT, Math.round((vector.get(id) ?? 0) * WEIGHT_SCALE));
      at++;
    }
    return { ids, weights, start, end: at };
  });
  const views = lists.map((list) => {
    const start = at;
    for (const id of list) ids[at++] = id;
    return ids.subarray(start, at);
  });
  return { vectors: packed, lists: views };
}

/** Calls `visit` for every feature both vectors hold, with both raw weights. */
export function forShared(
  a: SparseVector,
  b: SparseVector,
  visit: (id: number, valueA: number, valueB: number) => void,
): void {
  let i = a.start;
  let j = b.start;
  while (i < a.end && j < b.end) {
    const idA = a.ids[i] ?? 0;
    const idB = b.ids[j] ?? 0;
    if (idA === idB) {
      visit(idA, weightAt(a, i), weightAt(b, j));
      i++;
      j++;
    } else if (idA < idB) i++;
    else j++;
  }
}
