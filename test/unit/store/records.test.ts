import { describe, expect, it } from 'vitest';
import { DECISIONS, IMAGE_KINDS, MODES, RECORD_STATUSES, RETAKE_REASONS } from '../../../common/record';
import { openStore, inTransaction } from '../../../main/store/connection';
import { InvalidTransitionError, RecordNotFoundError } from '../../../main/store/errors';
import {
  clearStepOutputs,
  countByStatus,
  createRecord,
  deleteRecord,
  earliestNextAttempt,
  getImages,
  getRecord,
  getStepOutputs,
  lastDecidedAt,
  listByStatus,
  listDue,
  listImageKinds,
  newRecordId,
  putImage,
  saveStepOutput,
  transition,
  type MutableRecordFields,
} from '../../../main/store/records';
import { T0, TEST_KEY, at, tempDir, tempStore } from './temp-store';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

function fresh(id = 'REC000001') {
  const store = tempStore();
  const record = createRecord(store, { id, mode: 'assisted', provider: 'identifai', now: T0 });
  return { store, record };
}

describe('createRecord / getRecord', () => {
  it('creates a captured record and reads it back identically', () => {
    const { store, record } = fresh();
    expect(record).toMatchObject({
      status: 'captured',
      attempts: 0,
      createdAt: T0,
      updatedAt: T0,
      ocr: null,
    });
    expect(getRecord(store, record.id)).toEqual(record);
    expect(getRecord(store, 'NOSUCHREC')).toBeUndefined();
  });

  it('refuses ids the providers would refuse, and duplicates', () => {
    const { store } = fresh();
    for (const id of ['abc', 'has-dash-1', 'x'.repeat(129)]) {
      expect(() => createRecord(store, { id, mode: 'assisted', provider: 'incode', now: T0 })).toThrow(
        TypeError,
      );
    }
    expect(() =>
      createRecord(store, { id: 'REC000001', mode: 'assisted', provider: 'incode', now: T0 }),
    ).toThrow(/UNIQUE/);
  });
});

describe('transition', () => {
  it('moves the status and applies the patch, JSON and booleans included', () => {
    const { store, record } = fresh();
    const outcome: Partial<MutableRecordFields> = {
      decidedAt: at(5),
      decision: 'verified',
      liveness: 0.98,
      live: true,
      similarity: 0.91,
      match: false,
      ocr: { nik: '3171234567890001', name: 'BUDI' },
      providerMessage: 'The Face Pair Match',
      raw: { job: { result: [1, 2, { ok: true }] } },
    };
    transition(store, record.id, { from: ['captured'], to: 'pending', now: at(1) });
    transition(store, record.id, { from: ['pending'], to: 'in_progress', now: at(2) });
    const decided = transition(store, record.id, {
      from: ['in_progress'],
      to: 'decided',
      patch: outcome,
      now: at(5),
    });
    expect(decided).toMatchObject({ ...outcome, status: 'decided', updatedAt: at(5), createdAt: T0 });
    expect(getRecord(store, record.id)).toEqual(decided);
  });

  it('refuses a transition from a state not listed, and changes nothing', () => {
    const { store, record } = fresh();
    const attempt = () =>
      transition(store, record.id, {
        from: ['pending'],
        to: 'in_progress',
        patch: { attempts: 3 },
        now: at(1),
      });
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(/is 'captured'/);
    expect(getRecord(store, record.id)).toEqual(record);
    expect(() => transition(store, 'NOSUCHREC', { from: ['captured'], to: 'pending', now: T0 })).toThrow(
      RecordNotFoundError,
    );
  });

  it('cannot be smuggled a status or id through the patch', () => {
    const { store, record } = fresh();
    const patch = { attempts: 1, status: 'decided', id: 'OTHER000' } as Partial<MutableRecordFields>;
    const next = transition(store, record.id, { from: ['captured'], to: 'pending', patch, now: at(1) });
    expect(next).toMatchObject({ id: record.id, status: 'pending', attempts: 1 });
  });

  it('is a check-and-set across connections: the second of two racing claims loses', () => {
    const dir = tempDir();
    const a = tempStore(dir);
    const b = tempStore(dir);
    createRecord(a, { id: 'RACE00001', mode: 'self_service', provider: 'incode', now: T0 });
    transition(a, 'RACE00001', { from: ['captured'], to: 'pending', now: at(1) });
    transition(b, 'RACE00001', { from: ['pending'], to: 'in_progress', now: at(2) });
    expect(() => transition(a, 'RACE00001', { from: ['pending'], to: 'in_progress', now: at(2) })).toThrow(
      InvalidTransitionError,
    );
  });

  it('rolls back with the surrounding transaction', () => {
    const { store, record } = fresh();
    expect(() =>
      inTransaction(store, () => {
        transition(store, record.id, { from: ['captured'], to: 'pending', now: at(1) });
        saveStepOutput(store, record.id, 'signature', { sig: 'x' }, at(1));
        throw new Error('crash before commit');
      }),
    ).toThrow('crash before commit');
    expect(getRecord(store, record.id)?.status).toBe('captured');
    expect(getStepOutputs(store, record.id)).toEqual({});
  });
});

describe('images', () => {
  it('stores both kinds, replaces on a second write and touches the record', () => {
    const { store, record } = fresh();
    putImage(store, record.id, 'selfie', JPEG, at(1));
    putImage(store, record.id, 'id_card', Buffer.from([1, 2, 3]), at(2));
    putImage(store, record.id, 'id_card', JPEG, at(3));
    expect(listImageKinds(store, record.id)).toEqual(['id_card', 'selfie']);
    const images = getImages(store, record.id);
    expect(images.id_card?.equals(JPEG)).toBe(true);
    expect(images.selfie?.equals(JPEG)).toBe(true);
    expect(getRecord(store, record.id)).toMatchObject({
      updatedAt: at(3),
      capturedAt: at(3),
      status: 'captured',
    });
  });

  it('a new photo after a retake request puts the record back to captured, keeping step outputs', () => {
    const { store, record } = fresh();
    putImage(store, record.id, 'selfie', JPEG, at(1));
    transition(store, record.id, { from: ['captured'], to: 'pending', now: at(2) });
    saveStepOutput(store, record.id, 'start', { session: 'abc' }, at(2));
    transition(store, record.id, {
      from: ['pending'],
      to: 'retake',
      patch: { retakeKind: 'selfie', retakeReason: 'no_face' },
      now: at(3),
    });
    putImage(store, record.id, 'selfie', JPEG, at(4));
    expect(getRecord(store, record.id)).toMatchObject({
      status: 'captured',
      retakeKind: null,
      retakeReason: null,
    });
    expect(getStepOutputs(store, record.id)).toEqual({ start: { session: 'abc' } });
  });

  it('refuses a photo for a submitted record and writes nothing', () => {
    const { store, record } = fresh();
    transition(store, record.id, { from: ['captured'], to: 'pending', now: at(1) });
    expect(() => putImage(store, record.id, 'selfie', JPEG, at(2))).toThrow(InvalidTransitionError);
    expect(() => putImage(store, 'NOSUCHREC', 'selfie', JPEG, at(2))).toThrow(RecordNotFoundError);
    expect(listImageKinds(store, record.id)).toEqual([]);
  });

  it('is one transaction: when the record update fails, the image is not kept', () => {
    const { store, record } = fresh();
    store.db.exec(
      `CREATE TRIGGER refuse_update BEFORE UPDATE ON records BEGIN SELECT RAISE(ABORT, 'no'); END`,
    );
    expect(() => putImage(store, record.id, 'selfie', JPEG, at(1))).toThrow('no');
    expect(listImageKinds(store, record.id)).toEqual([]);
  });
});

describe('step outputs', () => {
  it('saves, replaces, reads and clears outputs per record', () => {
    const { store, record } = fresh();
    const other = createRecord(store, { id: 'REC000002', mode: 'assisted', provider: 'identifai', now: T0 });
    saveStepOutput(store, record.id, 'token', { token: 'a' }, at(1));
    saveStepOutput(store, record.id, 'submit', { jobId: 7 }, at(2));
    saveStepOutput(store, record.id, 'token', { token: 'b' }, at(3));
    saveStepOutput(store, record.id, 'noop', undefined, at(4));
    saveStepOutput(store, other.id, 'token', 'other', at(1));
    expect(getStepOutputs(store, record.id)).toEqual({
      token: { token: 'b' },
      submit: { jobId: 7 },
      noop: null,
    });
    expect(clearStepOutputs(store, record.id)).toBe(3);
    expect(getStepOutputs(store, record.id)).toEqual({});
    expect(getStepOutputs(store, other.id)).toEqual({ token: 'other' });
  });

  it('refuses an output for a record that does not exist (foreign key)', () => {
    const store = tempStore();
    expect(() => saveStepOutput(store, 'NOSUCHREC', 'token', {}, T0)).toThrow(/FOREIGN KEY/);
  });
});

describe('queries', () => {
  it('counts by status, lists due work in order and finds the last decision', () => {
    const store = tempStore();
    const make = (id: string, to: 'pending' | 'decided' | 'failed', patch: Partial<MutableRecordFields>) => {
      createRecord(store, { id, mode: 'assisted', provider: 'identifai', now: T0 });
      transition(store, id, { from: ['captured'], to, patch, now: T0 });
    };
    createRecord(store, { id: 'CAPTURED1', mode: 'assisted', provider: 'identifai', now: T0 });
    make('PENDLATER', 'pending', { nextAttemptAt: at(30) });
    make('PENDSOON1', 'pending', { nextAttemptAt: at(5) });
    make('PENDNULL1', 'pending', {});
    make('DECIDED01', 'decided', { decidedAt: at(2) });
    make('DECIDED02', 'decided', { decidedAt: at(9) });
    make('FAILED001', 'failed', { errorCode: 'provider_rejected', errorMessage: 'bad photo' });

    expect(countByStatus(store)).toEqual({
      captured: 1,
      pending: 3,
      in_progress: 0,
      decided: 2,
      retake: 0,
      failed: 1,
    });
    expect(listDue(store, at(10)).map((r) => r.id)).toEqual(['PENDNULL1', 'PENDSOON1']);
    expect(listDue(store, at(60), 1).map((r) => r.id)).toEqual(['PENDNULL1']);
    expect(listByStatus(store, ['pending', 'failed']).map((r) => r.id)).toEqual([
      'FAILED001',
      'PENDNULL1',
      'PENDSOON1',
      'PENDLATER',
    ]);
    expect(earliestNextAttempt(store)).toBe(at(5));
    expect(lastDecidedAt(store)).toBe(at(9));
  });

  it('lastDecidedAt is null on an empty store; deleteRecord cascades to images and steps', () => {
    const { store, record } = fresh();
    expect(lastDecidedAt(store)).toBeNull();
    putImage(store, record.id, 'selfie', JPEG, at(1));
    saveStepOutput(store, record.id, 'token', 'x', at(1));
    expect(deleteRecord(store, record.id)).toBe(true);
    expect(deleteRecord(store, record.id)).toBe(false);
    const leftovers = store.db
      .prepare(`SELECT (SELECT COUNT(*) FROM record_images) + (SELECT COUNT(*) FROM record_steps) AS n`)
      .get();
    expect(leftovers).toEqual({ n: 0 });
  });
});

describe('schema constraints', () => {
  const insert = (store: ReturnType<typeof tempStore>, values: Record<string, unknown>) =>
    store.db
      .prepare(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status, attempts, decision, live)
         VALUES (@id, @t, @t, @mode, @provider, @status, @attempts, @decision, @live)`,
      )
      .run({
        id: 'RAW000001',
        t: T0,
        mode: 'assisted',
        provider: 'sandbox',
        status: 'captured',
        attempts: 0,
        decision: null,
        live: null,
        ...values,
      });

  it.each([
    ['status', { status: 'approved' }],
    ['mode', { mode: 'kiosk' }],
    ['decision', { decision: 'maybe' }],
    ['live (0/1 only)', { live: 2 }],
    ['attempts (not negative)', { attempts: -1 }],
  ])('CHECK rejects a bad %s', (_column, values) => {
    expect(() => insert(tempStore(), values)).toThrow(/CHECK constraint failed/);
  });

  it('STRICT rejects a value of the wrong type', () => {
    expect(() => insert(tempStore(), { attempts: 'three' })).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  });

  it('CHECK rejects an unknown image kind and invalid JSON', () => {
    const { store, record } = fresh();
    const image = store.db.prepare(
      `INSERT INTO record_images (record_id, kind, mime, bytes, created_at) VALUES (?, ?, 'image/jpeg', ?, ?)`,
    );
    expect(() => image.run(record.id, 'passport', JPEG, T0)).toThrow(/CHECK constraint failed/);
    const step = store.db.prepare(
      `INSERT INTO record_steps (record_id, step, output_json, done_at) VALUES (?, ?, ?, ?)`,
    );
    expect(() => step.run(record.id, 'token', '{not json', T0)).toThrow(/CHECK constraint failed/);
  });

  // The migration spells its CHECK lists out (migrations are frozen); this catches a value added to
  // common/record.ts without the migration that lets the database hold it.
  it('every status, mode, decision, retake kind and reason the code knows is accepted', () => {
    const store = tempStore();
    RECORD_STATUSES.forEach((status, i) => insert(store, { id: `STATUS00${i}`, status }));
    MODES.forEach((mode, i) => insert(store, { id: `MODE0000${i}`, mode }));
    DECISIONS.forEach((decision, i) => insert(store, { id: `DECISION${i}`, decision }));
    const record = createRecord(store, { id: 'RETAKE001', mode: 'assisted', provider: 'incode', now: T0 });
    for (const retakeKind of IMAGE_KINDS) {
      for (const retakeReason of RETAKE_REASONS) {
        const patch = { retakeKind, retakeReason };
        transition(store, record.id, { from: RECORD_STATUSES, to: 'retake', patch, now: T0 });
        putImage(store, record.id, retakeKind, JPEG, T0);
      }
    }
    expect(countByStatus(store).captured).toBeGreaterThan(0);
  });
});

describe('newRecordId', () => {
  it('is 26 Crockford base32 characters, alphanumeric, and sorts by time', () => {
    const ids = [0, 1, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1].map((t) => newRecordId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(newRecordId(0, new Uint8Array(16))).toBe('0'.repeat(26));
    expect(new Set(Array.from({ length: 1000 }, () => newRecordId(1_700_000_000_000))).size).toBe(1000);
    expect(() => newRecordId(-1)).toThrow(RangeError);
  });

  it('is accepted by createRecord', () => {
    const store = openStore(tempDir(), { key: TEST_KEY });
    const id = newRecordId();
    expect(createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now: T0 }).id).toBe(id);
    store.close();
  });
});
