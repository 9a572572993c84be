/*
 * faceverify.ai as a VerificationProvider: create (or get) the hosted session → show it to the customer at
 * once → wait for the result → decide. The session is saved the moment faceverify answers, so a resumed run
 * waits on the same session instead of starting another; the Token stays in the saved step only.
 *
 * What the documents do not say, and what Loket does about it (every item is a setting):
 *
 * Result retrieval [UNCONFIRMED]. The one public page documents POST /api/v1/session and nothing else: no
 *   status endpoint, no webhook, no status words. So the customer is shown the hosted flow right after the
 *   session is created, before anything undocumented is asked. Then, by default, Loket polls
 *   `GET {baseUrl}/api/v1/session/{sessionId}` (setting `faceverify.statusPath`; null turns polling off),
 *   signed exactly like the POST with an empty body and the same Content-Type, on the waiter's schedule (2 s,
 *   growing to 5 s) until a deadline (default 10 min: a person is doing a face check). Assumed answer:
 *     {success:true, data:{sessionId, status:'pending'|'completed'|'failed'|'expired',
 *                          result?:{liveness:number, live:boolean, similarity?:number|null, match?:boolean|null,
 *                                   message:string}}}
 *   An unknown status word counts as pending. A different mechanism (a webhook relay, another endpoint) plugs
 *   in through `awaitResult`, which replaces the polling wait.
 * No status endpoint. When statusPath is null, or the endpoint answers 404, 405 or 501 (this service has no
 *   such endpoint — not "the session is gone"), Loket cannot learn the result and does not pretend to: the
 *   hosted flow stays on screen, one warning names the setting, and the record is never failed for it.
 *     - the person closes the hosted window (Electron) → decided needs_review, with a message telling staff
 *       to check the session in faceverify's dashboard;
 *     - the deadline passes → ProviderError 'provider_unavailable': the record goes back to the queue like any
 *       interruption, and its next attempt — the customer has gone, the flow was shown — decides needs_review
 *       without showing the flow to whoever is at the kiosk then.
 *   A bank would rather have a person look at faceverify's dashboard than a record verified on a guess, or
 *   one that waits in the queue for ever.
 * Decision. completed → verified if live and (match ?? true), else not_verified; failed → not_verified with the
 *   provider's message; expired (or 410) → failed 'provider_rejected' and the saved session is forgotten. The
 *   deadline passing → ProviderError 'provider_unavailable': the record is retried later against the same
 *   session.
 * The window. When the person closes the hosted window before a readable result, Loket keeps polling until
 *   the deadline (the flow may have finished just before). Whatever happens, the window is closed and the
 *   customer action cleared (requestAction(null)) when the run ends.
 * 400 bodies [UNCONFIRMED]. Any 400 is a permanent refusal (failed 'provider_rejected') except the credential
 *   cases (missing/unknown client, missing/bad signature; recognised by `code` or `message`, client option
 *   `authRejections`) → ProviderError 'provider_auth'. 401/403 are credentials too. 5xx, 429, network failures
 *   and time-outs are retried (bounded), then ProviderError 'provider_unavailable'.
 * Idempotency. The page describes the endpoint as "create new sessions or get existing session link"; Loket
 *   sends the record id as `uniqueIdentifier`, so a run whose 'session' step was not saved (crash between
 *   the answer and the save) safely POSTs again and gets the same session.
 * `returnUrl` [UNCONFIRMED] is sent only when configured (`faceverify.returnUrl`): the documented body has
 *   only `country` and `uniqueIdentifier`.
 */
import { abortReason, systemClock, type Clock } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { describeError, registerSecret } from '../../lib/redact';
import { ProviderError, type ProviderResult, type StepContext, type VerificationProvider } from '../provider';
import { mapFailure as mapSharedFailure, stopIfAborted } from '../shared/failures';
import {
  createFaceverifyClient,
  FACEVERIFY_DEFAULTS,
  type FaceverifyClient,
  type FaceverifyClientOptions,
  type PollSettings,
  type StatusRead,
} from './client';
import { present, type DisplayMode, type HostedWindowOpener, type Presentation } from './display';
import { FaceverifyRejection } from './errors';
import { decide, unreadable } from './outcome';
import type { SessionState } from './session';
import { fromSaved, SESSION_STEP, toSaved, type SavedSession } from './steps';

/** A replacement for the polling wait (e.g. a webhook relay); must resolve with a final state. */
export type AwaitResult = (
  session: SavedSession,
  options: { signal: AbortSignal; onPoll: (attempt: number, state: SessionState) => void },
) => Promise<SessionState>;

export interface FaceverifyProviderDeps {
  /** A client, or the options to create one. */
  client: FaceverifyClient | FaceverifyClientOptions;
  /** Default 'window'. */
  display?: DisplayMode;
  /** Main opens the hosted page in a window of its own (Electron); absent in the browser host. */
  openHostedWindow?: HostedWindowOpener;
  /** Sent as `country`; default 'ID'. */
  country?: string;
  /** Overrides the client's status polling for the wait; its deadline is also the customer's time. */
  poll?: Partial<PollSettings>;
  /** [UNCONFIRMED] the status endpoint (null: none), used when the client is created from options. */
  statusPath?: string | null;
  /** [UNCONFIRMED] sent as `returnUrl` when set. */
  returnUrl?: string;
  /** Replaces the default polling wait (see the comment at the top). */
  awaitResult?: AwaitResult;
  clock?: Clock;
}

export const FACEVERIFY_PROVIDER_DEFAULTS = { display: 'window', country: 'ID' } as const;

const log = createLogger('faceverify');

export function createFaceverifyProvider(deps: FaceverifyProviderDeps): VerificationProvider {
  const fromOptions = 'createSession' in deps.client ? null : deps.client;
  const client =
    'createSession' in deps.client
      ? deps.client
      : createFaceverifyClient({
          ...deps.client,
          ...(deps.statusPath !== undefined ? { statusPath: deps.statusPath } : {}),
        });
  const display = deps.display ?? FACEVERIFY_PROVIDER_DEFAULTS.display;
  const country = deps.country ?? FACEVERIFY_PROVIDER_DEFAULTS.country;
  const clock = deps.clock ?? systemClock;
  const deadlineMs =
    deps.poll?.deadlineMs ?? fromOptions?.poll?.deadlineMs ?? FACEVERIFY_DEFAULTS.poll.deadlineMs;
  const canRead = deps.awaitResult !== undefined || client.statusConfigured;

  /** The saved session (resumed: true), or a new one (the same one, if faceverify already has it). */
  const sessionFor = async (ctx: StepContext): Promise<{ session: SavedSession; resumed: boolean }> => {
    const saved = fromSaved(ctx.saved[SESSION_STEP]);
    if (saved) {
      registerSecret(saved.token);
      log.info('resuming a saved session', { recordId: ctx.recordId, sessionId: saved.sessionId });
      return { session: saved, resumed: true };
    }
    if (ctx.saved[SESSION_STEP] !== undefined) {
      log.warn('ignoring an unreadable saved session', { recordId: ctx.recordId });
    }
    ctx.progress('submitting', 0.1);
    const created = await client.createSession({
      uniqueIdentifier: ctx.recordId,
      country,
      returnUrl: deps.returnUrl,
      signal: ctx.signal,
    });
    const session = toSaved(created, clock.now());
    ctx.save(SESSION_STEP, session);
    return { session, resumed: false };
  };

  const wait = (ctx: StepContext, session: SavedSession, remainingMs: number): Promise<StatusRead> => {
    // Creeps towards 0.9 while the person works, so the screen shows life without claiming to know the end.
    const onPoll = (attempt: number) =>
      ctx.progress('waiting_for_customer', 0.2 + 0.7 * (1 - 0.9 ** attempt));
    if (deps.awaitResult) {
      return deps
        .awaitResult(session, { signal: ctx.signal, onPoll })
        .then((state): StatusRead => ({ kind: 'state', state }));
    }
    return client.waitForSession(session.sessionId, {
      signal: ctx.signal,
      poll: { ...deps.poll, deadlineMs: remainingMs },
      onPoll,
    });
  };

  const run = async (ctx: StepContext): Promise<ProviderResult> => {
    const { session, resumed } = await sessionFor(ctx);
    stopIfAborted(ctx);
    let readable = canRead;
    if (resumed) {
      // A resumed session may have ended while nobody was looking: no window for a finished check.
      if (readable && !deps.awaitResult) {
        const read = await client.readStatus(session.sessionId, ctx.signal);
        if (read.kind === 'state' && read.state.status !== 'pending') return finish(ctx, read.state);
        readable = read.kind === 'state';
      }
      if (!readable && session.shownAt) return unreadable(session.sessionId, 'shown_before');
    }

    let shown: Presentation;
    try {
      shown = await present(session.url, display, deps.openHostedWindow);
    } catch (error) {
      // The opener refuses links its policy does not accept; another try would be refused the same way.
      throw new FaceverifyRejection(`The faceverify session could not be shown: ${describeError(error)}`);
    }
    if (!session.shownAt)
      ctx.save(SESSION_STEP, { ...session, shownAt: new Date(clock.now()).toISOString() });
    const deadlineAt = clock.now() + deadlineMs;
    let windowOpen = shown.window !== null;
    let closedByPerson = false;
    const closed = shown.window?.closed.then(() => {
      if (windowOpen) {
        closedByPerson = true;
        log.info('the hosted window was closed by the person', { recordId: ctx.recordId });
      }
      windowOpen = false;
    });
    try {
      ctx.requestAction(shown.action);
      ctx.progress('waiting_for_customer', 0.2);
      if (readable) {
        const read = await wait(ctx, session, deadlineMs);
        if (read.kind === 'state') {
          ctx.progress('processing', 0.95);
          return finish(ctx, read.state);
        }
      }
      // No status can be read: the flow stays on screen until the person closes it or the deadline passes.
      await untilClosedOrDeadline(clock, closed, deadlineAt, ctx.signal);
      if (closedByPerson) return unreadable(session.sessionId, 'closed');
      throw new ProviderError(
        'provider_unavailable',
        `The faceverify session ran for ${Math.round(deadlineMs / 1000)} s and Loket cannot read its result (faceverify.statusPath); the record goes back to the queue and then to review.`,
      );
    } finally {
      windowOpen = false;
      shown.window?.close();
      ctx.requestAction(null);
    }
  };

  return {
    name: 'faceverify',
    async verify(ctx) {
      try {
        const result = await run(ctx);
        ctx.progress('done', 1);
        return result;
      } catch (error) {
        if (ctx.signal.aborted) throw abortReason(ctx.signal);
        return mapFailure(error, ctx);
      }
    },
  };
}

/** Sleeps until the deadline, or less if the hosted window closes first (when there is one). */
async function untilClosedOrDeadline(
  clock: Clock,
  closed: Promise<void> | undefined,
  deadlineAt: number,
  signal: AbortSignal,
): Promise<void> {
  const remaining = deadlineAt - clock.now();
  if (remaining <= 0) return;
  const stop = new AbortController();
  const onAbort = () => stop.abort(abortReason(signal));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const sleeping = clock.sleep(remaining, stop.signal);
    // Once the window has closed, the sleep is ended below and rejects: that rejection is expected.
    sleeping.catch(() => undefined);
    await (closed ? Promise.race([sleeping, closed]) : sleeping);
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort(new Error('no longer waiting'));
  }
}

function finish(ctx: StepContext, state: SessionState): ProviderResult {
  if (state.status === 'expired') ctx.forget(SESSION_STEP);
  log.info('session ended', { recordId: ctx.recordId, sessionId: state.sessionId, status: state.status });
  return decide(state);
}

/** A session gone for good is forgotten, so the next run starts a new one; then as every provider does. */
function mapFailure(error: unknown, ctx: StepContext): ProviderResult {
  if (error instanceof FaceverifyRejection && error.sessionGone) ctx.forget(SESSION_STEP);
  return mapSharedFailure(error, ctx.recordId, {
    provider: 'faceverify',
    log,
    rejection: FaceverifyRejection,
  });
}
