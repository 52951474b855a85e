import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./log";
import { startJunction } from "./server";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    // biome-ignore lint/style/noProcessEnv: the composition root hands the environment to loadConfig
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel === "silent" ? "silent" : config.logLevel);
  const junction = await startJunction(config, log);
  log.info("Junction is listening", {
    url: `http://${config.host}:${junction.port}`,
    dataDir: config.dataDir,
    store: config.databaseUrl ? "postgresql" : "sqlite",
  });
  junction.server.on("error", (error) => {
    log.error("the HTTP server failed", { error });
    process.exit(1);
  });

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    await junction.close();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: "error", msg: "Junction failed to start", error: String(error) })}\n`,
  );
  process.exit(1);
});
