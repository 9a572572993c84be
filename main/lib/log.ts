// createLogger('sync') per subsystem; every line goes through the one redaction hook. Lines are JSON so
// that IT can ship them to whatever the branch uses. Tests and CLIs may pass their own sink.
// The fields are redacted as values before the line is serialised, and they cannot overwrite the line's
// own keys: a field named `message` is kept as `field.message`, never in place of the message.
import { redact, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let sink: LogSink = (line) => process.stderr.write(line + '\n');
let threshold: LogLevel = (process.env.LOKET_LOG_LEVEL as LogLevel | undefined) ?? 'info';

export function configureLogging(options: { sink?: LogSink; level?: LogLevel }): void {
  if (options.sink) sink = options.sink;
  if (options.level) threshold = options.level;
}

export function createLogger(subsystem: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < LEVELS[threshold]) return;
    sink(JSON.stringify(logLine(level, subsystem, message, fields)));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

const RESERVED = new Set(['t', 'level', 'subsystem', 'message']);

/** The object one log line serialises: reserved keys first and last word, fields redacted beside them. */
export function logLine(
  level: LogLevel,
  subsystem: string,
  message: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  const line: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  line.t = new Date().toISOString();
  line.level = level;
  line.subsystem = redact(subsystem);
  line.message = redact(message);
  const redacted = redactValue(fields);
  if (redacted === null || typeof redacted !== 'object' || Array.isArray(redacted)) {
    line['field.value'] = redacted;
    return line;
  }
  for (const [key, value] of Object.entries(redacted)) {
    line[RESERVED.has(key) || key.startsWith('field.') ? `field.${key}` : key] = value;
  }
  return line;
}
