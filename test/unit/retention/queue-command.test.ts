// `npm run queue` through its testable function: an in-memory io and a real store in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../main/audit/audit-log';
import { KeychainUnavailableError } from '../../../main/keys/errors';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import { manualClock } from '../../support/clocks';
import { configureLogging } from '../../../main/lib/log';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  runQueueCommand,
  type QueueCommandIo,
} from '../../../main/queue/queue-command';
import type { Store } from '../../../main/store/connection';
import { getRecord } from '../../../main/store/records';
import { tempDir, tempStore } from '../store/temp-store';
import { daysBefore, NIK_A, NIK_B, seed } from './fixtures';

const NOW = Date.parse('2027-03-01T09:00:00.000Z');

/** One keychain per data folder, as each kiosk has its own. */
const keychains = new Map<string, MemorySecretStore>();
function keychainOf(store: Store): MemorySecretStore {
  let secrets = keychains.get(store.path);
  if (!secrets) keychains.set(store.path, (secrets = new MemorySecretStore()));
  return secrets;
}

interface Harness {
  io: QueueCommandIo;
  out: string[];
  err: string[];
  opened: string[];
}

function harness(open: (dir: string) => Store = (dir) => tempStore(dir), stdin = ''): Harness {
  const out: string[] = [];
  const err: string[] = [];
  const opened: string[] = [];
  const io: QueueCommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    openStore: (dir) => {
      opened.push(dir);
      return Promise.resolve(open(dir));
    },
    openAudit: (store) => openAuditLog({ store, secrets: keychainOf(store), clock: manualClock(NOW) }),
    now: () => NOW,
    readStdin: () => Promise.resolve(stdin),
  };
  return { io, out, err, opened };
}

/** A data folder with a database holding records in most states. */
function dataDir(): string {
  const dir = tempDir();
  const store = tempStore(dir);
  seed(store, { id: 'DECIDEDOLD1', status: 'decided', decidedAt: daysBefore(NOW, 400), nik: NIK_B });
  seed(store, { id: 'DECIDEDMID1', status: 'decided', decidedAt: daysBefore(NOW, 40) });
  seed(store, { id: 'DECIDEDNEW1', status: 'decided', decidedAt: '2027-03-01T08:00:00.000Z', nik: NIK_A });
  seed(store, {
    id: 'PENDING0001',
    status: 'pending',
    submittedAt: '2027-03-01T08:58:30.000Z',
    nextAttemptAt: '2027-03-01T09:05:00.000Z',
    nik: NIK_A,
  });
  seed(store, { id: 'INPROGRESS1', status: 'in_progress', submittedAt: '2027-03-01T08:59:30.000Z' });
  seed(store, { id: 'CAPTURED001', status: 'captured' });
  store.close();
  return dir;
}

const json = (h: Harness): unknown => {
  expect(h.out).toHaveLength(1);
  return JSON.parse(h.out[0] ?? '');
};

afterEach(() => {
  configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'warn' });
});

describe('queue status', () => {
  it('prints the counts per state, the oldest pending age and the queue times as one JSON object', async () => {
    const dir = dataDir();
    const h = harness();
    expect(await runQueueCommand(['status', '--data', dir], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({
      counts: { captured: 1, pending: 1, in_progress: 1, decided: 3, retake: 0, failed: 0 },
      oldestPendingAgeSeconds: 90,
      lastDecidedAt: '2027-03-01T08:00:00.000Z',
      nextAttemptAt: '2027-03-01T09:05:00.000Z',
    });
    expect(h.err).toEqual([]);
  });

  it('gives nulls for an empty queue', async () => {
    const dir = tempDir();
    tempStore(dir).close();
    const h = harness();
    expect(await runQueueCommand(['status', '--data', dir], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({
      counts: { captured: 0, pending: 0, in_progress: 0, decided: 0, retake: 0, failed: 0 },
      oldestPendingAgeSeconds: null,
      lastDecidedAt: null,
      nextAttemptAt: null,
    });
  });

  it('closes the store it opened', async () => {
    const dir = dataDir();
    let store: Store | undefined;
    const h = harness((d) => (store = tempStore(d)));
    await runQueueCommand(['status', '--data', dir], h.io);
    expect(store?.db.open).toBe(false);
  });
});

describe('queue purge', () => {
  it("applies the data folder's retention settings and prints the counts", async () => {
    const dir = dataDir();
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ retention: { imageDays: 30, recordDays: 365 } }),
    );
    const h = harness();
    expect(await runQueueCommand(['purge', '--data', dir], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({
      imagesPurged: { records: 1, images: 2 },
      recordsDeleted: { records: 1, images: 2, steps: 1 },
      // Photographed over a year ago and never submitted: abandoned (default 30 days).
      abandonedDeleted: { records: 1, images: 2, steps: 1 },
    });
    const store = tempStore(dir);
    expect(getRecord(store, 'DECIDEDOLD1')).toBeUndefined();
    expect(getRecord(store, 'CAPTURED001')).toBeUndefined();
    expect(getRecord(store, 'PENDING0001')?.status).toBe('pending');
  });

  it('fails with exit 1, before opening the store, when the settings are invalid', async () => {
    const dir = dataDir();
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ retention: { imageDays: 9, recordDays: 3 } }),
    );
    const h = harness();
    expect(await runQueueCommand(['purge', '--data', dir], h.io)).toBe(EXIT_FAILED);
    expect(h.err.join('\n')).toMatch(/recordDays must be at least imageDays/);
    expect(h.opened).toEqual([]);
    expect(h.out).toEqual([]);
  });
});

describe('queue delete', () => {
  it('--nik deletes every record of that NIK and prints the counts and ids', async () => {
    const dir = dataDir();
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--nik', NIK_A], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({ records: 2, images: 4, steps: 2, recordIds: ['DECIDEDNEW1', 'PENDING0001'] });
    expect(h.err).toEqual([]);
  });

  it('--nik - reads the NIK from standard input, so it stays out of shell history', async () => {
    const dir = dataDir();
    const h = harness(undefined, `${NIK_A}\n`);
    expect(await runQueueCommand(['delete', '--data', dir, '--nik', '-'], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({ records: 2, images: 4, steps: 2, recordIds: ['DECIDEDNEW1', 'PENDING0001'] });
  });

  it('--nik - with anything but one NIK on standard input is exit 2, opening nothing', async () => {
    const dir = dataDir();
    const h = harness(undefined, `${NIK_A} ${NIK_B}`);
    expect(await runQueueCommand(['delete', '--data', dir, '--nik', '-'], h.io)).toBe(EXIT_USAGE);
    expect(h.opened).toEqual([]);
    expect(h.err.join('\n')).toMatch(/exactly 16 digits/);
    expect(h.err.join('\n')).not.toContain(NIK_A);
  });

  it('--nik with no match is an answer (exit 0, zero counts), with a note on stderr', async () => {
    const dir = dataDir();
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--nik', '3171010101000009'], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({ records: 0, images: 0, steps: 0, recordIds: [] });
    expect(h.err.join('\n')).toMatch(/No record holds this NIK/);
  });

  it('--record deletes one record; an unknown id is exit 1', async () => {
    const dir = dataDir();
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--record', 'INPROGRESS1'], h.io)).toBe(EXIT_OK);
    expect(json(h)).toEqual({ records: 1, images: 2, steps: 1, recordIds: ['INPROGRESS1'] });

    const again = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--record', 'INPROGRESS1'], again.io)).toBe(
      EXIT_FAILED,
    );
    expect(again.err.join('\n')).toMatch(/there is no record INPROGRESS1/);
    // The deletion was audited, once, by record id; the failed second attempt wrote nothing.
    const entries = tempStore(dir)
      .db.prepare(`SELECT action, actor, record_id, details_json FROM audit_log ORDER BY seq`)
      .all();
    expect(entries).toEqual([
      {
        action: 'deletion_on_request',
        actor: 'cli',
        record_id: 'INPROGRESS1',
        details_json: '{"by":"record_id","images":2,"steps":1}',
      },
    ]);
  });

  it('--reference deletes the one record a self-service customer was shown that code for', async () => {
    const dir = dataDir();
    const store = tempStore(dir);
    seed(store, { id: '01JDZ8K000000000000K7Q43ZPX', status: 'decided', decidedAt: daysBefore(NOW, 1) });
    store.close();
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--reference', 'k7q4-3zpx'], h.io)).toBe(EXIT_OK);
    expect(json(h)).toMatchObject({ records: 1, recordIds: ['01JDZ8K000000000000K7Q43ZPX'] });
    const again = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--reference', 'K7Q4-3ZPX'], again.io)).toBe(
      EXIT_FAILED,
    );
    expect(again.err.join('\n')).toMatch(/no record has this reference code/);
  });

  it.each([
    ['15 digits', '317101120590000'],
    ['17 digits', '31710112059000011'],
    ['letters', '31710112059000AB'],
    ['spaces', '3171 0112 0590 0001'],
  ])('refuses a NIK of %s with exit 2, without echoing it', async (_label, nik) => {
    const dir = dataDir();
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', dir, '--nik', nik], h.io)).toBe(EXIT_USAGE);
    expect(h.err.join('\n')).toMatch(/a NIK is exactly 16 digits/);
    expect(h.err.join('\n')).not.toContain(nik);
    expect(h.opened).toEqual([]);
  });
});

describe('usage and failures', () => {
  it.each([
    ['no command', [], /no command given/],
    ['an unknown command', ['list', '--data', 'x'], /unknown command 'list'/],
    ['no --data', ['status'], /--data DIR is required/],
    ['an unknown option', ['status', '--data', 'x', '--verbose'], /Unknown option '--verbose'/],
    ['--nik on status', ['status', '--data', 'x', '--nik', NIK_A], /status takes only --data DIR/],
    ['delete without a target', ['delete', '--data', 'x'], /--record ID, --nik NIK or --reference CODE/],
    [
      'delete with both targets',
      ['delete', '--data', 'x', '--record', 'ABCDEF1', '--nik', NIK_A],
      /one of --record ID, --nik NIK or --reference CODE/,
    ],
    [
      'a malformed reference code',
      ['delete', '--data', 'x', '--reference', 'K7Q4-3ZP'],
      /reference code is 8/,
    ],
    ['a malformed record id', ['delete', '--data', 'x', '--record', 'a-b'], /6–128 letters or digits/],
  ])('%s is exit 2 with the usage, and opens nothing', async (_label, args, message) => {
    const h = harness();
    expect(await runQueueCommand(args, h.io)).toBe(EXIT_USAGE);
    const err = h.err.join('\n');
    expect(err).toMatch(message);
    expect(err).toMatch(/usage: npm run queue/);
    expect(err).not.toContain(NIK_A);
    expect(h.out).toEqual([]);
    expect(h.opened).toEqual([]);
  });

  it('a NIK given as a stray argument is masked in the error', async () => {
    const h = harness();
    expect(await runQueueCommand(['delete', '--data', 'x', NIK_A], h.io)).toBe(EXIT_USAGE);
    expect(h.err.join('\n')).not.toContain(NIK_A);
  });

  it('help prints the usage on stdout', async () => {
    const h = harness();
    expect(await runQueueCommand(['--help'], h.io)).toBe(EXIT_OK);
    expect(h.out.join('\n')).toMatch(/npm run queue -- status --data DIR/);
  });

  it('a folder with no database is exit 1, and no database is created there', async () => {
    const dir = path.join(tempDir(), 'typo');
    const h = harness();
    expect(await runQueueCommand(['status', '--data', dir], h.io)).toBe(EXIT_FAILED);
    expect(h.err.join('\n')).toMatch(/there is no Loket database in/);
    expect(h.opened).toEqual([]);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('a locked keychain is exit 1 with the keychain message', async () => {
    const dir = dataDir();
    const h = harness(() => {
      throw new KeychainUnavailableError('loket', 'the collection is locked');
    });
    expect(await runQueueCommand(['status', '--data', dir], h.io)).toBe(EXIT_FAILED);
    expect(h.err.join('\n')).toMatch(/keychain is locked or unavailable/);
    expect(h.out).toEqual([]);
  });
});
