// Who may use which channel, decided in main: on a real store with real sessions.
import { describe, expect, it } from 'vitest';
import { createAccessPolicy } from '../../../main/accounts/access';
import { createSessions } from '../../../main/accounts/sessions';
import { manualTimers } from '../../support/clocks';
import { tempStore } from '../store/temp-store';
import { createAccount } from '../../../main/accounts/repository';
import { cheapHasher, PASSWORD, recordingAudit } from './fixtures';

function sessionsFor(mode: 'assisted' | 'self_service', store = tempStore()) {
  return createSessions({
    store,
    hasher: cheapHasher(),
    timers: manualTimers(0),
    audit: recordingAudit(),
    mode,
    provider: 'sandbox',
    lockout: { maxFailures: 5, lockoutMs: 60_000 },
    idleSignOutMs: 60_000,
    firstRunCommand: 'npm run operators',
    onChange: () => undefined,
    onSessionEnded: () => undefined,
  });
}

describe('the access policy', () => {
  it('makes a self-service kiosk’s records self_service and gives it no desk review', () => {
    const access = createAccessPolicy(
      { mode: 'self_service', requireSignIn: true },
      sessionsFor('self_service'),
    );
    expect(access.recordOperator()).toBe('self_service');
    expect(() => access.reviewer()).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });

  it('at a desk that requires sign-in, refuses everything until someone signs in', () => {
    const sessions = sessionsFor('assisted');
    const access = createAccessPolicy({ mode: 'assisted', requireSignIn: true }, sessions);
    expect(() => access.recordOperator()).toThrow(expect.objectContaining({ code: 'sign_in_required' }));
    expect(() => access.reviewer()).toThrow(expect.objectContaining({ code: 'sign_in_required' }));
    sessions.signInTraining();
    expect(access.recordOperator()).toBe('training');
    expect(access.reviewer().operatorId).toBe('training');
  });

  it('at a desk that does not yet require sign-in, records name nobody, and review still needs someone', () => {
    const access = createAccessPolicy({ mode: 'assisted', requireSignIn: false }, sessionsFor('assisted'));
    expect(access.recordOperator()).toBeNull();
    expect(() => access.reviewer()).toThrow(expect.objectContaining({ code: 'sign_in_required' }));
  });

  it('opens the console to a signed-in supervisor or admin only, never to an operator or the training sign-in', async () => {
    const store = tempStore();
    const passwordHash = await cheapHasher().hash(PASSWORD);
    const now = new Date(0).toISOString();
    for (const [name, role] of [
      ['Siti Rahma', 'operator'],
      ['Budi Santoso', 'supervisor'],
      ['Dewi Lestari', 'admin'],
    ] as const) {
      createAccount(store, { name, role, passwordHash, now });
    }
    const sessions = sessionsFor('assisted', store);
    const access = createAccessPolicy({ mode: 'assisted', requireSignIn: false }, sessions);
    expect(() => access.supervisor()).toThrow(expect.objectContaining({ code: 'sign_in_required' }));
    sessions.signInTraining();
    expect(() => access.supervisor()).toThrow(expect.objectContaining({ code: 'supervisor_required' }));
    await sessions.signIn('Siti Rahma', PASSWORD);
    expect(() => access.supervisor()).toThrow(expect.objectContaining({ code: 'supervisor_required' }));
    await sessions.signIn('budi santoso', PASSWORD);
    expect(access.supervisor().operator).toMatchObject({ kind: 'account', role: 'supervisor' });
    await sessions.signIn('Dewi Lestari', PASSWORD);
    expect(access.supervisor().operator).toMatchObject({ kind: 'account', role: 'admin' });
    sessions.signOut();
    expect(() => access.supervisor()).toThrow(expect.objectContaining({ code: 'sign_in_required' }));
  });
});
