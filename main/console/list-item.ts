// A records row as the console lists it: masked (the NIK as on every screen), with the three decisions side
// by side (the provider's, the desk's, the supervisor's) and why the record waits for a supervisor, if it
// does. The rule for waiting is the review queue's (queries.ts AWAITING), spelt once more here for rows
// read by other queries.
import type { RecordListItem, SupervisorDecision } from '../../common/console';
import { maskNik } from '../../common/nik';
import { NIK_FLAGS, type NikFlag } from '../../common/nik-checks';
import type { ProviderName } from '../../common/providers';
import type { Decision, Mode, RecordStatus, StaffDecision } from '../../common/record';
import { referenceCode } from '../../common/reference-code';
import type { ListRow } from './queries';

export function toListItem(row: ListRow): RecordListItem {
  const flags = parseFlags(row.nik_flags_json);
  // The CHECK constraints hold these columns to their enums; the provider is checked on the way in.
  const decision = row.decision as Decision | null;
  const mode = row.mode as Mode;
  const supervisor = row.supervisor_decision as SupervisorDecision | null;
  const awaiting: RecordListItem['awaiting'] = [];
  if (row.status === 'decided' && supervisor === null) {
    if (decision === 'needs_review') awaiting.push('needs_review');
    if (mode === 'assisted' && flags.length > 0) awaiting.push('nik_flags');
  }
  return {
    id: row.id,
    referenceCode: referenceCode(row.id),
    createdAt: row.created_at,
    mode,
    provider: row.provider as ProviderName,
    training: row.training === 1,
    status: row.status as RecordStatus,
    decision,
    confirmed: row.confirmed_decision as StaffDecision | null,
    supervisor,
    operator: row.operator,
    flags: flags.length,
    nikMasked: row.nik === null ? null : maskNik(row.nik),
    awaiting,
  };
}

/** The stored flags; a value that is not a list of flag codes counts as none (the store refuses those). */
export function parseFlags(json: string | null): NikFlag[] {
  if (json === null) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter((flag): flag is NikFlag => (NIK_FLAGS as readonly unknown[]).includes(flag))
    : [];
}
