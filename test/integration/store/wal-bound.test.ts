// The WAL stays bounded under issue 8's burst: 1,000 records, each with a ~150 KB photo, written one per
// turn of the event loop (as the bridge and the sync engine write) into a real encrypted file with the real
// timers, so the store is never quiet and only the size bound checkpoints. Then everything survives a close
// and a reopen, and the close leaves no WAL behind.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_DEFAULTS, type CheckpointEvent } from '../../../main/store/checkpointer';
import { createRecord, getImages, getRecord, putImage, transition } from '../../../main/store/records';
import { T0, at, tempDir, tempStore } from '../../unit/store/temp-store';

const RECORDS = 1_000;
const IMAGE_BYTES = 150_000;
/** One turn's writes on top of the bound: a record row, a 150 KB photo and their pages' frame headers. */
const ONE_RECORD_SLACK = 512 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the WAL under a 1,000-record burst', () => {
  it('stays within the bound while records pour in, and every record survives close and reopen', async () => {
    const dir = tempDir();
    const events: CheckpointEvent[] = [];
    const store = tempStore(dir, undefined, { checkpoints: { onCheckpoint: (event) => events.push(event) } });
    const wal = `${store.path}-wal`;
    const digests = new Map<string, string>();
    let maxWal = 0;
    for (let i = 0; i < RECORDS; i++) {
      const id = `BURST${String(i).padStart(6, '0')}`;
      const image = randomBytes(IMAGE_BYTES);
      createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now: T0 });
      putImage(store, id, 'id_card', image, at(1));
      transition(store, id, { from: ['captured'], to: 'pending', now: at(2) });
      digests.set(id, sha256(image));
      maxWal = Math.max(maxWal, fs.statSync(wal).size);
      await nextTurn();
    }

    // ~150 MB went through a WAL that never held much more than the bound.
    expect(maxWal).toBeLessThanOrEqual(CHECKPOINT_DEFAULTS.maxWalBytes + ONE_RECORD_SLACK);
    expect(events.filter((e) => e.reason === 'wal_size').length).toBeGreaterThan(20);
    expect(events.every((e) => !e.busy)).toBe(true);

    store.close();
    expect(fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0).toBe(0);

    const reopened = tempStore(dir);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [id, digest] of digests) {
      expect(getRecord(reopened, id)?.status).toBe('pending');
      const photo = getImages(reopened, id).id_card;
      expect(photo && sha256(photo)).toBe(digest);
    }
  });
});
