// Entry point of `npm run operators`: wires the command to the process (argv, stdin, stdout, exit code), the
// clock, scrypt and the store, opened as the app and `npm run queue` open it: with the data key from the OS
// keychain.
import { openAuditLog } from '../audit/audit-log';
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../keys';
import { systemClock } from '../lib/clock';
import { openStore } from '../store/connection';
import { runOperatorsCommand } from './operators-command';
import { createPasswordHasher } from './password-hash';
import { readPassword } from './read-password';

const secrets = new KeytarSecretStore({ service: keychainService() });

process.exitCode = await runOperatorsCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readPassword: (name) => readPassword(process.stdin, process.stderr, name),
  openStore: async (dataDir) => {
    const key = await loadOrCreateDataKey(secrets, dataDir);
    return openStore(dataDir, { key });
  },
  openAudit: (store) => openAuditLog({ store, secrets, clock: systemClock }),
  hasher: createPasswordHasher(),
  now: () => systemClock.now(),
});
