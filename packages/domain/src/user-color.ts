// readable on white and on dark backgrounds, distinct enough for a handful of carets
const PALETTE = [
  "#d1495b",
  "#00798c",
  "#edae49",
  "#30638e",
  "#6a4c93",
  "#2a9d8f",
  "#e76f51",
  "#8a5a44",
  "#3d9970",
  "#b5179e",
  "#4361ee",
  "#c9184a",
] as const;

/** The same user gets the same colour on every connection and every server process. */
export function colorForUser(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
}
