import {
  countUsers,
  createUser,
  type Db,
  findUserByEmail,
  seedDemoNetworkIfEmpty,
  setUserAdmin,
} from "@junction/store";
import { checkPasswordRules, hashPassword } from "./auth/passwords";
import { generateRandomString } from "./auth/secrets";
import type { Config } from "./config";
import { formatEnglish } from "./i18n/translator";
import type { Logger } from "./log";

/** First start: seed the demo network into an empty database, and make sure the admin exists. */
export async function bootstrap(db: Db, config: Config, log: Logger): Promise<void> {
  if (countUsers(db) === 0 && config.seed === "demo") {
    // another process sharing the database may seed first: then this one leaves it be
    const result = seedDemoNetworkIfEmpty(db, await hashPassword(config.demoPassword));
    if (result) log.info("seeded the demo network", { networkId: result.networkId });
    for (const login of result?.logins ?? []) {
      log.info("demo login", {
        email: login.email,
        role: login.role,
        organisation: login.organisation,
      });
    }
    if (result)
      log.info(
        `every demo user's password is the value of JUNCTION_DEMO_PASSWORD (default "junction-demo")`,
      );
  }
  if (config.adminEmail) await ensureAdmin(db, config, config.adminEmail, log);
}

async function ensureAdmin(db: Db, config: Config, email: string, log: Logger): Promise<void> {
  const existing = findUserByEmail(db, email);
  if (existing) {
    if (!existing.isAdmin) {
      setUserAdmin(db, existing.id, true);
      log.info("made an existing user instance administrator", { email });
    }
    return;
  }
  let password = config.adminPassword;
  if (password) {
    const problem = checkPasswordRules(password, { email });
    if (problem) throw new Error(`JUNCTION_ADMIN_PASSWORD: ${formatEnglish(problem)}`);
  } else {
    password = `${generateRandomString()}-${generateRandomString()}`;
  }
  const passwordHash = await hashPassword(password);
  try {
    createUser(db, { email, name: "Administrator", passwordHash, isAdmin: true });
  } catch (error) {
    // another process sharing the database created it meanwhile (both started at once)
    if (findUserByEmail(db, email)) return ensureAdmin(db, config, email, log);
    throw error;
  }
  log.info("created the instance administrator", {
    email,
    ...(config.adminPassword ? {} : { password, note: "shown once: sign in and keep it safe" }),
  });
}
