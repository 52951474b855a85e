// Types of services.mjs, for the tests that start a PostgreSQL server of their own.
export type TestPostgres = {
  url: string;
  /** Stops the server, keeping its data. */
  pause(): void;
  /** Starts it again after `pause`, on the same port with the same data. */
  resume(): void;
  /** Stops it and removes its data. */
  stop(): void;
};
export function postgresBinaries(): string | null;
export function startPostgres(bin: string): Promise<TestPostgres>;
