// Who is signed in at this kiosk, held in main and in memory only: a restart signs everyone out. One
// operator at a time (one screen, one desk); signing in ends the previous session. A signed-in operator with
// no activity for the idle time is signed out, with an event so the screen follows; so is one whose account
// is disabled meanwhile (checked on every use). Every session that ends asks the app to forget the
// customer's unsubmitted work, so the next person at the desk never sees the last one's photos.
//
// A self-service kiosk has no desk, but its supervisor reviews its records and exports its day from the
// console: there, and only there, a supervisor or admin may sign in (an operator's right password gets the
// same answer as a wrong one), the customer's unsubmitted work is forgotten first, and the session ends
// after at most SELF_SERVICE_STAFF_IDLE_MS without activity, since the screen faces a lobby.
import type { SessionChanged, SessionInfo, SessionOperator, SignInResult } from '../../common/session';
import type { ProviderName } from '../../common/providers';
import { roleAtLeast, TRAINING_OPERATOR } from '../../common/roles';
import type { AuditLog } from '../audit/events';
import { BridgeFailure } from '../bridge/failure';
import { createIdleWatch } from '../lib/idle-watch';
import { createLogger } from '../lib/log';
import type { Timers } from '../lib/timers';
import { inTransaction, type Store } from '../store/connection';
import type { LockoutPolicy } from './lockout';
import { nameProblem, passwordProblem } from './names';
import type { PasswordHasher } from './password-hash';
import { countAccounts, createAccount, findAccountByName, getAccount } from './repository';
import { authenticate } from './sign-in';

const log = createLogger('accounts');

export interface SessionsDeps {
  store: Store;
  hasher: PasswordHasher;
  /** Both the clock (lockout, sign-in times) and the idle check's scheduler. */
  timers: Timers;
  audit: AuditLog;
  mode: 'assisted' | 'self_service';
  provider: ProviderName;
  lockout: LockoutPolicy;
  idleSignOutMs: number;
  /** What the first-run screen tells IT to run when nobody creates the admin on screen. */
  firstRunCommand: string;
  onChange(change: SessionChanged): void;
  /** A session ended: forget the customer's unsubmitted work. */
  onSessionEnded(): void;
}

/** The operator a record names: an account id, or 'training'. */
export interface SignedIn {
  operator: SessionOperator;
  /** What records and the audit log carry for this operator. */
  operatorId: string;
  signedInAt: number;
}

export interface Sessions {
  info(): SessionInfo;
  /** The signed-in operator, or null; an idle or disabled one is signed out first. */
  current(): SignedIn | null;
  /** Notes activity; true when someone is signed in. */
  touch(): boolean;
  signIn(name: string, password: string): Promise<SignInResult>;
  signInTraining(): SessionInfo;
  createFirstAdmin(name: string, password: string): Promise<SessionInfo>;
  signOut(): SessionInfo;
  close(): void;
}

type EndReason = 'signed_out' | 'idle_sign_out' | 'account_disabled' | 'replaced';

/** The longest a supervisor's session on a self-service kiosk lasts without activity. */
export const SELF_SERVICE_STAFF_IDLE_MS = 2 * 60_000;

export function createSessions(deps: SessionsDeps): Sessions {
  const { store, audit, timers } = deps;
  let signedIn: SignedIn | null = null;
  const selfService = deps.mode === 'self_service';
  const idleMs = selfService ? Math.min(deps.idleSignOutMs, SELF_SERVICE_STAFF_IDLE_MS) : deps.idleSignOutMs;
  const idle = createIdleWatch(timers, idleMs, () => end('idle_sign_out'));
  const iso = (ms: number) => new Date(ms).toISOString();
  const training = deps.provider === 'sandbox';

  const info = (): SessionInfo => {
    const now = current();
    if (now) return { status: 'signed_in', operator: now.operator, signedInAt: iso(now.signedInAt) };
    if (selfService) return { status: 'self_service' };
    if (!training && countAccounts(store) === 0)
      return { status: 'first_run', command: deps.firstRunCommand };
    return { status: 'sign_in_required', trainingAvailable: training };
  };

  const end = (reason: EndReason) => {
    const ending = signedIn;
    if (!ending) return;
    signedIn = null;
    idle.stop();
    audit.append({ action: 'sign_out', actor: ending.operatorId, details: { reason } });
    log.info('signed out', { operator: ending.operatorId, reason });
    deps.onSessionEnded();
    // A replaced session is followed at once by the sign-in that replaced it, which announces itself.
    if (reason !== 'replaced') {
      deps.onChange({ session: info(), reason: reason === 'idle_sign_out' ? 'idle_sign_out' : 'signed_out' });
    }
  };

  const begin = (operator: SessionOperator, operatorId: string): SessionInfo => {
    end('replaced');
    signedIn = { operator, operatorId, signedInAt: timers.now() };
    idle.start();
    audit.append({ action: 'sign_in', actor: operatorId });
    log.info('signed in', { operator: operatorId });
    const session = info();
    deps.onChange({ session, reason: 'signed_in' });
    return session;
  };

  const current = (): SignedIn | null => {
    if (!signedIn) return null;
    if (idle.expired()) {
      end('idle_sign_out');
      return null;
    }
    if (signedIn.operator.kind === 'account') {
      const account = getAccount(store, signedIn.operatorId);
      if (!account || account.disabledAt !== null) {
        end('account_disabled');
        return null;
      }
    }
    return signedIn;
  };

  const assisted = (what: string) => {
    if (deps.mode === 'self_service') {
      throw new BridgeFailure('invalid_state', `This kiosk is self-service: nobody ${what} here.`);
    }
  };

  return {
    info,
    current,
    touch() {
      const now = current();
      if (now) idle.touch();
      return now !== null;
    },

    async signIn(name, password) {
      if (selfService) {
        // Checked before the password, so an operator's account is not touched (no sign-in time, no counts);
        // the same scrypt work as a wrong password, so the answer tells nothing about the account.
        const account = findAccountByName(store, name);
        if (account && !roleAtLeast(account.role, 'supervisor')) {
          await deps.hasher.verifyNothing(password);
          audit.append({
            action: 'sign_in_failed',
            actor: account.id,
            subject: account.id,
            details: { reason: 'role_not_allowed_here' },
          });
          return { outcome: 'invalid_credentials' };
        }
      }
      const result = await authenticate(
        { store, hasher: deps.hasher, now: () => timers.now(), policy: deps.lockout, audit },
        name,
        password,
      );
      if (result.outcome !== 'signed_in') return result;
      const { account } = result;
      // The screen turns from the customer's to staff's: whoever was at it has gone.
      if (selfService) deps.onSessionEnded();
      const session = begin(
        { kind: 'account', id: account.id, name: account.name, role: account.role },
        account.id,
      );
      return { outcome: 'signed_in', session };
    },

    signInTraining() {
      assisted('signs in');
      if (!training) {
        throw new BridgeFailure('invalid_state', 'The training sign-in is only for the training sandbox.');
      }
      return begin({ kind: 'training' }, TRAINING_OPERATOR);
    },

    async createFirstAdmin(name, password) {
      assisted('creates accounts');
      const refuse = () =>
        new BridgeFailure('invalid_state', 'The first admin can only be created on a new, real kiosk.');
      // Checked before and again inside the transaction: never an open door, also not for two at once.
      if (training || countAccounts(store) > 0) throw refuse();
      const problem = nameProblem(name) ?? passwordProblem(password, name);
      if (problem) throw new BridgeFailure('invalid_request', `The account cannot be created: ${problem}.`);
      const passwordHash = await deps.hasher.hash(password);
      const account = inTransaction(store, () => {
        if (countAccounts(store) > 0) throw refuse();
        return createAccount(store, { name, role: 'admin', passwordHash, now: iso(timers.now()) });
      });
      audit.append({ action: 'first_admin_created', actor: account.id, subject: account.id });
      return begin({ kind: 'account', id: account.id, name: account.name, role: account.role }, account.id);
    },

    signOut() {
      end('signed_out');
      return info();
    },

    close() {
      idle.stop();
    },
  };
}
