// The provider's step logic with a fake client: what is created, saved, shown, resumed, closed and returned.
import { describe, expect, it } from 'vitest';
import type { FaceverifyClient, WaitSessionOptions } from '../../../../main/providers/faceverify/client';
import type { HostedWindowHandle } from '../../../../main/providers/faceverify/display';
import { FaceverifyRejection } from '../../../../main/providers/faceverify/errors';
import { createFaceverifyProvider } from '../../../../main/providers/faceverify/provider';
import type { SessionState } from '../../../../main/providers/faceverify/session';
import { ProviderError } from '../../../../main/providers/provider';
import { recordingContext } from '../../../support/step-context';

const IMAGES = { id_card: Buffer.alloc(0), selfie: Buffer.alloc(0) };
const URL_ = 'https://fv.test/new/tok-abcdef';
const SAVED = {
  sessionId: 'sess-1',
  url: URL_,
  token: 'tok-abcdef',
  createdAt: '2024-05-01T09:00:00.000Z',
};

const state = (status: SessionState['status'], live = true): SessionState => ({
  sessionId: 'sess-1',
  status,
  rawStatus: status,
  result:
    status === 'pending'
      ? null
      : { liveness: live ? 0.9 : 0.1, live, similarity: null, match: null, message: 'm' },
  raw: { status },
});

interface FakeLog {
  events: string[];
  waits: WaitSessionOptions[];
}

function fakeClient(
  script: {
    first?: SessionState;
    final?: () => Promise<SessionState>;
    create?: () => Promise<void>;
  } = {},
): { client: FaceverifyClient; log: FakeLog } {
  const log: FakeLog = { events: [], waits: [] };
  return {
    log,
    client: {
      async createSession(request) {
        log.events.push(`create ${request.uniqueIdentifier} ${request.country}`);
        await script.create?.();
        return { sessionId: 'sess-1', url: URL_, token: 'tok-abcdef', baseUrl: null };
      },
      async getSession(sessionId) {
        log.events.push(`get ${sessionId}`);
        return script.first ?? state('pending');
      },
      async waitForSession(sessionId, options = {}) {
        log.events.push(`wait ${sessionId}`);
        log.waits.push(options);
        return script.final ? script.final() : state('completed');
      },
    },
  };
}

function fakeWindow(): { open: (url: string) => HostedWindowHandle; opened: string[]; closes: () => number } {
  const opened: string[] = [];
  let closes = 0;
  return {
    opened,
    closes: () => closes,
    open: (url) => {
      opened.push(url);
      let resolveClosed: () => void = () => undefined;
      const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
      return {
        closed,
        close: () => {
          closes += 1;
          resolveClosed();
        },
      };
    },
  };
}

describe('faceverify provider', () => {
  it('creates a session for the record, saves it, opens the window, waits and decides', async () => {
    const { client, log } = fakeClient();
    const win = fakeWindow();
    const provider = createFaceverifyProvider({ client, display: 'window', openHostedWindow: win.open });
    const rec = recordingContext(IMAGES, { recordId: 'REC0001' });
    const result = await provider.verify(rec.ctx);

    expect(provider.name).toBe('faceverify');
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified', ocr: {} } });
    expect(log.events).toEqual(['create REC0001 ID', 'get sess-1', 'wait sess-1']);
    expect(rec.saves).toHaveLength(1);
    expect(rec.saves[0]?.[0]).toBe('session');
    expect(rec.saves[0]?.[1]).toMatchObject({ sessionId: 'sess-1', url: URL_, token: 'tok-abcdef' });
    expect(win.opened).toEqual([URL_]);
    expect(win.closes()).toBe(1);
    expect(rec.actions).toEqual([{ kind: 'hosted_session', url: null, qrDataUrl: null }, null]);
    expect(rec.progress.at(-1)).toEqual(['done', 1]);
    expect(rec.progress.map(([step]) => step)).toContain('waiting_for_customer');
  });

  it("display 'window' without an opener hands the link to the page", async () => {
    const { client } = fakeClient();
    const rec = recordingContext(IMAGES);
    await createFaceverifyProvider({ client, display: 'window' }).verify(rec.ctx);
    expect(rec.actions).toEqual([{ kind: 'hosted_session', url: URL_, qrDataUrl: null }, null]);
  });

  it("display 'qr' hands over a PNG QR code and no link, even with an opener", async () => {
    const { client } = fakeClient();
    const win = fakeWindow();
    const rec = recordingContext(IMAGES);
    await createFaceverifyProvider({ client, display: 'qr', openHostedWindow: win.open }).verify(rec.ctx);
    const [action] = rec.actions;
    expect(action?.url).toBeNull();
    expect(action?.qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(win.opened).toEqual([]);
    expect(rec.actions.at(-1)).toBeNull();
  });

  it('resumes a saved session without creating another', async () => {
    const { client, log } = fakeClient();
    const rec = recordingContext(IMAGES, { saved: { session: SAVED } });
    const result = await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(result.kind).toBe('decided');
    expect(log.events).toEqual(['get sess-1', 'wait sess-1']);
    expect(rec.saves).toEqual([]);
  });

  it('a resumed session that already ended is decided without showing anything', async () => {
    const { client, log } = fakeClient({ first: state('completed', false) });
    const win = fakeWindow();
    const rec = recordingContext(IMAGES, { saved: { session: SAVED } });
    const result = await createFaceverifyProvider({ client, openHostedWindow: win.open }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'not_verified', live: false } });
    expect(log.events).toEqual(['get sess-1']);
    expect(win.opened).toEqual([]);
    expect(rec.actions).toEqual([]);
  });

  it('an unreadable saved step is ignored: the session is requested again', async () => {
    const { client, log } = fakeClient();
    const rec = recordingContext(IMAGES, { saved: { session: { sessionId: 'x' } } });
    await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(log.events[0]).toMatch(/^create /);
  });

  it('an expired session fails provider_rejected and is forgotten', async () => {
    const { client } = fakeClient({ final: async () => state('expired') });
    const rec = recordingContext(IMAGES);
    const result = await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    expect(rec.forgotten).toEqual(['session']);
    expect(rec.saved).toEqual({});
    expect(rec.actions.at(-1)).toBeNull();
  });

  it('an unknown session (404) fails provider_rejected and is forgotten', async () => {
    const { client } = fakeClient({
      final: async () => {
        throw new FaceverifyRejection('faceverify refused the session status', null, true);
      },
    });
    const rec = recordingContext(IMAGES, { saved: { session: SAVED } });
    const result = await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    expect(rec.forgotten).toEqual(['session']);
  });

  it('the deadline is thrown on (the record is retried), the session kept, the window closed', async () => {
    const { client } = fakeClient({
      final: async () => {
        throw new ProviderError('provider_unavailable', 'not yet');
      },
    });
    const win = fakeWindow();
    const rec = recordingContext(IMAGES);
    await expect(
      createFaceverifyProvider({ client, openHostedWindow: win.open }).verify(rec.ctx),
    ).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(rec.saved.session).toMatchObject({ sessionId: 'sess-1' });
    expect(rec.forgotten).toEqual([]);
    expect(win.closes()).toBe(1);
    expect(rec.actions.at(-1)).toBeNull();
  });

  it('keeps waiting when the person closes the window before the result', async () => {
    let finish: (s: SessionState) => void = () => undefined;
    const { client } = fakeClient({ final: () => new Promise((resolve) => (finish = resolve)) });
    const handles: Array<{ close(): void }> = [];
    const win = fakeWindow();
    const open = (url: string) => {
      const handle = win.open(url);
      handles.push(handle);
      return handle;
    };
    const rec = recordingContext(IMAGES);
    const running = createFaceverifyProvider({ client, openHostedWindow: open }).verify(rec.ctx);
    await new Promise((r) => setTimeout(r, 10));
    handles[0]?.close(); // the person closes it
    await new Promise((r) => setTimeout(r, 10));
    finish(state('completed'));
    await expect(running).resolves.toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    expect(rec.actions.at(-1)).toBeNull();
  });

  it('passes country, poll settings and progress to the client', async () => {
    const { client, log } = fakeClient();
    const rec = recordingContext(IMAGES, { recordId: 'REC0002' });
    await createFaceverifyProvider({ client, country: 'SG', poll: { deadlineMs: 1234 } }).verify(rec.ctx);
    expect(log.events[0]).toBe('create REC0002 SG');
    expect(log.waits[0]?.poll).toEqual({ deadlineMs: 1234 });
  });

  it('an awaitResult hook replaces the polling wait', async () => {
    const { client, log } = fakeClient();
    const rec = recordingContext(IMAGES);
    const result = await createFaceverifyProvider({
      client,
      awaitResult: async (session) => ({ ...state('failed', false), sessionId: session.sessionId }),
    }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'not_verified' } });
    expect(log.events).toEqual(['create LOKETTEST0001 ID', 'get sess-1']);
  });

  it('a refused session request fails provider_rejected; credentials are thrown on', async () => {
    const refusing = fakeClient({
      create: async () => {
        throw new FaceverifyRejection('faceverify refused the session request (bad country).');
      },
    });
    const rec = recordingContext(IMAGES);
    expect(await createFaceverifyProvider({ client: refusing.client }).verify(rec.ctx)).toMatchObject({
      kind: 'failed',
      code: 'provider_rejected',
    });
    expect(rec.actions).toEqual([]);

    const auth = fakeClient({
      create: async () => {
        throw new ProviderError('provider_auth', 'bad keys');
      },
    });
    await expect(
      createFaceverifyProvider({ client: auth.client }).verify(recordingContext(IMAGES).ctx),
    ).rejects.toMatchObject({ code: 'provider_auth' });
  });

  it('an opener that refuses the link fails the record provider_rejected', async () => {
    const { client } = fakeClient();
    const rec = recordingContext(IMAGES);
    const result = await createFaceverifyProvider({
      client,
      openHostedWindow: () => {
        throw new Error('The provider gave a session link Loket will not open.');
      },
    }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    expect(rec.actions).toEqual([]);
  });

  it('an abort ends the run with the abort reason and clears the action', async () => {
    const controller = new AbortController();
    const { client } = fakeClient({
      final: () =>
        new Promise((_resolve, reject) => {
          controller.signal.addEventListener('abort', () => reject(new Error('stopped')));
        }),
    });
    const win = fakeWindow();
    const rec = recordingContext(IMAGES, { signal: controller.signal });
    const running = createFaceverifyProvider({ client, openHostedWindow: win.open }).verify(rec.ctx);
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('shutting down'));
    await expect(running).rejects.toThrow('shutting down');
    expect(win.closes()).toBe(1);
    expect(rec.actions.at(-1)).toBeNull();
  });
});
