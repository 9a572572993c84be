// Entry point of `npm run queue`: wires the command to the process (argv, stdout, exit code), the clock and
// the store, opened as the app opens it: with the data key from the OS keychain.
import { openAuditLog } from '../audit/audit-log';
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../keys';
import { systemClock } from '../lib/clock';
import { openStore } from '../store/connection';
import { runQueueCommand } from './queue-command';

const secrets = new KeytarSecretStore({ service: keychainService() });

process.exitCode = await runQueueCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  openStore: async (dataDir) => {
    const key = await loadOrCreateDataKey(secrets, dataDir);
    return openStore(dataDir, { key });
  },
  openAudit: (store) => openAuditLog({ store, secrets, clock: systemClock }),
  now: () => systemClock.now(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  },
});
