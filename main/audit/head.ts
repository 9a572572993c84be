// The chain's head, kept outside the database: the number of entries and the last entry's MAC, in the OS
// keychain (account 'audit-head') and printed in every export. A database cut back to an earlier state
// (its newest entries removed, or an old copy restored) still chains perfectly; only a head kept elsewhere
// shows that entries are missing. The head is no secret (a MAC reveals nothing of the key), but it lives
// beside the key so that only someone with the keychain can move it.
import type { SecretStore } from '../keys/secret-store';

export const AUDIT_HEAD_ACCOUNT = 'audit-head';

export interface AuditHead {
  /** Entries in the chain: the seq of the last one. */
  count: number;
  /** The last entry's MAC; null when count is 0. */
  mac: string | null;
}

const MAC = /^[0-9a-f]{64}$/;

export function encodeHead(head: AuditHead): string {
  return JSON.stringify({ count: head.count, mac: head.mac });
}

/** The head, or null for a value that is not one (which verify then reports as a missing head). */
export function decodeHead(text: string): AuditHead | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { count, mac } = value as { count?: unknown; mac?: unknown };
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return null;
  if (count === 0) return mac === null ? { count, mac: null } : null;
  return typeof mac === 'string' && MAC.test(mac) ? { count, mac } : null;
}

export async function readHead(secrets: SecretStore): Promise<AuditHead | null> {
  const stored = await secrets.get(AUDIT_HEAD_ACCOUNT);
  return stored === null ? null : decodeHead(stored);
}

export async function writeHead(secrets: SecretStore, head: AuditHead): Promise<void> {
  await secrets.set(AUDIT_HEAD_ACCOUNT, encodeHead(head));
}
