// An export run end to end in memory: a real encrypted store with a day of records, a reader beside it, the
// audit log over a SecretStore in memory, and the export written to a buffer.
import type Database from 'better-sqlite3-multiple-ciphers';
import { openAuditLog, type OpenAuditLog } from '../../../main/audit/audit-log';
import { exportRecords, type ExportRequest } from '../../../main/export/export';
import { exportRange, type ExportRange } from '../../../main/export/range';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import type { Store } from '../../../main/store/connection';
import { openReader } from '../../../main/store/reader';
import { FakeClock } from '../../support/clocks';
import { collectOutput } from '../../support/collect-output';
import { seedDay } from '../../support/day-of-records';
import { TEST_KEY, tempDir, tempStore } from '../store/temp-store';

export const DAY = '2026-01-05';
export const ZONE = 'Asia/Jakarta';
export const RANGE: ExportRange = exportRange(DAY, DAY, ZONE);

export interface Harness {
  store: Store;
  reader: Database.Database;
  audit: OpenAuditLog;
  close(): Promise<void>;
  run(request?: Partial<ExportRequest>): Promise<{ bytes: Buffer; rows: number }>;
}

/** `records` records over the local day DAY (every 10th a training record), plus one just either side. */
export async function harness(records: number): Promise<Harness> {
  const dir = tempDir();
  const store = tempStore(dir);
  seedDay(store, { startMs: Date.parse(RANGE.from), records, trainingEvery: 10 });
  // 23:59:59 WIB the day before, and 00:00:00 WIB the day after: outside the day.
  seedDay(store, { startMs: Date.parse(RANGE.from) - 1000, records: 1, idPrefix: 'BEFORE' });
  seedDay(store, { startMs: Date.parse(RANGE.to), records: 1, idPrefix: 'AFTER' });
  const clock = new FakeClock(Date.parse('2026-01-06T01:00:00.000Z'));
  const audit = await openAuditLog({ store, secrets: new MemorySecretStore(), clock });
  audit.append({ action: 'sign_in', actor: 'acc-1' });
  await audit.flush();
  const reader = openReader(dir, { key: TEST_KEY });
  return {
    store,
    reader,
    audit,
    close: async () => {
      reader.close();
      await audit.close();
    },
    run: async (request = {}) => {
      const chain = await audit.state();
      const { bytes, result } = await collectOutput((out) =>
        exportRecords(
          { reader, audit, auditKey: audit.key, chain, now: () => clock.now() },
          {
            format: 'csv',
            range: RANGE,
            masking: { masked: true },
            includeTraining: false,
            kioskId: 'CAB-01-K2',
            actor: 'acc-7',
            ...request,
          },
          out,
        ),
      );
      return { bytes, rows: result };
    },
  };
}

/** Any run of 16 digits, also written in groups (what a NIK looks like in text). */
export const SIXTEEN_DIGITS = /(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/;
