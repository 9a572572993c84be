// `npm run bench`: signing, image preparation, store writes, the sandbox's own compute and end-to-end
// verification time, printed as one table on stdout (progress goes to stderr). About a minute on 2 cores.
import { configureLogging } from '../main/lib/log';
import { benchImage } from './image';
import { benchSandboxCompute } from './sandbox-compute';
import { benchSigning } from './signing';
import { benchStore } from './store';
import { formatMs } from './stats';
import { renderTable, type Section } from './table';
import { runScenario } from './verification';

// Imports are evaluated before any statement here, so LOKET_LOG_LEVEL would be read too late: set the level
// directly. Errors still reach stderr; nothing reaches stdout but the table.
configureLogging({ level: 'error' });

const E2E_LATENCY_MS = 50;
const E2E_RUNS = 10;

async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  process.stderr.write(`bench: ${name}…`);
  const result = await fn();
  process.stderr.write(` ${formatMs(performance.now() - started)}\n`);
  return result;
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections: Section[] = [];
  sections.push({ title: 'signing', rows: await step('signing', benchSigning) });
  sections.push({
    title: 'image preparation (prepareJpeg, provider limits)',
    rows: await step('images', benchImage),
  });
  sections.push({ title: 'store writes (SQLite WAL, temp dir)', rows: await step('store', benchStore) });
  const compute = await step('sandbox compute', benchSandboxCompute);
  sections.push({ title: 'sandbox compute (in-process, for the e2e notes)', rows: compute.rows });
  for (const latencyMs of [E2E_LATENCY_MS, 0]) {
    const rows = await step(`e2e L=${latencyMs} ms`, () =>
      runScenario({ latencyMs, n: E2E_RUNS, warmup: 1, sandboxCpuMs: compute.perVerificationMs }),
    );
    sections.push({ title: `end to end, sandbox latency ${latencyMs} ms`, rows });
  }
  process.stdout.write(renderTable(sections) + '\n');
  process.stdout.write(
    `\nnode ${process.version}, ${process.platform}/${process.arch}; total ${formatMs(performance.now() - started)}. ` +
      'p99 interpolates between ranks: with n = 10 it is close to the maximum.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
