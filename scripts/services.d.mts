// Types of services.mjs, for the TypeScript that starts these services (the benchmarks).

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinaries(): string | null;

export type TestPostgres = {
  /** postgres://…, with no `schema` parameter. */
  url: string;
  /** The postmaster's process id; its backends are its children. */
  pid: number;
  /** Stops the server and removes its data directory. */
  stop(): void;
};

/** Starts a throwaway PostgreSQL server on a free port; throws when it cannot start. */
export function startPostgres(bin: string): Promise<TestPostgres>;
