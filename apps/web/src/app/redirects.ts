/** The sign-in page that brings the user back to `next` afterwards. */
export function loginPath(next: string): string {
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
