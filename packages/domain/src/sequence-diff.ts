/** One step of an edit script from `a` to `b`: keep a[aIndex] as b[bIndex], drop a[aIndex], or add b[bIndex]. */
export type DiffStep =
  | { readonly kind: "equal"; readonly aIndex: number; readonly bIndex: number }
  | { readonly kind: "removed"; readonly aIndex: number }
  | { readonly kind: "added"; readonly bIndex: number };

/** Above this many cells (a.length x b.length after the common ends), the middle is replaced whole. */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * A shortest edit script between two sequences of keys (longest common subsequence after trimming
 * the common prefix and suffix), in order. Quadratic in the changed middle only, and bounded: a
 * middle larger than `maxCells` comes back as removed-then-added, which is still a correct script.
 */
export function diffSequences<K>(
  a: readonly K[],
  b: readonly K[],
  maxCells = MAX_TABLE_CELLS,
): DiffStep[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const steps: DiffStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ kind: "equal", aIndex: i, bIndex: i });
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0 || n * m > maxCells) {
    for (let i = start; i < endA; i++) steps.push({ kind: "removed", aIndex: i });
    for (let j = start; j < endB; j++) steps.push({ kind: "added", bIndex: j });
  } else {
    steps.push(...middleSteps(a, b, start, n, m));
  }
  for (let k = 0; endA + k < a.length; k++) {
    steps.push({ kind: "equal", aIndex: endA + k, bIndex: endB + k });
  }
  return steps;
}

function middleSteps<K>(
  a: readonly K[],
  b: readonly K[],
  start: number,
  n: number,
  m: number,
): DiffStep[] {
  // lengths[i][j]: longest common subsequence of a[start+i..] and b[start+j..]
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[start + i] === b[start + j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const steps: DiffStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      steps.push({ kind: "equal", aIndex: start + i, bIndex: start + j });
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      steps.push({ kind: "removed", aIndex: start + i });
      i++;
    } else {
      steps.push({ kind: "added", bIndex: start + j });
      j++;
    }
  }
  for (; i < n; i++) steps.push({ kind: "removed", aIndex: start + i });
  for (; j < m; j++) steps.push({ kind: "added", bIndex: start + j });
  return steps;
}

/** A token of text with where it starts: words, single punctuation marks, and runs of white space. */
export type TextToken = { readonly text: string; readonly start: number };

const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

export function tokenize(text: string): TextToken[] {
  return [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], start: match.index }));
}

/** One changed stretch of a text: what `a` held in [aStart, aEnd) became `b`'s [bStart, bEnd). */
export type TextChange = {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
};

/**
 * Where two texts differ, word by word; white space alone between two changes joins them, so
 * "the quick fox" -> "a slow fox" is one change ("the quick" -> "a slow"), not two.
 */
export function diffWords(a: string, b: string): TextChange[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const steps = diffSequences(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
  );
  const changes: { aFrom: number; aTo: number; bFrom: number; bTo: number }[] = [];
  let open: { aFrom: number; aTo: number; bFrom: number; bTo: number } | null = null;
  // token positions in a and b reached so far, to place empty sides
  let ai = 0;
  let bi = 0;
  let pendingSpace: { ai: number; bi: number } | null = null;
  for (const step of steps) {
    if (step.kind === "equal") {
      const isSpace = /^\s+$/.test(ta[step.aIndex]?.text ?? "");
      if (open && isSpace && pendingSpace === null) {
        pendingSpace = { ai: step.aIndex + 1, bi: step.bIndex + 1 };
      } else {
        if (open) changes.push(open);
        open = null;
        pendingSpace = null;
      }
      ai = step.aIndex + 1;
      bi = step.bIndex + 1;
      continue;
    }
    if (open && pendingSpace) {
      open.aTo = pendingSpace.ai;
      open.bTo = pendingSpace.bi;
    }
    pendingSpace = null;
    open ??= { aFrom: ai, aTo: ai, bFrom: bi, bTo: bi };
    if (step.kind === "removed") {
      ai = step.aIndex + 1;
      open.aTo = ai;
    } else {
      bi = step.bIndex + 1;
      open.bTo = bi;
    }
  }
  if (open) changes.push(open);
  slideIntoPlace(changes, ta, tb);
  const offset = (tokens: readonly TextToken[], index: number, text: string) =>
    tokens[index]?.start ?? text.length;
  return changes.map(({ aFrom, aTo, bFrom, bTo }) => ({
    aStart: offset(ta, aFrom, a),
    aEnd: offset(ta, aTo, a),
    bStart: offset(tb, bFrom, b),
    bEnd: offset(tb, bTo, b),
  }));
}

/**
 * An insertion (or deletion) next to a token it starts with can sit one token further on, and
 * reads better there: "yearly[. Publish the findings]." becomes "yearly.[ Publish the findings.]".
 */
function slideIntoPlace(
  changes: { aFrom: number; aTo: number; bFrom: number; bTo: number }[],
  ta: readonly TextToken[],
  tb: readonly TextToken[],
): void {
  changes.forEach((change, i) => {
    const next = changes[i + 1];
    const isInsertion = change.aFrom === change.aTo;
    const isDeletion = change.bFrom === change.bTo;
    if (isInsertion === isDeletion) return;
    const tokens = isInsertion ? tb : ta;
    const from = isInsertion ? "bFrom" : "aFrom";
    const to = isInsertion ? "bTo" : "aTo";
    const limit = next ? next[from] : tokens.length;
    while (change[to] < limit && tokens[change[to]]?.text === tokens[change[from]]?.text) {
      change.aFrom++;
      change.aTo++;
      change.bFrom++;
      change.bTo++;
    }
  });
}

/** Share of distinct words two texts have in common (Jaccard, case-insensitive), 0..1. */
export function wordSimilarity(a: string, b: string): number {
  const words = (text: string) =>
    new Set(
      tokenize(text.toLowerCase())
        .map((t) => t.text)
        .filter((t) => !/^\s+$/.test(t)),
    );
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared++;
  return shared / (wa.size + wb.size - shared);
}
