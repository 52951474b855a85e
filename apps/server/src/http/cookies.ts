import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Deps } from "../deps";
import type { AppEnv } from "./env";

export const SESSION_COOKIE = "junction_session";

function isSecure(c: Context<AppEnv>, deps: Deps): boolean {
  if (deps.config.publicUrl) return deps.config.publicUrl.startsWith("https://");
  if (deps.config.trustProxy) return c.req.header("x-forwarded-proto") === "https";
  return new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(
  c: Context<AppEnv>,
  deps: Deps,
  token: string,
  expiresAt: number,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure(c, deps),
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
