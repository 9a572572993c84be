// A day of records, fast: N rows written straight into `records` in one transaction, spread over the local
// day, in every state and decision, most with an OCR'd NIK and name, some training. For the export tests
// and the bench (100,000 rows in a few seconds). No vitest import: the bench and tsx scripts use it too.
import type { Store } from '../../main/store/connection';
import { inTransaction } from '../../main/store/connection';

export interface DayOptions {
  /** UTC instant of the day's local midnight. */
  startMs: number;
  records: number;
  /** Every n-th record is a training record (0: none). */
  trainingEvery?: number;
  idPrefix?: string;
}

const DECISIONS = ['verified', 'verified', 'verified', 'not_verified', 'needs_review'] as const;
const PROVIDERS = ['identifai', 'incode', 'faceverify'] as const;
const SPAN_MS = 24 * 60 * 60 * 1000 - 1000;

/** The NIK of record i: plausible (a real month and day), 16 digits, unique per record. */
export function nikOf(i: number): string {
  const serial = String(i % 10_000).padStart(4, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const year = String(Math.floor(i / 10_000) % 100).padStart(2, '0');
  return `317101${day}${month}${year}${serial}`;
}

export const nameOf = (i: number): string => `PENDUDUK NOMOR ${i}`;

export function recordIdOf(prefix: string, i: number): string {
  return `${prefix}${String(i).padStart(10, '0')}`;
}

export function seedDay(store: Store, options: DayOptions): void {
  const { startMs, records, trainingEvery = 0, idPrefix = 'DAY' } = options;
  const insert = store.db.prepare(`
    INSERT INTO records (id, created_at, updated_at, mode, provider, training, status, submitted_at, decided_at,
      decision, liveness, live, similarity, match, ocr_json, nik, error_code, operator, kiosk_id)
    VALUES (@id, @created, @updated, @mode, @provider, @training, @status, @submitted, @decided, @decision,
      @liveness, @live, @similarity, @match, @ocr, @nik, @error, @operator, @kiosk)`);
  inTransaction(store, () => {
    for (let i = 0; i < records; i++) {
      // Whole seconds, as the times are shown.
      const created = startMs + Math.floor(((i / Math.max(1, records)) * SPAN_MS) / 1000) * 1000;
      const state = i % 20 === 7 ? 'pending' : i % 20 === 13 ? 'failed' : 'decided';
      const decision = state === 'decided' ? DECISIONS[i % DECISIONS.length] : null;
      const submitted = created + 30_000;
      const decided = state === 'pending' ? null : submitted + 2_000 + (i % 50) * 100;
      const nik = nikOf(i);
      insert.run({
        id: recordIdOf(idPrefix, i),
        created: new Date(created).toISOString(),
        updated: new Date(decided ?? submitted).toISOString(),
        mode: i % 3 === 0 ? 'self_service' : 'assisted',
        // Who served the customer (migration 005): the self-service kiosk, or one of three desk accounts.
        operator: i % 3 === 0 ? 'self_service' : `ACCOUNT${(i % 3) + (i % 2)}`,
        kiosk: i % 3 === 0 ? 'LOBBY-1' : 'DESK-1',
        provider: PROVIDERS[i % PROVIDERS.length],
        training: trainingEvery > 0 && i % trainingEvery === 0 ? 1 : 0,
        status: state,
        submitted: new Date(submitted).toISOString(),
        decided: decided === null ? null : new Date(decided).toISOString(),
        decision,
        liveness: decision ? 0.5 + (i % 50) / 100 : null,
        live: decision ? (decision === 'verified' ? 1 : 0) : null,
        similarity: decision ? 0.4 + (i % 60) / 100 : null,
        match: decision ? (decision === 'not_verified' ? 0 : 1) : null,
        ocr: JSON.stringify({ nik, name: nameOf(i), address: `JL. MERDEKA NO. ${i}` }),
        nik,
        error: state === 'failed' ? 'provider_rejected' : null,
      });
    }
  });
}
