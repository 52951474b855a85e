/**
 * Paths whose last segment is a secret (`<id>.<secret>`): invitation links, in the API and in the
 * web app, and password-reset links. Whoever reads the log must not be able to use them.
 */
const SECRET_SEGMENTS: readonly RegExp[] = [
  /^(\/api\/invitations\/accept\/)([^/]+)/i,
  /^(\/invitations\/)([^/]+)/i,
  /^(\/api\/auth\/password-reset\/)([^/]+)/i,
  /^(\/password-reset\/)([^/]+)/i,
];

/** Query parameters that carry credentials (`?token=` authenticates the sync WebSocket). */
const SECRET_PARAMS: ReadonlySet<string> = new Set(["token", "access_token", "secret", "password"]);

const REDACTED = "[redacted]";

function redactSegment(segment: string): string {
  // keep the id before the dot: it names the invitation in the list, and grants nothing
  const dot = segment.indexOf(".");
  return dot > 0 ? `${segment.slice(0, dot)}.${REDACTED}` : REDACTED;
}

function paramName(pair: string): string {
  const name = pair.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(name.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** A request path (and query) as the log may show it: every secret replaced by `[redacted]`. */
export function redactPath(pathAndQuery: string): string {
  const cut = pathAndQuery.search(/[?#]/);
  let path = cut === -1 ? pathAndQuery : pathAndQuery.slice(0, cut);
  const rest = cut === -1 ? "" : pathAndQuery.slice(cut);
  for (const pattern of SECRET_SEGMENTS) {
    path = path.replace(
      pattern,
      (_, prefix: string, segment: string) => prefix + redactSegment(segment),
    );
  }
  if (!rest.startsWith("?")) return path;
  const query = rest.slice(1).split("#", 1)[0] ?? "";
  const pairs = query.split("&").map((pair) => {
    if (!SECRET_PARAMS.has(paramName(pair))) return pair;
    return `${pair.split("=", 1)[0]}=${REDACTED}`;
  });
  return `${path}?${pairs.join("&")}`;
}
