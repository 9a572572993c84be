// Entry point of `npm run audit`: wires the command to the process (argv, stdout, exit code), the keychain
// and the store, opened as the app opens it: with the data key from the OS keychain.
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../keys';
import { openStore } from '../store/connection';
import { runAuditCommand } from './audit-command';

const secrets = new KeytarSecretStore({ service: keychainService() });

process.exitCode = await runAuditCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  openStore: async (dataDir) => openStore(dataDir, { key: await loadOrCreateDataKey(secrets, dataDir) }),
  secrets: () => secrets,
});
