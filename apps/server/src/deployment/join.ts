import type { Logger } from "../log";
import { createLocalDeployment, type Deployment } from "./deployment";
import { createRedisDeployment } from "./redis-deployment";

/** This process alone, or joined through Redis to every process sharing `redisUrl`. */
export async function joinDeployment(redisUrl: string | null, log: Logger): Promise<Deployment> {
  if (redisUrl === null) return createLocalDeployment();
  const deployment = await createRedisDeployment(redisUrl, log.child({ component: "redis" }));
  log.info("joined the deployment through Redis", { processId: deployment.processId });
  return deployment;
}
