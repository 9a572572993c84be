// `npm run sandbox -- --port 8787 [--submission-token-ttl 300] [--latency 0] [--job-duration 400]
//   [--error-rate 0.1] [--rate-limit-rate 0.05 --retry-after 2] [--timeout-rate 0.05] [--malformed-rate 0.05]
//   [--fault-after-handling-rate 0.05 --fault-after-handling-as error|drop] [--stuck-jobs] [--seed 42]`
// (the fault flags: faults/policy.ts; change them at run time with PUT /_sandbox/faults).
// State (tokens, jobs, sessions) is in memory only: a restart on the same port is a provider that lost it.
// Prints the base URL on a line of its own once listening (scripts wait for that line), closes on
// SIGINT/SIGTERM. Logs go to stderr so stdout carries only the URL.
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import { USAGE, parseCliArgs } from './cli-args';
import { type SandboxOptions, startSandbox } from './server';

const log = createLogger('sandbox');

async function main(): Promise<void> {
  let options: SandboxOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox(options);
  process.stdout.write(`${sandbox.url}\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info('sandbox stopping', { signal });
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('sandbox close failed', { error: describeError(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log.error('sandbox failed to start', { error: describeError(error) });
  process.exit(1);
});
