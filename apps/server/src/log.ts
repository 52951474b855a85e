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

/** Where log lines go: stdout, and stderr for warnings and errors (tests may collect them). */
export type LogSink = (line: string, level: Exclude<LogLevel, "silent">) => void;

const STANDARD_STREAMS: LogSink = (line, level) => {
  if (LEVELS[level] >= LEVELS.warn) process.stderr.write(line);
  else process.stdout.write(line);
};

/** JSON-line logger; the only logger factory. */
export function createLogger(
  level: LogLevel = "info",
  base: LogFields = {},
  sink: LogSink = STANDARD_STREAMS,
): Logger {
  const threshold = LEVELS[level];
  function write(at: Exclude<LogLevel, "silent">, message: string, fields?: LogFields): void {
    if (LEVELS[at] < threshold) return;
    const entry: LogFields = { time: new Date().toISOString(), level: at, msg: message, ...base };
    for (const [key, value] of Object.entries(fields ?? {})) entry[key] = serialise(value);
    sink(`${JSON.stringify(entry)}\n`, at);
  }
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  };
}
