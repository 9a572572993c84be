// Entry point of `npm run keys`: wires the command to the process (argv, stdin, exit code) and the keychain.
import { keychainService, KeytarSecretStore } from './keytar-store';
import { runKeysCommand } from './keys-command';

/** Credentials are a few hundred bytes; anything far larger is a mistake (a file piped in by accident). */
const MAX_STDIN_BYTES = 64 * 1024;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Paste the credentials JSON, then press Ctrl-D:\n');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin is larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runKeysCommand(process.argv.slice(2), {
  readStdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  openStore: () => new KeytarSecretStore({ service: keychainService() }),
});
