// Records in any state, with photos, step outputs and an OCR'd NIK, decided at a chosen time: what the
// retention and queue tests build their stores from.
import type { RecordStatus } from '../../../common/record';
import type { Store } from '../../../main/store/connection';
import {
  createRecord,
  putImage,
  saveStepOutput,
  transition,
  type IsoTime,
} from '../../../main/store/records';

/** When every seeded record was created and photographed. No vitest import here: seed-data.ts runs under tsx. */
export const T0 = '2026-01-05T08:00:00.000Z';

export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Plausible NIKs: born 12 May 1990 (a man), 52 − 40 = 12 May 1985 (a woman). */
export const NIK_A = '3171011205900001';
export const NIK_B = '3273015205850002';

export const daysBefore = (now: number, days: number): IsoTime => new Date(now - days * DAY_MS).toISOString();

export interface Seed {
  id: string;
  status: RecordStatus;
  /** When the record became final (or any time, to prove that a non-final record ignores it). */
  decidedAt?: IsoTime | null;
  submittedAt?: IsoTime | null;
  nextAttemptAt?: IsoTime | null;
  nik?: string;
  /** Both photos unless false. */
  images?: boolean;
  /** How many step outputs to save. */
  steps?: number;
}

export function seed(store: Store, spec: Seed): void {
  const { id, status } = spec;
  createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now: T0 });
  if (spec.images !== false) {
    putImage(store, id, 'id_card', JPEG, T0);
    putImage(store, id, 'selfie', JPEG, T0);
  }
  for (let i = 0; i < (spec.steps ?? 1); i += 1) saveStepOutput(store, id, `step${i}`, { i }, T0);
  transition(store, id, {
    from: ['captured'],
    to: status,
    patch: {
      decidedAt: spec.decidedAt ?? null,
      submittedAt: spec.submittedAt ?? null,
      nextAttemptAt: spec.nextAttemptAt ?? null,
      ...(spec.nik === undefined ? {} : { ocr: { nik: spec.nik, name: 'BUDI SANTOSO' } }),
    },
    now: spec.decidedAt ?? T0,
  });
}

export function count(
  store: Store,
  table: 'records' | 'record_images' | 'record_steps',
  id?: string,
): number {
  const column = table === 'records' ? 'id' : 'record_id';
  const row =
    id === undefined
      ? store.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()
      : store.db
          .prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`)
          .get(id);
  return row?.n ?? 0;
}
