// The supervisor's decision on a record (migration 008): a row beside the record, never a change to the
// provider's decision or the desk's confirmation. One per record; written in the caller's transaction,
// which also appends its audit entry.
import type { SupervisorDecision } from '../../common/console';
import type { Store } from './connection';
import type { IsoTime } from './record-row';
import { prepared } from './statements';

export interface StoredSupervisorDecision {
  decision: SupervisorDecision;
  reason: string;
  by: string;
  at: IsoTime;
}

interface Row {
  decision: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

const INSERT = `
  INSERT INTO record_supervisor_decisions (record_id, decision, reason, decided_by, decided_at)
  VALUES (?, ?, ?, ?, ?)`;
const SELECT = `
  SELECT decision, reason, decided_by, decided_at FROM record_supervisor_decisions WHERE record_id = ?`;

export function addSupervisorDecision(
  store: Store,
  recordId: string,
  decision: StoredSupervisorDecision,
): void {
  prepared<[string, string, string, string, string]>(store, INSERT).run(
    recordId,
    decision.decision,
    decision.reason,
    decision.by,
    decision.at,
  );
}

export function getSupervisorDecision(store: Store, recordId: string): StoredSupervisorDecision | null {
  const row = prepared<[string], Row>(store, SELECT).get(recordId);
  if (!row) return null;
  return {
    // The CHECK constraint holds the column to the two decisions.
    decision: row.decision as SupervisorDecision,
    reason: row.reason,
    by: row.decided_by,
    at: row.decided_at,
  };
}
