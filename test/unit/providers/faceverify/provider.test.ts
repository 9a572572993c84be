// The provider's step logic with a fake client: what is created, saved, shown, resumed, closed and returned.
import { describe, expect, it } from 'vitest';
import type {
  FaceverifyClient,
  StatusRead,
  WaitSessionOptions,
} from '../../../../main/providers/faceverify/client';
import type { HostedWindowHandle } from '../../../../main/providers/faceverify/display';
import { FaceverifyRejection } from '../../../../main/providers/faceverify/errors';
import { createFaceverifyProvider } from '../../../../main/providers/faceverify/provider';
import type { SessionState } from '../../../../main/providers/faceverify/session';
import { ProviderError } from '../../../../main/providers/provider';
import { FakeClock } from '../../../support/clocks';
import { recordingContext, type RecordingContext } from '../../../support/step-context';

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

const NO_ENDPOINT: StatusRead = { kind: 'no_endpoint', httpStatus: 404 };
const read = (s: SessionState): StatusRead => ({ kind: 'state', state: s });

function fakeClient(
  script: {
    first?: StatusRead;
    final?: () => Promise<StatusRead>;
    create?: () => Promise<void>;
    statusConfigured?: boolean;
    /** The context whose customer actions are counted when a status is asked for. */
    rec?: () => RecordingContext;
  } = {},
): { client: FaceverifyClient; log: FakeLog } {
  const log: FakeLog = { events: [], waits: [] };
  const shown = () => (script.rec ? ` (after ${script.rec().actions.length} actions)` : '');
  return {
    log,
    client: {
      statusConfigured: script.statusConfigured ?? true,
      async createSession(request) {
        log.events.push(`create ${request.uniqueIdentifier} ${request.country}`);
        await script.create?.();
        return { sessionId: 'sess-1', url: URL_, token: 'tok-abcdef', baseUrl: null };
      },
      async readStatus(sessionId) {
        log.events.push(`get ${sessionId}${shown()}`);
        return script.first ?? read(state('pending'));
      },
      async waitForSession(sessionId, options = {}) {
        log.events.push(`wait ${sessionId}${shown()}`);
        log.waits.push(options);
        return script.final ? script.final() : read(state('completed'));
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
    expect(log.events).toEqual(['create REC0001 ID', 'wait sess-1']);
    // Saved when faceverify answered, and again (with the time) once it was shown.
    expect(rec.saves.map(([step]) => step)).toEqual(['session', 'session']);
    expect(rec.saves[0]?.[1]).toMatchObject({ sessionId: 'sess-1', url: URL_, token: 'tok-abcdef' });
    expect(rec.saves[1]?.[1]).toMatchObject({ sessionId: 'sess-1', shownAt: expect.any(String) as unknown });
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

  it('shows a new session before asking faceverify anything it does not document', async () => {
    const rec = recordingContext(IMAGES, { recordId: 'REC0003' });
    const { client, log } = fakeClient({ rec: () => rec });
    await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(log.events).toEqual(['create REC0003 ID', 'wait sess-1 (after 1 actions)']);
  });

  it('resumes a saved session without creating another', async () => {
    const { client, log } = fakeClient();
    const rec = recordingContext(IMAGES, { saved: { session: { ...SAVED, shownAt: SAVED.createdAt } } });
    const result = await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(result.kind).toBe('decided');
    expect(log.events).toEqual(['get sess-1', 'wait sess-1']);
    expect(rec.saves).toEqual([]);
  });

  it('a resumed session that already ended is decided without showing anything', async () => {
    const { client, log } = fakeClient({ first: read(state('completed', false)) });
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
    const { client } = fakeClient({ final: async () => read(state('expired')) });
    const rec = recordingContext(IMAGES);
    const result = await createFaceverifyProvider({ client }).verify(rec.ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    expect(rec.forgotten).toEqual(['session']);
    expect(rec.saved).toEqual({});
    expect(rec.actions.at(-1)).toBeNull();
  });

  it('a session gone for good (410) fails provider_rejected and is forgotten', async () => {
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
    let finish: (s: StatusRead) => void = () => undefined;
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
    finish(read(state('completed')));
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
    expect(log.events).toEqual(['create LOKETTEST0001 ID']);
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

  describe('when no status can be read (statusPath null, or the endpoint answers 404)', () => {
    it('keeps the flow on screen until the person closes the window: needs_review, nothing failed', async () => {
      const { client } = fakeClient({ final: async () => NO_ENDPOINT });
      const handles: HostedWindowHandle[] = [];
      const win = fakeWindow();
      const rec = recordingContext(IMAGES, { recordId: 'REC404' });
      const running = createFaceverifyProvider({
        client,
        openHostedWindow: (url) => {
          const handle = win.open(url);
          handles.push(handle);
          return handle;
        },
      }).verify(rec.ctx);
      await new Promise((r) => setTimeout(r, 20));
      expect(rec.actions).toHaveLength(1); // still on screen
      handles[0]?.close();
      const result = await running;
      expect(result).toMatchObject({
        kind: 'decided',
        outcome: {
          decision: 'needs_review',
          liveness: null,
          live: null,
          similarity: null,
          match: null,
          providerMessage: expect.stringMatching(
            /cannot read its result.*faceverify\.statusPath.*sess-1/,
          ) as string,
        },
        raw: { sessionId: 'sess-1', status: 'unreadable', reason: 'closed' },
      });
      expect(rec.forgotten).toEqual([]);
      expect(rec.actions.at(-1)).toBeNull();
    });

    it('at the deadline the record goes back to the queue; the next attempt goes to review without showing it', async () => {
      const clock = new FakeClock();
      const { client, log } = fakeClient({ statusConfigured: false });
      const win = fakeWindow();
      const first = recordingContext(IMAGES, { recordId: 'RECNULL' });
      await expect(
        createFaceverifyProvider({
          client,
          openHostedWindow: win.open,
          clock,
          poll: { deadlineMs: 60_000 },
        }).verify(first.ctx),
      ).rejects.toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
      expect(clock.sleeps).toEqual([60_000]);
      expect(log.events).toEqual(['create RECNULL ID']); // nothing polled
      expect(win.closes()).toBe(1);
      expect(first.saved.session).toMatchObject({ shownAt: expect.any(String) as unknown });

      const second = recordingContext(IMAGES, { recordId: 'RECNULL', saved: first.saved });
      const result = await createFaceverifyProvider({ client, openHostedWindow: win.open, clock }).verify(
        second.ctx,
      );
      expect(result).toMatchObject({
        kind: 'decided',
        outcome: { decision: 'needs_review' },
        raw: { reason: 'shown_before' },
      });
      expect(win.opened).toHaveLength(1);
      expect(second.actions).toEqual([]);
    });

    it('a resumed session whose status endpoint answers 404 is shown again only if it never was', async () => {
      const { client, log } = fakeClient({ first: NO_ENDPOINT });
      const win = fakeWindow();
      const clock = new FakeClock();
      const rec = recordingContext(IMAGES, { saved: { session: SAVED } });
      await expect(
        createFaceverifyProvider({ client, openHostedWindow: win.open, clock }).verify(rec.ctx),
      ).rejects.toMatchObject({ code: 'provider_unavailable' });
      // One look (404), then no more requests: the flow waited on screen to the deadline.
      expect(log.events).toEqual(['get sess-1']);
      expect(win.opened).toEqual([URL_]);
    });

    it('an abort during that wait ends the run at once', async () => {
      const controller = new AbortController();
      const { client } = fakeClient({ statusConfigured: false });
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
});
