// A real file in a fresh temp folder for each test: the store is exercised as it runs, WAL and all.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { configureLogging } from '../../../main/lib/log';
import { openStore, type OpenStoreOptions, type Store } from '../../../main/store/connection';

configureLogging({ level: 'warn' });

const opened: Store[] = [];
const dirs: string[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-store-'));
  dirs.push(dir);
  return dir;
}

/** The data key every store in this test process is opened with (as the keychain would hand it over). */
export const TEST_KEY: Buffer = randomBytes(32);

export function tempStore(
  dir: string = tempDir(),
  key: Buffer = TEST_KEY,
  options: Omit<OpenStoreOptions, 'key'> = {},
): Store {
  const store = openStore(dir, { ...options, key });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const T0 = '2026-01-05T08:00:00.000Z';
export const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
