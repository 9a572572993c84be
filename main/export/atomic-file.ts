// Writes an export to FILE through a hidden temporary file beside it (mode 0600), moved into place only when
// complete and synced, so an interrupted export leaves no half file at FILE. Without `replace`, an existing
// FILE is never overwritten (a link fails if one appeared meanwhile). Shared by `npm run export` and the
// console's save dialog.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Replace FILE if it exists (the CLI's --force; a save dialog that asked). */
  replace: boolean;
  /** Runs the cleanup if the process is interrupted meanwhile; returns the function that disarms it. */
  onInterrupt?: (cleanup: () => void) => () => void;
}

export async function writeFileAtomically<T>(
  file: string,
  options: AtomicWriteOptions,
  write: (stream: fs.WriteStream) => Promise<T>,
): Promise<T> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`);
  const remove = () => fs.rmSync(temp, { force: true });
  const disarm = options.onInterrupt?.(remove) ?? (() => undefined);
  try {
    const stream = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    const result = await write(stream);
    const fd = fs.openSync(temp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.replace) fs.renameSync(temp, file);
    else {
      fs.linkSync(temp, file);
      remove();
    }
    return result;
  } finally {
    disarm();
    remove();
  }
}
