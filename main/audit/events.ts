// What the audit log records, as the services that act see it: who did what to which record or account.
// Entries carry ids, codes and counts only, never a NIK, a name, a field's value or an image, so the log
// can be shown and exported without revealing anyone. The services depend on this interface alone; the
// MAC-chained, append-only implementation lives beside it (main/audit/).

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'lockout',
  'sign_out',
  'first_admin_created',
  'operator_added',
  'operator_disabled',
  'operator_reset',
  'consent_declined',
  'session_wiped',
  'decision',
  'review_confirmed',
  'supervisor_decision',
  'field_corrected',
  'card_confirmed_by_staff',
  'fields_revealed',
  'photo_viewed',
  'nik_searched',
  'export',
  'deletion_on_request',
  'retention_purge',
  'settings_at_start',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A detail value: small and plain. Services put ids, codes, counts and flags here, nothing personal. */
export type AuditDetail = string | number | boolean | null;

export interface AuditEntry {
  action: AuditAction;
  /** The account id that acted, or 'system' (retention, start-up) or 'self_service' (a customer alone). */
  actor: string;
  /** The record acted on, when there is one. */
  recordId?: string;
  /** The account acted on (operator changes), when there is one. */
  subject?: string;
  details?: Readonly<Record<string, AuditDetail>>;
}

export interface AuditLog {
  /** Appends one entry; the implementation timestamps, sequences and MACs it in one transaction. */
  append(entry: AuditEntry): void;
}

/** For code paths and tests that run without an audit log (the CLI before the store is open). */
export const noAudit: AuditLog = { append: () => undefined };
