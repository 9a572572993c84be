// The supervisor's console over the real host: every console channel refused in main unless a supervisor or
// admin is signed in; a record the sandbox decided, flagged by a desk correction, waiting in the review
// queue, approved with a reason; reveal and photo view audited; the export downloaded from the host's route
// with the per-run key, masked, and refused without the key, the role or (unmasked) a reason.
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../main/accounts/repository';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { cheapHasher, PASSWORD } from '../../unit/accounts/fixtures';
import { call, startKiosk, withStore, type Envelope, type Kiosk } from './kiosk-harness';
import { verify } from './verify-helper';

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

const CONSOLE_CALLS: Array<[string, Record<string, unknown>]> = [
  ['console.day', { day: '2026-01-05' }],
  ['console.records', { day: '2026-01-05' }],
  ['console.search', { reference: 'K7Q4-3ZPX' }],
  ['console.record', { recordId: 'ANYRECORD1' }],
  ['console.reveal', { recordId: 'ANYRECORD1' }],
  ['console.photo', { recordId: 'ANYRECORD1', kind: 'selfie' }],
  ['console.queue', {}],
  ['console.decide', { recordId: 'ANYRECORD1', action: 'approve', reason: 'x' }],
  ['console.audit', { day: '2026-01-05' }],
  ['console.saveExport', { firstDay: '2026-01-05', format: 'csv', includeTraining: false, masked: true }],
];

const EXPORT = { format: 'csv', includeTraining: true, masked: true } as const;

async function kioskWithStaff(mode: 'assisted' | 'self_service' = 'assisted') {
  const kiosk = await startKiosk(sandbox.url, {
    staff: 'nobody',
    passwordHasher: cheapHasher(),
    settings: { kioskId: 'JKT-SUDIRMAN-01', timeZone: 'Asia/Jakarta', mode },
  });
  kiosks.push(kiosk);
  const passwordHash = await cheapHasher().hash(PASSWORD);
  const now = new Date().toISOString();
  const ids = await withStore(kiosk, (store) => ({
    operator: createAccount(store, { name: 'Siti Rahma', role: 'operator', passwordHash, now }).id,
    supervisor: createAccount(store, { name: 'Budi Santoso', role: 'supervisor', passwordHash, now }).id,
  }));
  return { kiosk, ...ids };
}

const signIn = (kiosk: Kiosk, name: string) => call(kiosk, 'session.signIn', { name, password: PASSWORD });

function value(envelope: Envelope): Record<string, unknown> {
  if (!envelope.ok) throw new Error(`refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** The kiosk's local day now (the records are made now). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

function download(
  kiosk: Kiosk,
  body: unknown,
  headers: Record<string, string> = { 'x-loket-key': kiosk.key },
) {
  return fetch(`http://127.0.0.1:${kiosk.host.port}/console/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the console over the host', () => {
  it('answers nobody below a supervisor: not signed in, the training sign-in, an operator', async () => {
    const { kiosk } = await kioskWithStaff();
    const refusals = async () =>
      Promise.all(
        CONSOLE_CALLS.map(async ([channel, body]) => {
          const { envelope } = await call(kiosk, channel, body);
          return envelope.ok ? 'ok' : envelope.error.code;
        }),
      );
    expect(new Set(await refusals())).toEqual(new Set(['sign_in_required']));
    await call(kiosk, 'session.signInTraining', {});
    expect(new Set(await refusals())).toEqual(new Set(['supervisor_required']));
    await signIn(kiosk, 'Siti Rahma');
    expect(new Set(await refusals())).toEqual(new Set(['supervisor_required']));
    const response = await download(kiosk, { ...EXPORT, firstDay: today() });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'supervisor_required' } });
    expect((await kiosk.auditEntries()).filter((entry) => entry.action === 'export')).toEqual([]);
  });

  it('takes a supervisor through the day, the queue, a decision, reveal, a photo and a masked download', async () => {
    const { kiosk, operator, supervisor } = await kioskWithStaff();
    // The operator serves a customer and corrects the birth date read: the NIK no longer agrees with it.
    await signIn(kiosk, 'Siti Rahma');
    const decided = value(await verify(kiosk));
    const recordId = decided.id;
    expect(decided).toMatchObject({ status: 'decided', training: true, operator });
    const corrected = await call(kiosk, 'review.correct', {
      recordId,
      field: 'birthDate',
      value: '02-07-1980',
    });
    expect(value(corrected.envelope).flags).toContain('birth_date_mismatch');

    await signIn(kiosk, 'Budi Santoso');
    const day = value((await call(kiosk, 'console.day', { day: today() })).envelope);
    // The sandbox's records are training: left out of the counts, counted apart.
    expect(day).toMatchObject({ counts: { records: 0 }, trainingRecords: 1, training: null });
    const withTraining = value(
      (await call(kiosk, 'console.day', { day: today(), includeTraining: true })).envelope,
    );
    expect(withTraining.training).toMatchObject({ records: 1, byDecision: { verified: 1 } });

    expect(value((await call(kiosk, 'console.queue', {})).envelope)).toEqual({ items: [], training: 1 });
    const queue = value((await call(kiosk, 'console.queue', { includeTraining: true })).envelope);
    expect(queue.items).toEqual([expect.objectContaining({ id: recordId, awaiting: ['nik_flags'] })]);

    const detail = value((await call(kiosk, 'console.record', { recordId })).envelope);
    expect(detail).toMatchObject({
      flagCodes: ['birth_date_mismatch'],
      corrections: [{ field: 'birthDate' }],
    });
    expect(JSON.stringify(detail)).not.toMatch(/(?<!\d)\d{16}(?!\d)/);

    const approved = await call(kiosk, 'console.decide', {
      recordId,
      action: 'approve',
      reason: 'Birth date checked on the original KTP',
    });
    expect(value(approved.envelope)).toMatchObject({
      supervisor: 'approved',
      decision: 'verified',
      confirmed: null,
    });
    const revealed = value((await call(kiosk, 'console.reveal', { recordId })).envelope);
    expect((revealed.fields as { birthDate?: string }).birthDate).toBe('02-07-1980');
    const photo = value((await call(kiosk, 'console.photo', { recordId, kind: 'id_card' })).envelope);
    expect(Buffer.from(String(photo.imageBase64), 'base64').subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );

    const response = await download(kiosk, { ...EXPORT, firstDay: today() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="loket-JKT-SUDIRMAN-01-${today()}.csv"`,
    );
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const rows = (
      parse(text, { columns: true, relax_column_count: true }) as Array<Record<string, string>>
    ).filter((row) => !row.reference?.startsWith('#'));
    // The operator column names who served the customer (the record's own), not who reviewed or looked later.
    expect(rows).toEqual([
      expect.objectContaining({
        reference: recordId,
        training: 'true',
        operator,
        decision: 'verified',
        desk_decision: '',
        supervisor_decision: 'approved',
      }),
    ]);
    expect(rows[0]).not.toHaveProperty('nik');
    expect(rows[0]).not.toHaveProperty('name');
    expect(rows[0]?.nik_masked).toMatch(/^\d{4}\*{10}\d{2}$/);
    // The trailer carries the chain head's MAC (hex), which is no NIK; the rows must hold none.
    expect(text.replace(/^#trailer.*$/m, '')).not.toMatch(/(?<!\d)\d{16}(?!\d)/);

    const audit = await kiosk.auditEntries();
    const mine = audit.filter((entry) => entry.actor === supervisor).map((entry) => entry.action);
    expect(mine).toEqual(['sign_in', 'supervisor_decision', 'fields_revealed', 'photo_viewed', 'export']);
    expect(audit.find((entry) => entry.action === 'supervisor_decision')).toMatchObject({
      recordId,
      details: { decision: 'approved', providerDecision: 'verified', reasonLength: 38 },
    });
    expect(JSON.stringify(audit)).not.toContain('original KTP');
    const state = value((await call(kiosk, 'console.audit', { day: today() })).envelope);
    expect(state).toMatchObject({ verify: { ok: true }, entries: audit.length });
  });

  it('downloads only with the per-run key, refuses a bad request, and an unmasked one without a reason', async () => {
    const { kiosk } = await kioskWithStaff();
    await signIn(kiosk, 'Budi Santoso');
    const request = { ...EXPORT, firstDay: today() };
    expect((await download(kiosk, request, {})).status).toBe(403);
    expect((await download(kiosk, request, { 'x-loket-key': 'not-the-key' })).status).toBe(403);
    const foreign = await download(kiosk, request, {
      'x-loket-key': kiosk.key,
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const get = await fetch(`http://127.0.0.1:${kiosk.host.port}/console/export`, {
      headers: { 'x-loket-key': kiosk.key },
    });
    expect(get.status).toBe(405);
    const unmasked = await download(kiosk, { ...request, masked: false, reason: '  ' });
    expect(unmasked.status).toBe(400);
    expect(await unmasked.json()).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    const partial = await download(kiosk, { ...request, format: 'docx' });
    expect(await partial.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // The browser host has no save dialog: its console downloads.
    expect((await call(kiosk, 'console.saveExport', request)).envelope).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    expect((await kiosk.auditEntries()).filter((entry) => entry.action === 'export')).toEqual([]);
  });

  it('on a self-service kiosk, lets only a supervisor in, for the console, and back to the customer after', async () => {
    const { kiosk, supervisor } = await kioskWithStaff('self_service');
    expect(value((await signIn(kiosk, 'Siti Rahma')).envelope)).toEqual({ outcome: 'invalid_credentials' });
    expect((await call(kiosk, 'console.day', { day: today() })).envelope).toMatchObject({
      error: { code: 'sign_in_required' },
    });
    expect(value((await signIn(kiosk, 'Budi Santoso')).envelope)).toMatchObject({
      session: { status: 'signed_in', operator: { id: supervisor } },
    });
    expect(value((await call(kiosk, 'console.day', { day: today() })).envelope)).toMatchObject({
      day: today(),
    });
    // Still no desk review on a self-service kiosk; the console is the supervisor's way in.
    expect((await call(kiosk, 'review.get', { recordId: 'ANYRECORD1' })).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
    expect(value((await call(kiosk, 'session.signOut', {})).envelope)).toEqual({ status: 'self_service' });
    expect((await call(kiosk, 'console.queue', {})).envelope).toMatchObject({
      error: { code: 'sign_in_required' },
    });
  });
});
