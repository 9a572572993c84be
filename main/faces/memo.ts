// A small bounded memo for the face analysis (main's pre-check and the sandbox). Detection is a pure function of the pixels (same
// models, same backend, same input → same boxes, scores and descriptors), so an image seen again — the same
// KTP in training mode, a bench sending one pair of photos a thousand times — is answered from here instead
// of ~100–300 ms of CPU. Least recently used entries go first; a failed computation is not remembered.
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the given byte runs, each prefixed with its length so concatenations cannot collide. */
export function sha256Of(...parts: ReadonlyArray<Uint8Array | Uint8ClampedArray | string>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes =
      typeof part === 'string'
        ? Buffer.from(part, 'utf8')
        : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

export class LruMemo<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The value for `key`, computing it once: concurrent callers with the same key share one computation.
   * A rejected computation is dropped, so the next caller tries again.
   */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached) {
      // Re-inserting moves the key to the newest end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
