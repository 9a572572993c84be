// The browser host carries the contract over real HTTP and WebSocket to the real handlers: the key, the
// loopback checks, validation of malformed input, and one full verification with its progress events.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { ktpCard, selfieA } from '../../fixtures/images';
import { call, startKiosk, type Kiosk } from './kiosk-harness';
import { capture, startRecord } from './verify-helper';

let sandbox: Sandbox;
let kiosk: Kiosk;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 100 });
  kiosk = await startKiosk(sandbox.url);
});

afterAll(async () => {
  await kiosk?.close();
  await sandbox?.close();
});

function rawRequest(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: kiosk.host.port, path, method: 'POST', headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the host guards the bridge', () => {
  it('refuses a request without the per-run key, or with a wrong one', async () => {
    expect(await call(kiosk, 'app.info', {}, { 'x-loket-key': '' })).toMatchObject({
      status: 403,
      envelope: { ok: false, error: { code: 'forbidden' } },
    });
    expect((await call(kiosk, 'app.info', {}, { 'x-loket-key': 'guess' })).status).toBe(403);
  });

  it('refuses another origin and a foreign Host name even with the key', async () => {
    expect((await call(kiosk, 'app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const status = await rawRequest('/bridge/app.info', {
      host: `evil.example:${kiosk.host.port}`,
      'x-loket-key': kiosk.key,
      'content-type': 'application/json',
    });
    expect(status).toBe(403);
  });

  it('answers malformed input with an envelope, never a crash', async () => {
    expect(await call(kiosk, 'app.info', '{not json')).toMatchObject({
      status: 400,
      envelope: { ok: false, error: { code: 'invalid_request' } },
    });
    expect((await call(kiosk, 'shell.exec', {})).envelope).toMatchObject({
      error: { code: 'unknown_channel' },
    });
    expect((await call(kiosk, 'verification.start', { mode: 7 })).envelope).toMatchObject({
      error: { code: 'invalid_request' },
    });
    // The kiosk's setting decides the mode: an assisted desk makes no self-service record.
    expect((await call(kiosk, 'verification.start', { mode: 'self_service' })).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
    expect((await call(kiosk, 'verification.get', { recordId: 'NOSUCHRECORD' })).envelope).toMatchObject({
      error: { code: 'not_found' },
    });
  });

  it('echoes nothing of a channel name or field name it does not know (either may be a NIK)', async () => {
    const channel = await call(kiosk, '3171012345678901', {});
    expect(channel.envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const field = await call(kiosk, 'verification.get', { recordId: 'NOSUCHRECORD', '3171012345678901': 1 });
    expect(field.envelope).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify([channel, field])).not.toContain('3171012345678901');
  });

  it('refuses an image that is not a JPEG, and keeps the record', async () => {
    const recordId = await startRecord(kiosk, { mode: 'assisted' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    expect(
      (await call(kiosk, 'verification.addImage', { recordId, kind: 'selfie', imageBase64: png })).envelope,
    ).toMatchObject({
      error: { code: 'invalid_image' },
    });
    expect((await call(kiosk, 'verification.get', { recordId })).envelope).toMatchObject({
      ok: true,
      value: { status: 'captured', images: [] },
    });
    expect((await call(kiosk, 'verification.submit', { recordId })).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
  });

  it('serves the renderer with a strict CSP', async () => {
    const response = await fetch(`http://127.0.0.1:${kiosk.host.port}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`http://127.0.0.1:${kiosk.host.port}/../../etc/passwd`)).status).toBe(404);
  });

  it('opens the event socket only with the key', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${kiosk.host.port}/bridge/events?k=wrong`);
    await expect(
      new Promise((resolve, reject) => {
        refused.on('open', resolve);
        refused.on('error', reject);
      }),
    ).rejects.toThrow();
  });
});

describe('one verification over the host', () => {
  it('reaches a decision and streams progress for that record', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${kiosk.host.port}/bridge/events?k=${kiosk.key}`);
    const messages: Array<{ event: string; payload: Record<string, unknown> }> = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.on('open', resolve));

    const recordId = await capture(kiosk, { mode: 'assisted' });
    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({
      ok: true,
      value: { status: 'decided', outcome: { decision: 'verified', match: true, live: true } },
    });
    // What the renderer sees carries no images, tokens or raw provider answers.
    expect(JSON.stringify(submitted.envelope)).not.toMatch(/base64|submission_token|raw/);

    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.close();
    const progress = messages.filter(
      (m) => m.event === 'verification.progress' && m.payload.recordId === recordId,
    );
    const fractions = progress.map((m) => m.payload.fraction as number);
    expect(fractions.length).toBeGreaterThan(2);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(progress.at(-1)?.payload).toMatchObject({ step: 'done', status: 'decided', fraction: 1 });
    expect(messages.some((m) => m.event === 'sync.status')).toBe(true);

    // Photos of a submitted record cannot change.
    const late = await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'selfie',
      imageBase64: (await selfieA()).toString('base64'),
    });
    expect(late.envelope).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });
});

describe("wiping the customer's session (a crashed page, an idle kiosk)", () => {
  it('deletes unsubmitted records and their photos, and nothing that was submitted', async () => {
    const open = await call(kiosk, 'verification.start', { mode: 'assisted' });
    const done = await call(kiosk, 'verification.start', {});
    if (!open.envelope.ok || !done.envelope.ok) throw new Error('start failed');
    const openId = open.envelope.value.id;
    const doneId = done.envelope.value.id;
    const card = (await ktpCard('A')).toString('base64');
    const selfie = (await selfieA()).toString('base64');
    await call(kiosk, 'verification.addImage', {
      recordId: openId,
      kind: 'id_card',
      imageBase64: card,
      cardCrop: true,
    });
    await call(kiosk, 'verification.addImage', {
      recordId: doneId,
      kind: 'id_card',
      imageBase64: card,
      cardCrop: true,
    });
    await call(kiosk, 'verification.addImage', { recordId: doneId, kind: 'selfie', imageBase64: selfie });
    expect((await call(kiosk, 'verification.submit', { recordId: doneId })).envelope).toMatchObject({
      ok: true,
      value: { status: 'decided', training: true },
    });

    expect(await kiosk.app.wipeCustomerSession()).toBeGreaterThanOrEqual(1);
    expect((await call(kiosk, 'verification.get', { recordId: openId })).envelope).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await call(kiosk, 'verification.get', { recordId: doneId })).envelope).toMatchObject({
      ok: true,
      value: { status: 'decided' },
    });
  });
});
