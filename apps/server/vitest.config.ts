import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "../../scripts/vitest-summary-reporter.ts"],
    // CI machines are shared and slow: a test that fails once is run once more, and named as flaky
    retry: process.env.CI ? 1 : 0,
    // on PostgreSQL every statement is a round trip to the server: the longest tests take seconds
    testTimeout: process.env.JUNCTION_TEST_DATABASE_URL ? 30_000 : 5_000,
  },
});
