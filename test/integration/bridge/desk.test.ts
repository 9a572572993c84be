// The assisted desk over the real host: sign-in enforced in main, lockout and its end, idle sign-out,
// training and first-admin sign-ins only where they belong, and the review of a record the sandbox decided
// (a correction keeps the original; a confirmation against open flags needs a typed reason).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createAccount } from '../../../main/accounts/repository';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { getRecord } from '../../../main/store/records';
import { manualTimers, type ManualTimers } from '../../support/clocks';
import { cheapHasher, PASSWORD } from '../../unit/accounts/fixtures';
import { call, startKiosk, withStore, type Envelope, type Kiosk, type KioskOptions } from './kiosk-harness';
import { capture, verify } from './verify-helper';

let sandbox: Sandbox;
const kiosks: Kiosk[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 100 });
});
afterEach(async () => {
  for (const kiosk of kiosks.splice(0)) await kiosk.close();
});
afterAll(async () => {
  await sandbox?.close();
});

const MINUTE = 60_000;

async function desk(options: KioskOptions & { timers?: ManualTimers } = {}) {
  const kiosk = await startKiosk(sandbox.url, {
    passwordHasher: cheapHasher(),
    staff: 'nobody',
    ...options,
    settings: { accounts: { requireSignIn: true }, ...options.settings },
  });
  kiosks.push(kiosk);
  return kiosk;
}

async function addOperator(kiosk: Kiosk, name = 'Siti Rahma') {
  const passwordHash = await cheapHasher().hash(PASSWORD);
  return withStore(kiosk, (store) =>
    createAccount(store, { name, role: 'operator', passwordHash, now: new Date().toISOString() }),
  );
}

/** The answer's value; a refusal fails the test with what was refused. */
function value(envelope: Envelope): Record<string, unknown> {
  if (!envelope.ok) throw new Error(`refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

describe('an assisted desk that requires sign-in', () => {
  it('refuses every verification and review channel until someone signs in', async () => {
    const kiosk = await desk();
    expect(value((await call(kiosk, 'session.get', {})).envelope)).toEqual({
      status: 'sign_in_required',
      trainingAvailable: true,
    });
    for (const [channel, body] of [
      ['verification.start', {}],
      ['verification.get', { recordId: 'ANYRECORD1' }],
      ['verification.addImage', { recordId: 'ANYRECORD1', kind: 'selfie', imageBase64: '' }],
      ['verification.submit', { recordId: 'ANYRECORD1' }],
      ['verification.discard', { recordId: 'ANYRECORD1' }],
      ['review.get', { recordId: 'ANYRECORD1' }],
      ['review.correct', { recordId: 'ANYRECORD1', field: 'name', value: 'X' }],
      ['review.confirm', { recordId: 'ANYRECORD1', decision: 'verified' }],
      ['review.idPhoto', { recordId: 'ANYRECORD1' }],
    ] as const) {
      expect((await call(kiosk, channel, body)).envelope, channel).toMatchObject({
        ok: false,
        error: { code: 'sign_in_required' },
      });
    }
    // What needs nobody still answers.
    expect(value((await call(kiosk, 'app.info', {})).envelope)).toMatchObject({
      mode: 'assisted',
      signInRequired: true,
      training: true,
    });
    expect((await call(kiosk, 'sync.status', {})).envelope.ok).toBe(true);
  });

  it('records who served the customer, and on which kiosk', async () => {
    const kiosk = await desk({ settings: { kioskId: 'JKT-SUDIRMAN-01' } });
    const account = await addOperator(kiosk);
    const signedIn = await call(kiosk, 'session.signIn', { name: 'siti rahma', password: PASSWORD });
    expect(value(signedIn.envelope)).toMatchObject({
      outcome: 'signed_in',
      session: { status: 'signed_in', operator: { kind: 'account', id: account.id, role: 'operator' } },
    });
    const decided = await verify(kiosk);
    expect(value(decided)).toMatchObject({
      status: 'decided',
      operator: account.id,
      kioskId: 'JKT-SUDIRMAN-01',
      review: { flags: [], correctedFields: [], confirmation: null },
    });
  });

  it('locks an account after five wrong passwords, whatever is tried, and lets it in after the lockout', async () => {
    const timers = manualTimers(Date.now());
    const kiosk = await desk({ timers });
    const account = await addOperator(kiosk);
    const signIn = async (password: string) =>
      value((await call(kiosk, 'session.signIn', { name: 'Siti Rahma', password })).envelope);
    for (let i = 0; i < 4; i += 1)
      expect(await signIn(`wrong password ${i}`)).toEqual({ outcome: 'invalid_credentials' });
    const locked = await signIn('wrong password 5');
    expect(locked).toMatchObject({ outcome: 'locked' });
    const until = Date.parse(String(locked.lockedUntil));
    expect(until - timers.now()).toBe(15 * MINUTE);
    expect(await signIn(PASSWORD)).toEqual(locked);
    timers.advance(15 * MINUTE);
    expect(await signIn(PASSWORD)).toMatchObject({ outcome: 'signed_in' });
    expect(
      (await kiosk.auditEntries())
        .map((e) => e.action)
        .filter((a) => a.startsWith('sign_in') || a === 'lockout'),
    ).toEqual([...Array<string>(5).fill('sign_in_failed'), 'lockout', 'sign_in_failed', 'sign_in']);
    expect((await kiosk.auditEntries()).find((e) => e.action === 'lockout')?.subject).toBe(account.id);
  });

  it('signs an idle operator out with an event, and forgets the unsubmitted customer', async () => {
    const timers = manualTimers(Date.now());
    const kiosk = await desk({
      timers,
      settings: { accounts: { requireSignIn: true, idleSignOutMinutes: 5 } },
    });
    await addOperator(kiosk);
    await call(kiosk, 'session.signIn', { name: 'Siti Rahma', password: PASSWORD });
    const socket = new WebSocket(`ws://127.0.0.1:${kiosk.host.port}/bridge/events?k=${kiosk.key}`, {
      headers: { origin: `http://127.0.0.1:${kiosk.host.port}` },
    });
    const events: Array<{ event: string; payload: Record<string, unknown> }> = [];
    socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.on('open', resolve));
    const recordId = await capture(kiosk);

    timers.advance(4 * MINUTE);
    expect(value((await call(kiosk, 'session.activity', {})).envelope)).toEqual({ signedIn: true });
    timers.advance(4 * MINUTE);
    expect(value((await call(kiosk, 'session.get', {})).envelope)).toMatchObject({ status: 'signed_in' });
    timers.advance(MINUTE + 1);
    await expect
      .poll(() => events.some((e) => e.event === 'session.changed' && e.payload.reason === 'idle_sign_out'))
      .toBe(true);
    socket.close();
    expect(value((await call(kiosk, 'session.get', {})).envelope)).toMatchObject({
      status: 'sign_in_required',
    });
    expect((await call(kiosk, 'verification.get', { recordId })).envelope).toMatchObject({
      error: { code: 'sign_in_required' },
    });
    expect(await withStore(kiosk, (store) => getRecord(store, recordId))).toBeUndefined();
  });

  it('signs out at once with the button', async () => {
    const kiosk = await desk();
    await call(kiosk, 'session.signInTraining', {});
    expect(value((await call(kiosk, 'session.signOut', {})).envelope)).toEqual({
      status: 'sign_in_required',
      trainingAvailable: true,
    });
    expect((await call(kiosk, 'verification.start', {})).envelope).toMatchObject({
      error: { code: 'sign_in_required' },
    });
  });
});

describe('training and first-run sign-ins', () => {
  it('lets a newcomer in with one tap with the sandbox, and the records say training', async () => {
    const kiosk = await desk();
    expect(value((await call(kiosk, 'session.signInTraining', {})).envelope)).toMatchObject({
      status: 'signed_in',
      operator: { kind: 'training' },
    });
    expect(value(await verify(kiosk))).toMatchObject({ training: true, operator: 'training' });
  });

  it('has no training sign-in with a real provider, and creates the first admin only while there is none', async () => {
    const kiosk = await desk({
      settings: { provider: 'identifai', providerUrl: `${sandbox.url}/identifai` },
    });
    expect((await call(kiosk, 'session.signInTraining', {})).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
    const firstRun = value((await call(kiosk, 'session.get', {})).envelope);
    expect(firstRun).toMatchObject({ status: 'first_run' });
    expect(String(firstRun.command)).toContain(
      `npm run operators -- add NAME --role admin --data ${kiosk.dataDir}`,
    );
    expect(
      (await call(kiosk, 'session.createFirstAdmin', { name: 'Kepala Cabang', password: 'short' })).envelope,
    ).toMatchObject({ error: { code: 'invalid_request' } });
    const admin = await call(kiosk, 'session.createFirstAdmin', {
      name: 'Kepala Cabang',
      password: PASSWORD,
    });
    expect(value(admin.envelope)).toMatchObject({ status: 'signed_in', operator: { role: 'admin' } });
    await call(kiosk, 'session.signOut', {});
    expect(value((await call(kiosk, 'session.get', {})).envelope)).toEqual({
      status: 'sign_in_required',
      trainingAvailable: false,
    });
    expect(
      (await call(kiosk, 'session.createFirstAdmin', { name: 'Someone Else', password: PASSWORD })).envelope,
    ).toMatchObject({ error: { code: 'invalid_state' } });
  });

  it('never offers a first admin in training mode', async () => {
    const kiosk = await desk();
    expect(
      (await call(kiosk, 'session.createFirstAdmin', { name: 'Kepala Cabang', password: PASSWORD })).envelope,
    ).toMatchObject({ error: { code: 'invalid_state' } });
  });
});

describe('reviewing a decided record at the desk', () => {
  it('keeps the original reading, and refuses to confirm against an open flag without a reason', async () => {
    const kiosk = await desk();
    await call(kiosk, 'session.signInTraining', {});
    const decided = value(await verify(kiosk));
    const recordId = String(decided.id);
    const review = value((await call(kiosk, 'review.get', { recordId })).envelope);
    const read = review.read as Record<string, string>;
    expect(review).toMatchObject({ providerDecision: 'verified', flags: [], hasIdPhoto: true });

    // Staff "correct" the sex to the other one: the NIK now disagrees, and the flag says so.
    const other = read.sex === 'PEREMPUAN' ? 'LAKI-LAKI' : 'PEREMPUAN';
    const corrected = value(
      (await call(kiosk, 'review.correct', { recordId, field: 'sex', value: other })).envelope,
    );
    expect(corrected).toMatchObject({
      read,
      fields: { ...read, sex: other },
      flags: ['sex_mismatch'],
      corrections: [{ field: 'sex', before: read.sex, after: other, by: 'training' }],
    });
    expect((await call(kiosk, 'review.confirm', { recordId, decision: 'verified' })).envelope).toMatchObject({
      error: { code: 'reason_required' },
    });
    const confirmed = await call(kiosk, 'review.confirm', {
      recordId,
      decision: 'verified',
      reason: 'Compared the card with the customer in person.',
    });
    expect(value(confirmed.envelope)).toMatchObject({
      providerDecision: 'verified',
      confirmation: { decision: 'verified', by: 'training' },
    });
    expect(value((await call(kiosk, 'verification.get', { recordId })).envelope)).toMatchObject({
      status: 'decided',
      outcome: { decision: 'verified', ocr: read },
      review: { flags: ['sex_mismatch'], correctedFields: ['sex'], confirmation: { decision: 'verified' } },
    });

    const photo = value((await call(kiosk, 'review.idPhoto', { recordId })).envelope);
    expect(photo.mime).toBe('image/jpeg');
    expect(Buffer.from(String(photo.imageBase64), 'base64').subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
    expect((await kiosk.auditEntries()).map((e) => e.action)).toEqual(
      expect.arrayContaining(['sign_in', 'field_corrected', 'review_confirmed', 'photo_viewed']),
    );
    // Ids, codes and field names only: no value read or typed reaches the audit log.
    const logged = JSON.stringify(await kiosk.auditEntries());
    for (const personal of [read.nik ?? '', read.name ?? '', other, 'in person'])
      expect(logged).not.toContain(personal);
  });
});

describe('an assisted desk that does not (yet) require sign-in', () => {
  it('with sign-in turned off, verifies with nobody signed in, naming no operator, but never reviews', async () => {
    const kiosk = await startKiosk(sandbox.url, {
      passwordHasher: cheapHasher(),
      staff: 'nobody',
      settings: { accounts: { requireSignIn: false } },
    });
    kiosks.push(kiosk);
    const decided = value(await verify(kiosk, { mode: 'assisted' }));
    expect(decided).toMatchObject({ status: 'decided', operator: null });
    expect((await call(kiosk, 'review.get', { recordId: String(decided.id) })).envelope).toMatchObject({
      error: { code: 'sign_in_required' },
    });
  });
});
