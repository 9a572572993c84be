// Child-process helper for locked.test.ts: tries each SecretStore operation once and prints what happened
// as JSON. Run inside a private keyring (with-private-keyring.sh); a crash shows up as a signal, not output.
import { keychainService, KeytarSecretStore } from '../../../main/keys/keytar-store';

const store = new KeytarSecretStore({ service: keychainService(), timeoutMs: 10_000 });
const operations: [string, () => Promise<unknown>][] = [
  ['set', () => store.set('incode', '{"apiKey":"incode-locked-key"}')],
  ['get', () => store.get('incode')],
  ['list', () => store.list()],
  ['delete', () => store.delete('incode')],
];

const outcomes = [];
for (const [op, call] of operations) {
  try {
    await call();
    outcomes.push({ op, ok: true });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    outcomes.push({ op, ok: false, error: name, message });
  }
}
// Marked, because a keyring daemon started by D-Bus activation shares this stdout and prints to it.
process.stdout.write(`\nOUTCOMES ${JSON.stringify(outcomes)}\n`);
