// The supervisor's approve or reject, beside the provider's decision and the desk's confirmation, never over
// either: a row of its own (migration 008) and its supervisor_decision audit entry, in one transaction. A
// reason is required, and the audit entry keeps its length and keyed hash only. A record is decided by a
// supervisor once; and not by the member of staff who served or confirmed it (four eyes: the person who
// checks is not the person who did).
import type { SupervisorAction } from '../../common/console';
import type { AuditLog } from '../audit/events';
import { keyedReasonHash } from '../audit/reason-hash';
import { BridgeFailure } from '../bridge/failure';
import type { Clock } from '../lib/clock';
import { getRecord, inTransaction } from '../store';
import type { Store } from '../store/connection';
import { addSupervisorDecision, getSupervisorDecision } from '../store/record-supervisor';

export interface DecideDeps {
  store: Store;
  audit: AuditLog;
  /** The audit key, for the reason's keyed hash. */
  auditKey: Buffer;
  clock: Clock;
}

export interface DecideRequest {
  recordId: string;
  action: SupervisorAction;
  reason: string;
}

export function decide(deps: DecideDeps, { recordId, action, reason }: DecideRequest, by: string): void {
  const { store, audit } = deps;
  const typed = reason.trim();
  inTransaction(store, () => {
    const record = getRecord(store, recordId);
    if (!record) throw new BridgeFailure('not_found', 'There is no such verification.');
    if (record.status !== 'decided' || record.decision === null) {
      throw new BridgeFailure('invalid_state', 'The provider has not decided this record yet.');
    }
    if (getSupervisorDecision(store, recordId)) {
      throw new BridgeFailure('invalid_state', 'A supervisor has already decided this record.');
    }
    if (record.operator === by || record.confirmedBy === by) {
      throw new BridgeFailure(
        'invalid_state',
        'A record is decided by a supervisor other than the one who served or confirmed it.',
      );
    }
    if (typed === '') throw new BridgeFailure('reason_required', 'A supervisor decision needs a reason.');
    const decision = action === 'approve' ? 'approved' : 'rejected';
    addSupervisorDecision(store, recordId, {
      decision,
      reason: typed,
      by,
      at: new Date(deps.clock.now()).toISOString(),
    });
    audit.append({
      action: 'supervisor_decision',
      actor: by,
      recordId,
      details: {
        decision,
        providerDecision: record.decision,
        deskDecision: record.confirmedDecision,
        flags: record.nikFlags?.length ?? 0,
        reasonLength: typed.length,
        reasonHash: keyedReasonHash(deps.auditKey, 'supervisor-reason', typed),
      },
    });
  });
}
