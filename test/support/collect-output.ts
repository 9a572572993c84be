// A writable that keeps everything written to it: what the export tests hand the writers as their output.
import { PassThrough } from 'node:stream';

/** Runs `write` on an in-memory output; returns what it resolved with and every byte it wrote. */
export async function collectOutput<T>(
  write: (out: PassThrough) => Promise<T>,
): Promise<{ bytes: Buffer; result: T }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await write(out);
  return { bytes: Buffer.concat(chunks), result };
}
