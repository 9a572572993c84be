// createLogger('sync') per subsystem; every line goes through the one redaction hook. Lines are JSON so
// that IT can ship them to whatever the branch uses. Tests and CLIs may pass their own sink.
import { redact } from './redact';

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
    const line = JSON.stringify({ t: new Date().toISOString(), level, subsystem, message, ...fields });
    sink(redact(line));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
