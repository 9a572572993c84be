// Sign-in sessions on a real store with time driven by hand: lockout and its end, idle sign-out, training
// and first-admin sign-ins only where they belong, and the audit entries (ids only) on the way.
import { describe, expect, it } from 'vitest';
import type { SessionChanged } from '../../../common/session';
import { createSessions, type SessionsDeps } from '../../../main/accounts/sessions';
import { createAccount, findAccountByName, getAccount, saveAccount } from '../../../main/accounts/repository';
import { createPasswordHasher } from '../../../main/accounts/password-hash';
import { manualTimers } from '../../support/clocks';
import { tempStore } from '../store/temp-store';
import { cheapHasher, PASSWORD, recordingAudit } from './fixtures';

const START = Date.parse('2026-12-01T08:00:00.000Z');
const MINUTE = 60_000;

function setup(overrides: Partial<SessionsDeps> = {}) {
  const store = tempStore();
  const timers = manualTimers(START);
  const audit = recordingAudit();
  const changes: SessionChanged[] = [];
  let ended = 0;
  const hasher = cheapHasher();
  const sessions = createSessions({
    store,
    hasher,
    timers,
    audit,
    mode: 'assisted',
    provider: 'identifai',
    lockout: { maxFailures: 5, lockoutMs: 15 * MINUTE },
    idleSignOutMs: 10 * MINUTE,
    firstRunCommand: 'npm run operators -- add NAME --role admin --data /data',
    onChange: (change) => changes.push(change),
    onSessionEnded: () => (ended += 1),
    ...overrides,
  });
  const addOperator = async (name = 'Siti Rahma', role: 'operator' | 'supervisor' | 'admin' = 'operator') =>
    createAccount(store, {
      name,
      role,
      passwordHash: await hasher.hash(PASSWORD),
      now: new Date(START).toISOString(),
    });
  return { store, timers, audit, changes, sessions, addOperator, ended: () => ended };
}

describe('signing in', () => {
  it('signs in by name in any case, and says who is signed in', async () => {
    const { sessions, addOperator, audit, changes } = setup();
    const account = await addOperator();
    expect(sessions.info()).toEqual({ status: 'sign_in_required', trainingAvailable: false });
    const result = await sessions.signIn('SITI  RAHMA', PASSWORD);
    expect(result).toEqual({
      outcome: 'signed_in',
      session: {
        status: 'signed_in',
        operator: { kind: 'account', id: account.id, name: 'Siti Rahma', role: 'operator' },
        signedInAt: new Date(START).toISOString(),
      },
    });
    expect(sessions.current()?.operatorId).toBe(account.id);
    expect(changes.map((c) => c.reason)).toEqual(['signed_in']);
    expect(audit.entries).toContainEqual({ action: 'sign_in', actor: account.id });
    expect(JSON.stringify(audit.entries)).not.toMatch(/Siti|kata-sandi/i);
  });

  it('answers a wrong password, an unknown name and a disabled account the same way', async () => {
    const { sessions, addOperator, store, audit } = setup();
    const account = await addOperator();
    await addOperator('Budi');
    const budi = findAccountByName(store, 'Budi');
    if (!budi) throw new Error('no Budi');
    saveAccount(store, { ...budi, disabledAt: new Date(START).toISOString() });
    for (const [name, password] of [
      ['Siti Rahma', 'not the password'],
      ['Nobody', PASSWORD],
      ['Budi', PASSWORD],
    ] as const) {
      expect(await sessions.signIn(name, password)).toEqual({ outcome: 'invalid_credentials' });
    }
    expect(sessions.current()).toBeNull();
    expect(audit.entries.map((e) => [e.action, e.actor, e.details?.reason])).toEqual([
      ['sign_in_failed', account.id, 'wrong_password'],
      ['sign_in_failed', 'unknown', 'unknown_name'],
      ['sign_in_failed', budi.id, 'disabled'],
    ]);
  });

  it('locks after five wrong passwords, refuses even the right one until the time is up, then lets in', async () => {
    const { sessions, addOperator, timers, audit, store } = setup();
    const account = await addOperator();
    for (let i = 0; i < 4; i += 1) {
      expect(await sessions.signIn('Siti Rahma', `wrong ${i} password`)).toEqual({
        outcome: 'invalid_credentials',
      });
    }
    const until = new Date(START + 15 * MINUTE).toISOString();
    expect(await sessions.signIn('Siti Rahma', 'wrong 5 password')).toEqual({
      outcome: 'locked',
      lockedUntil: until,
    });
    expect(audit.actions().filter((a) => a === 'lockout')).toHaveLength(1);

    timers.advance(14 * MINUTE);
    expect(await sessions.signIn('Siti Rahma', PASSWORD)).toEqual({ outcome: 'locked', lockedUntil: until });
    expect(await sessions.signIn('Siti Rahma', 'still wrong')).toEqual({
      outcome: 'locked',
      lockedUntil: until,
    });

    timers.advance(MINUTE);
    expect((await sessions.signIn('Siti Rahma', PASSWORD)).outcome).toBe('signed_in');
    expect(getAccount(store, account.id)).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it('rehashes a password stored with older parameters when its owner signs in', async () => {
    const { sessions, store } = setup();
    const old = await createPasswordHasher({ ln: 8, r: 8, p: 1 }).hash(PASSWORD);
    const account = createAccount(store, {
      name: 'Siti',
      role: 'operator',
      passwordHash: old,
      now: new Date(START).toISOString(),
    });
    expect((await sessions.signIn('Siti', PASSWORD)).outcome).toBe('signed_in');
    const rehashed = getAccount(store, account.id)?.passwordHash ?? '';
    expect(rehashed).toMatch(/^\$scrypt\$ln=10,/);
    expect(rehashed).not.toBe(old);
  });

  it('signs the previous operator out when another signs in, forgetting the customer’s unsubmitted work', async () => {
    const { sessions, addOperator, audit, ended } = setup();
    const siti = await addOperator();
    const budi = await addOperator('Budi');
    await sessions.signIn('Siti Rahma', PASSWORD);
    await sessions.signIn('Budi', PASSWORD);
    expect(sessions.current()?.operatorId).toBe(budi.id);
    expect(audit.entries).toContainEqual({
      action: 'sign_out',
      actor: siti.id,
      details: { reason: 'replaced' },
    });
    expect(ended()).toBe(1);
  });
});

describe('signing out', () => {
  it('signs out at once with the button', async () => {
    const { sessions, addOperator, changes, ended } = setup();
    await addOperator();
    await sessions.signIn('Siti Rahma', PASSWORD);
    expect(sessions.signOut()).toEqual({ status: 'sign_in_required', trainingAvailable: false });
    expect(changes.at(-1)?.reason).toBe('signed_out');
    expect(ended()).toBe(1);
  });

  it('signs out after the idle time without activity, and activity keeps the session', async () => {
    const { sessions, addOperator, timers, changes } = setup();
    await addOperator();
    await sessions.signIn('Siti Rahma', PASSWORD);
    timers.advance(9 * MINUTE);
    expect(sessions.touch()).toBe(true);
    timers.advance(9 * MINUTE);
    expect(sessions.current()).not.toBeNull();
    expect(changes.map((c) => c.reason)).toEqual(['signed_in']);
    timers.advance(MINUTE);
    // The scheduled check ran by itself: nobody had to ask.
    expect(changes.at(-1)).toEqual({
      session: { status: 'sign_in_required', trainingAvailable: false },
      reason: 'idle_sign_out',
    });
    expect(sessions.current()).toBeNull();
    expect(sessions.touch()).toBe(false);
  });

  it('signs out an operator whose account is disabled meanwhile, at the next use', async () => {
    const { sessions, addOperator, store } = setup();
    const account = await addOperator();
    await sessions.signIn('Siti Rahma', PASSWORD);
    saveAccount(store, { ...account, disabledAt: new Date(START).toISOString() });
    expect(sessions.current()).toBeNull();
  });
});

describe('training and first-run sign-ins', () => {
  it('lets a newcomer in with one tap in training mode only', async () => {
    const training = setup({ provider: 'sandbox' });
    expect(training.sessions.info()).toEqual({ status: 'sign_in_required', trainingAvailable: true });
    expect(training.sessions.signInTraining()).toMatchObject({
      status: 'signed_in',
      operator: { kind: 'training' },
    });
    expect(training.sessions.current()?.operatorId).toBe('training');

    const real = setup();
    expect(() => real.sessions.signInTraining()).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });

  it('offers the first admin only on a real kiosk with no accounts, once', async () => {
    const { sessions, audit, store } = setup();
    expect(sessions.info()).toEqual({
      status: 'first_run',
      command: 'npm run operators -- add NAME --role admin --data /data',
    });
    await expect(sessions.createFirstAdmin('Admin', 'short')).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const session = await sessions.createFirstAdmin('Kepala Cabang', PASSWORD);
    expect(session).toMatchObject({ status: 'signed_in', operator: { kind: 'account', role: 'admin' } });
    const admin = findAccountByName(store, 'kepala cabang');
    expect(audit.entries).toContainEqual({
      action: 'first_admin_created',
      actor: admin?.id,
      subject: admin?.id,
    });
    // Never an open door: with an account in place it is refused, whoever asks.
    sessions.signOut();
    await expect(sessions.createFirstAdmin('Intruder', PASSWORD)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(findAccountByName(store, 'Intruder')).toBeUndefined();
  });

  it('creates one first admin when two ask at once', async () => {
    const { sessions } = setup();
    const results = await Promise.allSettled([
      sessions.createFirstAdmin('Admin Satu', PASSWORD),
      sessions.createFirstAdmin('Admin Dua', PASSWORD),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses the first admin in training mode, and on a self-service kiosk everything but a supervisor', async () => {
    const training = setup({ provider: 'sandbox' });
    await expect(training.sessions.createFirstAdmin('Admin', PASSWORD)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    const kiosk = setup({ mode: 'self_service' });
    expect(kiosk.sessions.info()).toEqual({ status: 'self_service' });
    expect(await kiosk.sessions.signIn('Admin', PASSWORD)).toEqual({ outcome: 'invalid_credentials' });
    await expect(kiosk.sessions.createFirstAdmin('Admin', PASSWORD)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(() => kiosk.sessions.signInTraining()).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });
});

describe('staff on a self-service kiosk', () => {
  it('lets a supervisor or admin in, forgets the customer first, and signs out within two minutes idle', async () => {
    const kiosk = setup({ mode: 'self_service' });
    const supervisor = await kiosk.addOperator('Budi Santoso', 'supervisor');
    const signedIn = await kiosk.sessions.signIn('budi santoso', PASSWORD);
    expect(signedIn).toMatchObject({
      outcome: 'signed_in',
      session: { status: 'signed_in', operator: { id: supervisor.id, role: 'supervisor' } },
    });
    expect(kiosk.ended()).toBe(1);
    expect(kiosk.sessions.info()).toMatchObject({ status: 'signed_in' });
    // The lobby screen does not wait the desk's ten minutes.
    kiosk.timers.advance(2 * MINUTE);
    expect(kiosk.sessions.current()).toBeNull();
    expect(kiosk.sessions.info()).toEqual({ status: 'self_service' });
    expect(kiosk.changes.map((c) => c.reason)).toEqual(['signed_in', 'idle_sign_out']);

    await kiosk.sessions.signIn('Budi Santoso', PASSWORD);
    expect(kiosk.sessions.signOut()).toEqual({ status: 'self_service' });
    const admin = await kiosk.addOperator('Dewi Lestari', 'admin');
    expect(await kiosk.sessions.signIn('Dewi Lestari', PASSWORD)).toMatchObject({ outcome: 'signed_in' });
    expect(kiosk.sessions.current()?.operatorId).toBe(admin.id);
  });

  it("answers an operator's right password as a wrong one, and leaves the account untouched", async () => {
    const kiosk = setup({ mode: 'self_service' });
    const operator = await kiosk.addOperator('Siti Rahma', 'operator');
    expect(await kiosk.sessions.signIn('Siti Rahma', PASSWORD)).toEqual({ outcome: 'invalid_credentials' });
    expect(await kiosk.sessions.signIn('Siti Rahma', 'a wrong password')).toEqual({
      outcome: 'invalid_credentials',
    });
    expect(kiosk.sessions.current()).toBeNull();
    expect(getAccount(kiosk.store, operator.id)).toMatchObject({ lastSignInAt: null, failedSignIns: 0 });
    expect(kiosk.audit.entries).toEqual([
      {
        action: 'sign_in_failed',
        actor: operator.id,
        subject: operator.id,
        details: { reason: 'role_not_allowed_here' },
      },
      {
        action: 'sign_in_failed',
        actor: operator.id,
        subject: operator.id,
        details: { reason: 'role_not_allowed_here' },
      },
    ]);
    expect(kiosk.ended()).toBe(0);
  });
});
