import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("uses the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8787,
      seed: "demo",
      demoPassword: "junction-demo",
    });
    expect(config.dataDir.endsWith("data")).toBe(true);
  });

  it("stops with a message naming every bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", JUNCTION_SEED: "lots" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "eighty", JUNCTION_SEED: "lots" });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/JUNCTION_SEED/);
    }
  });

  it("passes the sync's least interval between appends on, and refuses a negative one", () => {
    expect(loadConfig({}).syncLimits.minFlushIntervalMs).toBe(20);
    const config = loadConfig({ JUNCTION_SYNC_MIN_FLUSH_INTERVAL_MS: "16" });
    expect(config.syncLimits.minFlushIntervalMs).toBe(16);
    expect(() => loadConfig({ JUNCTION_SYNC_MIN_FLUSH_INTERVAL_MS: "-1" })).toThrow(
      /JUNCTION_SYNC_MIN_FLUSH_INTERVAL_MS/,
    );
  });

  it("joins a deployment only with a redis:// URL", () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redisUrl).toBe(
      "redis://127.0.0.1:6379",
    );
    expect(() => loadConfig({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL/);
  });

  it("is frozen so nothing changes it after start", () => {
    const config = loadConfig({ PORT: "9000" });
    expect(config.port).toBe(9000);
    expect(Object.isFrozen(config)).toBe(true);
  });
});
