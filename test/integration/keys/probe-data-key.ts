// Child-process helper for data-key.test.ts: loads (or creates) the database key for the data folder given
// and prints what happened as JSON. Run inside a private keyring (with-private-keyring.sh).
import { loadOrCreateDataKey } from '../../../main/keys/data-key';
import { keychainService, KeytarSecretStore } from '../../../main/keys/keytar-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: probe-data-key.ts DATA_DIR');

let outcome: Record<string, unknown>;
try {
  const key = await loadOrCreateDataKey(
    new KeytarSecretStore({ service: keychainService(), timeoutMs: 10_000 }),
    dataDir,
  );
  outcome = { ok: true, bytes: key.length };
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  outcome = { ok: false, error: name, message };
}
// Marked, because a keyring daemon started by D-Bus activation shares this stdout and prints to it.
process.stdout.write(`\nOUTCOME ${JSON.stringify(outcome)}\n`);
