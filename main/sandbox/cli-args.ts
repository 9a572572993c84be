// Command-line options of `npm run sandbox`, parsed with node:util (kept apart from cli.ts so tests can
// import it without starting a server).
import { parseArgs } from 'node:util';
import type { SandboxOptions } from './server';

export const USAGE =
  'usage: npm run sandbox -- [--port PORT] [--submission-token-ttl SECONDS] [--latency MS] [--job-duration MS]';

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

export function parseCliArgs(argv: string[]): SandboxOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'submission-token-ttl': { type: 'string' },
      latency: { type: 'string' },
      'job-duration': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: integer('port', values.port, 0, 65535) ?? 0,
    submissionTokenTtlSeconds: integer('submission-token-ttl', values['submission-token-ttl'], 1, 86_400),
    latencyMs: integer('latency', values.latency, 0, 600_000),
    jobDurationMs: integer('job-duration', values['job-duration'], 0, 600_000),
  };
}
