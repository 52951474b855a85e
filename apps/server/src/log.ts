export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      cause: serialise(value.cause),
    };
  }
  return value;
}

/** JSON-line logger on stdout (stderr for warnings and errors); the only logger factory. */
export function createLogger(level: LogLevel = "info", base: LogFields = {}): Logger {
  const threshold = LEVELS[level];
  function write(at: Exclude<LogLevel, "silent">, message: string, fields?: LogFields): void {
    if (LEVELS[at] < threshold) return;
    const entry: LogFields = { time: new Date().toISOString(), level: at, msg: message, ...base };
    for (const [key, value] of Object.entries(fields ?? {})) entry[key] = serialise(value);
    const line = `${JSON.stringify(entry)}\n`;
    if (LEVELS[at] >= LEVELS.warn) process.stderr.write(line);
    else process.stdout.write(line);
  }
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}
