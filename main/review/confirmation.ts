// The desk's confirmation of a record as every view shows it (the record view, the desk's review, the
// console's detail): all four columns set, or none.
import type { Confirmation } from '../../common/record';
import type { StoredRecord } from '../store';

export function confirmationOf(record: StoredRecord): Confirmation | null {
  const { confirmedBy: by, confirmedAt: at, confirmedDecision: decision, confirmReason: reason } = record;
  return by && at && decision ? { decision, reason, by, at } : null;
}
