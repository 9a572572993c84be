// Entry point of `npm run export`: wires the command to the process (argv, stdout, exit code, Ctrl-C), the
// keychain, the clock and the store (with a read-only connection beside it), opened with the data key.
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../keys';
import { systemClock } from '../lib/clock';
import { openStore } from '../store/connection';
import { openReader } from '../store/reader';
import { runExportCommand } from './export-command';

const secrets = new KeytarSecretStore({ service: keychainService() });

process.exitCode = await runExportCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  open: async (dataDir) => {
    const key = await loadOrCreateDataKey(secrets, dataDir);
    const store = openStore(dataDir, { key });
    try {
      return { store, reader: openReader(dataDir, { key }) };
    } catch (error) {
      store.close();
      throw error;
    }
  },
  secrets: () => secrets,
  clock: systemClock,
  onInterrupt: (cleanup) => {
    const onSignal = (signal: NodeJS.Signals) => {
      cleanup();
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  },
});
