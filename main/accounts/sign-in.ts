// Checking a name and password against the accounts, with the lockout rules. Every answer for a person who
// may not come in is one of two: invalid credentials (unknown name, wrong password, disabled account, each
// after the same scrypt work so timing tells nothing) or locked until a time (whatever password was tried).
// The counters change in one transaction that re-reads the account, so concurrent attempts all count.
import type { AuditLog } from '../audit/events';
import { inTransaction, type Store } from '../store/connection';
import { afterFailure, afterSuccess, lockedAt, type LockoutPolicy } from './lockout';
import type { PasswordHasher } from './password-hash';
import { findAccountByName, getAccount, saveAccount, type Account } from './repository';

export interface SignInDeps {
  store: Store;
  hasher: PasswordHasher;
  /** Epoch milliseconds. */
  now: () => number;
  policy: LockoutPolicy;
  audit: AuditLog;
}

export type Authentication =
  | { outcome: 'signed_in'; account: Account }
  | { outcome: 'invalid_credentials' }
  | { outcome: 'locked'; lockedUntil: string };

/** Who failed to sign in, for the audit log: the account's id, or 'unknown' for a name with no account. */
const UNKNOWN = 'unknown';

export async function authenticate(
  deps: SignInDeps,
  name: string,
  password: string,
): Promise<Authentication> {
  const { store, hasher, audit } = deps;
  const account = findAccountByName(store, name);
  if (!account) {
    await hasher.verifyNothing(password);
    audit.append({ action: 'sign_in_failed', actor: UNKNOWN, details: { reason: 'unknown_name' } });
    return { outcome: 'invalid_credentials' };
  }
  const locked = lockedAt(lockState(account), deps.now());
  if (locked !== null) {
    // Not checked at all: a right password says nothing different from a wrong one until the lock ends.
    audit.append({
      action: 'sign_in_failed',
      actor: account.id,
      subject: account.id,
      details: { reason: 'locked' },
    });
    return { outcome: 'locked', lockedUntil: iso(locked) };
  }
  if (account.disabledAt !== null) {
    await hasher.verifyNothing(password);
    audit.append({
      action: 'sign_in_failed',
      actor: account.id,
      subject: account.id,
      details: { reason: 'disabled' },
    });
    return { outcome: 'invalid_credentials' };
  }

  const checked = await hasher.verify(password, account.passwordHash);
  if (!checked.ok) return recordFailure(deps, account.id);
  // The rehash runs before the transaction: scrypt is slow and asynchronous, a transaction is neither.
  const rehashed = checked.needsRehash ? await hasher.hash(password) : null;
  return inTransaction(store, () => {
    const current = getAccount(store, account.id);
    if (!current || current.disabledAt !== null) return { outcome: 'invalid_credentials' } as const;
    const now = deps.now();
    const stillLocked = lockedAt(lockState(current), now);
    // A wrong password elsewhere may have locked it while this one was being checked.
    if (stillLocked !== null) return { outcome: 'locked', lockedUntil: iso(stillLocked) } as const;
    const next: Account = {
      ...current,
      ...fromLockState(afterSuccess()),
      lastSignInAt: iso(now),
      updatedAt: iso(now),
      ...(rehashed ? { passwordHash: rehashed } : {}),
    };
    saveAccount(store, next);
    return { outcome: 'signed_in', account: next } as const;
  });
}

function recordFailure(deps: SignInDeps, accountId: string): Authentication {
  return inTransaction(deps.store, () => {
    const current = getAccount(deps.store, accountId);
    if (!current) return { outcome: 'invalid_credentials' } as const;
    const now = deps.now();
    const { state, lockedNow } = afterFailure(lockState(current), now, deps.policy);
    saveAccount(deps.store, { ...current, ...fromLockState(state), updatedAt: iso(now) });
    deps.audit.append({
      action: 'sign_in_failed',
      actor: accountId,
      subject: accountId,
      details: {
        reason: 'wrong_password',
        failures: lockedNow ? deps.policy.maxFailures : state.failedSignIns,
      },
    });
    if (!lockedNow || state.lockedUntil === null) return { outcome: 'invalid_credentials' } as const;
    deps.audit.append({
      action: 'lockout',
      actor: accountId,
      subject: accountId,
      details: { until: iso(state.lockedUntil) },
    });
    return { outcome: 'locked', lockedUntil: iso(state.lockedUntil) } as const;
  });
}

const iso = (ms: number) => new Date(ms).toISOString();

function lockState(account: Account) {
  return {
    failedSignIns: account.failedSignIns,
    lockedUntil: account.lockedUntil === null ? null : Date.parse(account.lockedUntil),
  };
}

function fromLockState(state: { failedSignIns: number; lockedUntil: number | null }) {
  return {
    failedSignIns: state.failedSignIns,
    lockedUntil: state.lockedUntil === null ? null : iso(state.lockedUntil),
  };
}
