import { describe, expect, it } from "vitest";
import { isPlainLeftClick, matchPath, matchRoutes } from "./router";

const click = {
  button: 0,
  metaKey: false,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  defaultPrevented: false,
};

describe("matchPath", () => {
  it("opens the network page with its id", () => {
    expect(matchPath("/networks/:networkId", "/networks/un-network-georgia")).toEqual({
      networkId: "un-network-georgia",
    });
  });

  it("tolerates a trailing slash", () => {
    expect(matchPath("/networks/:networkId/members", "/networks/n1/members/")).toEqual({
      networkId: "n1",
    });
  });

  it("decodes escaped characters in a parameter", () => {
    expect(matchPath("/invitations/:token", "/invitations/a%2Fb%20c")).toEqual({ token: "a/b c" });
  });

  it("does not match a longer or a different path", () => {
    expect(matchPath("/networks/:networkId", "/networks/n1/members")).toBeNull();
    expect(matchPath("/account", "/accounts")).toBeNull();
    expect(matchPath("/", "/login")).toBeNull();
  });

  it("rejects a malformed escape instead of throwing", () => {
    expect(matchPath("/workplans/:workplanId", "/workplans/%E0%A4%A")).toBeNull();
  });

  it("matches the home page", () => {
    expect(matchPath("/", "/")).toEqual({});
  });
});

describe("matchRoutes", () => {
  const routes = [
    { path: "/networks/:networkId/members", name: "members" },
    { path: "/networks/:networkId", name: "network" },
  ];

  it("picks the first route that matches", () => {
    expect(matchRoutes(routes, "/networks/n1")?.route.name).toBe("network");
    expect(matchRoutes(routes, "/networks/n1/members")?.route.name).toBe("members");
  });

  it("reports no match for an unknown page, so the 404 page shows", () => {
    expect(matchRoutes(routes, "/nowhere")).toBeNull();
  });
});

describe("isPlainLeftClick", () => {
  it("navigates in place on a plain click", () => {
    expect(isPlainLeftClick(click)).toBe(true);
  });

  it("leaves ctrl/cmd/shift clicks and middle clicks to the browser (new tab, new window)", () => {
    expect(isPlainLeftClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, shiftKey: true })).toBe(false);
    expect(isPlainLeftClick({ ...click, button: 1 })).toBe(false);
  });

  it("respects a handler that already prevented the default", () => {
    expect(isPlainLeftClick({ ...click, defaultPrevented: true })).toBe(false);
  });
});
