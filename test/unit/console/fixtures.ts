// The console's tests on a real encrypted store and a real MAC-chained audit log (keychain in memory):
// records made through the store's own verbs, as the verification service makes them.
import { openAuditLog, type OpenAuditLog } from '../../../main/audit/audit-log';
import { iterateAuditRows } from '../../../main/audit/rows';
import { createConsoleService, type ConsoleService } from '../../../main/console/service';
import type { ChooseSavePath } from '../../../main/console/exports';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import type { NikFlag } from '../../../common/nik-checks';
import type { Decision, Mode, OcrFields } from '../../../common/record';
import type { ProviderName } from '../../../common/providers';
import type { Store } from '../../../main/store/connection';
import { openReader } from '../../../main/store/reader';
import { createRecord, putImage, saveStepOutput, transition } from '../../../main/store/records';
import { FakeClock } from '../../support/clocks';
import { TEST_KEY, tempDir, tempStore } from '../store/temp-store';

export const DAY = '2026-01-05';
export const ZONE = 'Asia/Jakarta';
/** 15:00 WIB on DAY. */
export const NOON_UTC = Date.parse('2026-01-05T08:00:00.000Z');
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
/** A woman's NIK (day 45 = 5 + 40). */
export const NIK = '3174054507900012';
export const READ: OcrFields = { nik: NIK, name: 'SITI AMINAH', birthDate: '05-07-1990', sex: 'PEREMPUAN' };

export interface ConsoleHarness {
  store: Store;
  audit: OpenAuditLog;
  clock: FakeClock;
  service: ConsoleService;
  dir: string;
  /** The audit rows as the table holds them. */
  entries(): Array<{
    action: string;
    actor: string;
    record_id: string | null;
    details: Record<string, unknown>;
  }>;
}

export async function consoleHarness(
  options: { chooseSavePath?: ChooseSavePath } = {},
): Promise<ConsoleHarness> {
  const dir = tempDir();
  const store = tempStore(dir);
  const clock = new FakeClock(NOON_UTC + 3 * 3_600_000);
  const audit = await openAuditLog({ store, secrets: new MemorySecretStore(), clock });
  const service = createConsoleService({
    store,
    audit,
    clock,
    zone: ZONE,
    kioskId: 'CAB-01-K2',
    openReader: () => openReader(dir, { key: TEST_KEY }),
    chooseSavePath: options.chooseSavePath,
  });
  return {
    store,
    audit,
    clock,
    service,
    dir,
    entries: () =>
      [...iterateAuditRows(store)].map((row) => ({
        action: row.action,
        actor: row.actor,
        record_id: row.record_id,
        details: JSON.parse(row.details_json) as Record<string, unknown>,
      })),
  };
}

export interface MadeRecord {
  id: string;
  /** Minutes after NOON_UTC. */
  minute?: number;
  mode?: Mode;
  provider?: ProviderName;
  decision?: Decision | null;
  flags?: NikFlag[];
  operator?: string | null;
  ocr?: OcrFields;
  photos?: boolean;
}

/** A record through the states the verification service moves it through; decided unless decision is null. */
export function makeRecord(store: Store, spec: MadeRecord): string {
  const start = NOON_UTC + (spec.minute ?? 0) * 60_000;
  const iso = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  createRecord(store, {
    id: spec.id,
    mode: spec.mode ?? 'assisted',
    provider: spec.provider ?? 'identifai',
    now: iso(0),
    operator: spec.operator ?? null,
  });
  if (spec.photos !== false) {
    putImage(store, spec.id, 'id_card', JPEG, iso(5));
    putImage(store, spec.id, 'selfie', JPEG, iso(10));
  }
  transition(store, spec.id, {
    from: ['captured'],
    to: 'pending',
    patch: { submittedAt: iso(12) },
    now: iso(12),
  });
  if (spec.decision === null) return spec.id;
  transition(store, spec.id, {
    from: ['pending'],
    to: 'in_progress',
    patch: { startedAt: iso(13) },
    now: iso(13),
  });
  saveStepOutput(store, spec.id, 'submit', { jobId: 'JOB-SECRET-TOKEN' }, iso(14));
  transition(store, spec.id, {
    from: ['in_progress'],
    to: 'decided',
    patch: {
      decision: spec.decision ?? 'verified',
      decidedAt: iso(20),
      liveness: 0.91,
      live: true,
      similarity: 0.88,
      match: true,
      ocr: spec.ocr ?? READ,
      providerMessage: 'OK',
      nikFlags: spec.flags ?? [],
      attempts: 1,
    },
    now: iso(20),
  });
  return spec.id;
}
