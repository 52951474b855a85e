import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./process";

export type TestRedis = {
  url: string;
  /** Kills it (SIGKILL: a crash); `start` brings it back, empty, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

/**
 * Why the Redis tests cannot run here, or null when they can: `JUNCTION_TEST_REDIS_URL` or a
 * `redis-server` on the PATH. Under CI a missing Redis fails the run instead (see `requireRedis`).
 */
export function redisUnavailable(env: Record<string, string | undefined>): string | null {
  if (env.JUNCTION_TEST_REDIS_URL) return null;
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (found.error === undefined && found.status === 0) return null;
  return "redis-server is not installed (apt-get install -y redis-server) and JUNCTION_TEST_REDIS_URL is unset";
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", () => resolve(false));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("connect", () => socket.write("PING\r\n"));
  });
}

/** A private redis-server on a free port, nothing saved to disk; or the one the env names. */
export async function startTestRedis(env: Record<string, string | undefined>): Promise<TestRedis> {
  if (env.JUNCTION_TEST_REDIS_URL) {
    const url = env.JUNCTION_TEST_REDIS_URL;
    return {
      url,
      start: async () => {
        throw new Error("cannot restart a Redis the test did not start");
      },
      stop: async () => {},
    };
  }
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    for (let attempt = 0; !(await ping(port)); attempt++) {
      if (attempt > 100) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const kill = async (): Promise<void> => {
    const running = child as ChildProcess | null;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: kill,
    start: launch,
  };
}
