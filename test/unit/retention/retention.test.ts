import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging } from '../../../main/lib/log';
import { deleteByNik, deleteByRecordId, purgeExpired } from '../../../main/retention';
import { getImages, getRecord, getStepOutputs } from '../../../main/store/records';
import { tempStore } from '../store/temp-store';
import { count, daysBefore, DAY_MS, NIK_A, NIK_B, seed } from './fixtures';

const NOW = Date.parse('2027-03-01T09:00:00.000Z');
const POLICY = { imageDays: 30, recordDays: 365, abandonedDays: 30, now: NOW };

/** Captures the log lines written while fn runs, at info level. */
function captureLogs<T>(fn: () => T): { result: T; lines: string[] } {
  const lines: string[] = [];
  configureLogging({ sink: (line) => lines.push(line), level: 'info' });
  return { result: fn(), lines };
}

afterEach(() => {
  configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'warn' });
});

describe('purgeExpired', () => {
  it('deletes old final records whole, strips photos from younger final ones, and keeps the rest', () => {
    const store = tempStore();
    seed(store, { id: 'OLDDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 400), steps: 2 });
    seed(store, { id: 'OLDFAILED01', status: 'failed', decidedAt: daysBefore(NOW, 366) });
    seed(store, { id: 'MIDDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 100), steps: 3 });
    seed(store, { id: 'MIDFAILED01', status: 'failed', decidedAt: daysBefore(NOW, 31) });
    seed(store, { id: 'NEWDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 10) });

    const counts = purgeExpired(store, POLICY);

    expect(counts).toEqual({
      imagesPurged: { records: 2, images: 4 },
      recordsDeleted: { records: 2, images: 4, steps: 3 },
      abandonedDeleted: { records: 0, images: 0, steps: 0 },
    });
    expect(getRecord(store, 'OLDDECIDED1')).toBeUndefined();
    expect(getRecord(store, 'OLDFAILED01')).toBeUndefined();
    // Cascades: nothing of the deleted records is left behind.
    expect(count(store, 'record_images', 'OLDDECIDED1')).toBe(0);
    expect(count(store, 'record_steps', 'OLDDECIDED1')).toBe(0);
    // Photos gone, record and its step outputs kept.
    expect(getImages(store, 'MIDDECIDED1')).toEqual({});
    expect(getRecord(store, 'MIDDECIDED1')?.status).toBe('decided');
    expect(Object.keys(getStepOutputs(store, 'MIDDECIDED1'))).toHaveLength(3);
    expect(getImages(store, 'MIDFAILED01')).toEqual({});
    // Too young for either.
    expect(Object.keys(getImages(store, 'NEWDECIDED1')).sort()).toEqual(['id_card', 'selfie']);

    // A second run finds nothing: the photos of the middle records are not counted twice.
    expect(purgeExpired(store, POLICY)).toEqual({
      imagesPurged: { records: 0, images: 0 },
      recordsDeleted: { records: 0, images: 0, steps: 0 },
      abandonedDeleted: { records: 0, images: 0, steps: 0 },
    });
  });

  it.each(['pending', 'in_progress'] as const)(
    'never touches a %s record, however old (a customer is waiting in the queue)',
    (status) => {
      const store = tempStore();
      // Even with an ancient decided_at on the row: only the state decides whether a record is final.
      seed(store, {
        id: 'WAITING001',
        status,
        decidedAt: daysBefore(NOW, 5000),
        submittedAt: daysBefore(NOW, 5000),
      });
      const counts = purgeExpired(store, { imageDays: 1, recordDays: 1, abandonedDays: 1, now: NOW });
      expect(
        counts.recordsDeleted.records + counts.imagesPurged.records + counts.abandonedDeleted.records,
      ).toBe(0);
      expect(getRecord(store, 'WAITING001')?.status).toBe(status);
      expect(Object.keys(getImages(store, 'WAITING001'))).toHaveLength(2);
    },
  );

  it('deletes records abandoned before submission (captured, retake) once untouched for abandonedDays', () => {
    const store = tempStore();
    // seed() stamps the last change at decidedAt when given: here, how long the record has been untouched.
    seed(store, { id: 'OLDCAPTURE1', status: 'captured', decidedAt: daysBefore(NOW, 31), steps: 0 });
    seed(store, { id: 'OLDRETAKE01', status: 'retake', decidedAt: daysBefore(NOW, 45), steps: 2 });
    seed(store, { id: 'NEWCAPTURE1', status: 'captured', decidedAt: daysBefore(NOW, 29) });
    seed(store, { id: 'OLDPENDING1', status: 'pending', decidedAt: daysBefore(NOW, 400) });

    expect(purgeExpired(store, POLICY)).toEqual({
      imagesPurged: { records: 0, images: 0 },
      recordsDeleted: { records: 0, images: 0, steps: 0 },
      abandonedDeleted: { records: 2, images: 4, steps: 2 },
    });
    expect(getRecord(store, 'OLDCAPTURE1')).toBeUndefined();
    expect(getRecord(store, 'OLDRETAKE01')).toBeUndefined();
    expect(Object.keys(getImages(store, 'NEWCAPTURE1'))).toHaveLength(2);
    expect(getRecord(store, 'OLDPENDING1')?.status).toBe('pending');
  });

  it('counts age from the decision, exclusive: exactly imageDays old keeps its photos', () => {
    const store = tempStore();
    seed(store, { id: 'EXACTLY30D', status: 'decided', decidedAt: daysBefore(NOW, 30) });
    seed(store, {
      id: 'JUSTOVER30',
      status: 'decided',
      decidedAt: new Date(NOW - 30 * DAY_MS - 1).toISOString(),
    });
    expect(purgeExpired(store, POLICY).imagesPurged).toEqual({ records: 1, images: 2 });
    expect(Object.keys(getImages(store, 'EXACTLY30D'))).toHaveLength(2);
    expect(getImages(store, 'JUSTOVER30')).toEqual({});
  });

  it('refuses nonsense policies', () => {
    const store = tempStore();
    for (const bad of [{ imageDays: -1 }, { recordDays: 1.5 }, { abandonedDays: -3 }, { now: Number.NaN }]) {
      expect(() => purgeExpired(store, { ...POLICY, ...bad })).toThrow(RangeError);
    }
  });

  it('logs counts and record ids, and nothing about the people', () => {
    const store = tempStore();
    seed(store, { id: 'OLDDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 400), nik: NIK_A });
    seed(store, { id: 'MIDDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 100), nik: NIK_B });
    const { lines } = captureLogs(() => purgeExpired(store, POLICY));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      subsystem: 'retention',
      message: 'retention purge',
      imageDays: 30,
      recordDays: 365,
      abandonedDays: 30,
      imagesPurged: { records: 1, images: 2, recordIds: ['MIDDECIDED1'] },
      recordsDeleted: { records: 1, images: 2, steps: 1, recordIds: ['OLDDECIDED1'] },
    });
    for (const secret of [NIK_A, NIK_B, 'BUDI', '[redacted']) expect(lines[0]).not.toContain(secret);
  });

  it('secure_delete is on for the deletion and back as it was afterwards', () => {
    const store = tempStore();
    const before = store.db.pragma('secure_delete', { simple: true });
    seed(store, { id: 'OLDDECIDED1', status: 'decided', decidedAt: daysBefore(NOW, 400) });
    purgeExpired(store, POLICY);
    expect(store.db.pragma('secure_delete', { simple: true })).toBe(before);
  });
});

describe('deletion on request', () => {
  function people() {
    const store = tempStore();
    // One person, three visits in three states (one still in the queue), and someone else.
    seed(store, { id: 'PERSONA001', status: 'decided', decidedAt: daysBefore(NOW, 3), nik: NIK_A, steps: 2 });
    seed(store, { id: 'PERSONA002', status: 'pending', submittedAt: daysBefore(NOW, 1), nik: NIK_A });
    seed(store, { id: 'PERSONA003', status: 'retake', nik: NIK_A, images: false, steps: 0 });
    seed(store, { id: 'PERSONB001', status: 'decided', decidedAt: daysBefore(NOW, 3), nik: NIK_B });
    return store;
  }

  it('deleteByNik removes every record of that NIK, whatever its state, with photos and steps', () => {
    const store = people();
    const result = deleteByNik(store, NIK_A);
    expect(result).toEqual({
      records: 3,
      images: 4,
      steps: 3,
      recordIds: ['PERSONA001', 'PERSONA002', 'PERSONA003'],
    });
    expect(count(store, 'records')).toBe(1);
    expect(getRecord(store, 'PERSONB001')?.ocr?.nik).toBe(NIK_B);
    expect(count(store, 'record_images')).toBe(2);
    expect(count(store, 'record_steps')).toBe(1);
    expect(deleteByNik(store, NIK_A)).toEqual({ records: 0, images: 0, steps: 0, recordIds: [] });
  });

  it('deleteByNik also finds a 16-digit number the plausibility rule kept out of the nik column', () => {
    const store = tempStore();
    const implausible = '3171019913900001'; // month 13
    seed(store, { id: 'ODDNIK0001', status: 'decided', decidedAt: daysBefore(NOW, 1), nik: implausible });
    expect(store.db.prepare(`SELECT nik FROM records`).get()).toEqual({ nik: null });
    expect(deleteByNik(store, implausible)).toMatchObject({ records: 1, recordIds: ['ODDNIK0001'] });
  });

  it('deleteByRecordId removes one record in any state and reports zero for an unknown id', () => {
    const store = people();
    expect(deleteByRecordId(store, 'PERSONA002')).toEqual({
      records: 1,
      images: 2,
      steps: 1,
      recordIds: ['PERSONA002'],
    });
    expect(getRecord(store, 'PERSONA002')).toBeUndefined();
    expect(count(store, 'records')).toBe(3);
    expect(deleteByRecordId(store, 'NOSUCHREC1')).toEqual({ records: 0, images: 0, steps: 0, recordIds: [] });
  });

  it('is all or nothing: a failure part-way leaves every record in place', () => {
    const store = people();
    store.db.exec(`
      CREATE TRIGGER refuse_one BEFORE DELETE ON records WHEN old.id = 'PERSONA003'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => deleteByNik(store, NIK_A)).toThrow(/refused/);
    expect(count(store, 'records')).toBe(4);
    expect(count(store, 'record_images')).toBe(6);
  });

  it('a deletion by NIK is logged with counts and record ids, never the NIK', () => {
    const store = people();
    const { lines } = captureLogs(() => deleteByNik(store, NIK_A));
    expect(lines).toHaveLength(1);
    // Not even masked by the redaction hook: the NIK was never handed to the logger.
    expect(lines[0]).not.toContain(NIK_A);
    expect(lines[0]).not.toContain('redacted');
    expect(lines[0]).not.toContain(NIK_A.slice(0, 6));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      subsystem: 'retention',
      message: 'personal data deleted on request',
      by: 'nik',
      records: 3,
      images: 4,
      steps: 3,
      recordIds: ['PERSONA001', 'PERSONA002', 'PERSONA003'],
    });
  });

  it('a deletion by record id is logged too', () => {
    const store = people();
    const { lines } = captureLogs(() => deleteByRecordId(store, 'PERSONB001'));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      by: 'record_id',
      records: 1,
      recordIds: ['PERSONB001'],
    });
    expect(lines[0]).not.toContain(NIK_B);
  });
});
