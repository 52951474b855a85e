import { describe, expect, it } from "vitest";
import { loginPath, safeNext } from "./redirects";

describe("sign-in redirects", () => {
  it("brings the user back to the page they asked for", () => {
    const login = loginPath("/networks/n1/members?tab=pending");
    expect(login).toBe("/login?next=%2Fnetworks%2Fn1%2Fmembers%3Ftab%3Dpending");
    expect(safeNext(login.slice("/login".length))).toBe("/networks/n1/members?tab=pending");
  });

  it("keeps a plain /login for the home page", () => {
    expect(loginPath("/")).toBe("/login");
    expect(safeNext("")).toBe("/");
  });

  it("never sends the user to another site after signing in", () => {
    expect(safeNext("?next=https://evil.example")).toBe("/");
    expect(safeNext("?next=//evil.example")).toBe("/");
    expect(safeNext("?next=/\\evil.example")).toBe("/");
  });

  it("does not loop back to the sign-in page", () => {
    expect(safeNext("?next=/login")).toBe("/");
  });
});
