// Types of services.mjs, for the TypeScript that starts these services (tests and benchmarks).

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinaries(): string | null;

export type TestPostgres = {
  /** postgres://…, with no `schema` parameter. */
  url: string;
  /** The postmaster's process id; its backends are its children. */
  readonly pid: number;
  /** Stops the server, keeping its data. */
  pause(): void;
  /** Starts it again after `pause`, on the same port with the same data. */
  resume(): void;
  /** Stops the server and removes its data directory. */
  stop(): void;
};

/** Starts a throwaway PostgreSQL server on a free port; throws when it cannot start. */
export function startPostgres(bin: string): Promise<TestPostgres>;
