// Entry point of `npm run queue`: wires the command to the process (argv, stdout, exit code), the clock and
// the store, opened as the app opens it: with the data key from the OS keychain.
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../keys';
import { systemClock } from '../lib/clock';
import { openStore } from '../store/connection';
import { runQueueCommand } from './queue-command';

process.exitCode = await runQueueCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  openStore: async (dataDir) => {
    const key = await loadOrCreateDataKey(new KeytarSecretStore({ service: keychainService() }), dataDir);
    return openStore(dataDir, { key });
  },
  now: () => systemClock.now(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  },
});
