// The audit chain as the console shows it: verified end to end against the head kept in the keychain (what
// every export prints too), and one local day's entries, newest first. Entries hold ids and codes only, so
// they are shown as they are.
import { AUDIT_DAY_LIMIT, type AuditEntryView, type AuditState } from '../../common/console';
import type { OpenAuditLog } from '../audit/audit-log';
import { auditRowsBetween, type AuditRow } from '../audit/rows';
import { dayRange } from '../lib/local-day';
import type { Store } from '../store/connection';

export async function auditState(
  deps: { store: Store; audit: OpenAuditLog; zone: string },
  day: string,
): Promise<AuditState> {
  const { entries, head, verify } = await deps.audit.state();
  const { from, to } = dayRange(day, day, deps.zone);
  const rows = auditRowsBetween(deps.store, from, to);
  return {
    entries,
    head,
    verify,
    day,
    dayEntries: rows.slice(-AUDIT_DAY_LIMIT).reverse().map(toView),
    dayTotal: rows.length,
  };
}

function toView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    actor: row.actor,
    recordId: row.record_id,
    subject: row.subject,
    details: JSON.parse(row.details_json) as AuditEntryView['details'],
  };
}
