// Shared by the accounts tests: scrypt at a cost a test can afford (the real cost is the default), and an
// audit log that keeps what it was given so tests can check ids-only entries.
import type { AuditEntry, AuditLog } from '../../../main/audit/events';
import { createPasswordHasher } from '../../../main/accounts/password-hash';

/** N = 2^10: about a millisecond, the same code path as the real 2^17. */
export const cheapHasher = () => createPasswordHasher({ ln: 10, r: 8, p: 1 });

export interface RecordingAudit extends AuditLog {
  entries: AuditEntry[];
  actions(): string[];
}

export function recordingAudit(): RecordingAudit {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: (entry) => void entries.push(entry),
    actions: () => entries.map((entry) => entry.action),
  };
}

export const PASSWORD = 'kata-sandi-yang-panjang';
