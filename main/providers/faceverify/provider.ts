/*
 * faceverify.ai as a VerificationProvider: create (or get) the hosted session → show it to the customer →
 * wait for the result → decide. The session is saved the moment faceverify answers, so a resumed run waits on
 * the same session (and shows it again) instead of starting another; the Token stays in the saved step only.
 *
 * What the documents do not say, and what Loket does about it (every item is a setting):
 *
 * Result retrieval [UNCONFIRMED]. The one public page documents POST /api/v1/session and nothing else: no
 *   status endpoint, no webhook, no status words. Default: poll `GET {baseUrl}/api/v1/session/{sessionId}`
 *   (client option `statusPath`), signed exactly like the POST with an empty body and the same Content-Type,
 *   with the waiter's jittered backoff (2–5 s) and a deadline (default 10 min: a person is doing a face check;
 *   option `poll`). Assumed answer:
 *     {success:true, data:{sessionId, status:'pending'|'completed'|'failed'|'expired',
 *                          result?:{liveness:number, live:boolean, similarity?:number|null, match?:boolean|null,
 *                                   message:string}}}
 *   An unknown status word counts as pending. A different mechanism (a webhook relay, another endpoint) plugs
 *   in through `awaitResult`, which replaces the polling wait.
 * Decision. completed → verified if live and (match ?? true), else not_verified; failed → not_verified with the
 *   provider's message; expired → failed 'provider_rejected' and the saved session is forgotten; a 404/410 on
 *   the status endpoint (session unknown) → the same. The deadline passing → ProviderError
 *   'provider_unavailable': the record is retried later and polls the same session again.
 * The window. When the person closes the hosted window before the result, Loket keeps polling until the
 *   deadline (the flow may have finished just before). Whatever happens, the window is closed and the
 *   customer action cleared (requestAction(null)) when the run ends.
 * 400 bodies [UNCONFIRMED]. Any 400 is a permanent refusal (failed 'provider_rejected') except the credential
 *   cases (missing/unknown client, missing/bad signature; recognised by `code` or `message`, client option
 *   `authRejections`) → ProviderError 'provider_auth'. 401/403 are credentials too. 5xx, 429, network failures
 *   and time-outs are retried (bounded), then ProviderError 'provider_unavailable'.
 * Idempotency. The page describes the endpoint as "create new sessions or get existing session link"; Loket
 *   sends the record id as `uniqueIdentifier`, so a run whose 'session' step was not saved (crash between
 *   the answer and the save) safely POSTs again and gets the same session.
 * `returnUrl` [UNCONFIRMED] is sent only when configured.
 */
import { abortReason, systemClock, type Clock } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { describeError, registerSecret } from '../../lib/redact';
import type { ProviderResult, StepContext, VerificationProvider } from '../provider';
import { mapFailure as mapSharedFailure, stopIfAborted } from '../shared/failures';
import {
  createFaceverifyClient,
  type FaceverifyClient,
  type FaceverifyClientOptions,
  type PollSettings,
} from './client';
import { present, type DisplayMode, type HostedWindowOpener, type Presentation } from './display';
import { FaceverifyRejection } from './errors';
import { decide } from './outcome';
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
  /** Overrides the client's status polling for the wait; default 2–5 s, 10 min deadline. */
  poll?: Partial<PollSettings>;
  /** [UNCONFIRMED] the status endpoint, used when the client is created from options. */
  statusPath?: string;
  /** [UNCONFIRMED] sent as `returnUrl` when set. */
  returnUrl?: string;
  /** Replaces the default polling wait (see the comment at the top). */
  awaitResult?: AwaitResult;
  clock?: Clock;
}

export const FACEVERIFY_PROVIDER_DEFAULTS = { display: 'window', country: 'ID' } as const;

const log = createLogger('faceverify');

export function createFaceverifyProvider(deps: FaceverifyProviderDeps): VerificationProvider {
  const client =
    'createSession' in deps.client
      ? deps.client
      : createFaceverifyClient({
          ...deps.client,
          ...(deps.statusPath ? { statusPath: deps.statusPath } : {}),
        });
  const display = deps.display ?? FACEVERIFY_PROVIDER_DEFAULTS.display;
  const country = deps.country ?? FACEVERIFY_PROVIDER_DEFAULTS.country;
  const clock = deps.clock ?? systemClock;

  /** The saved session, or a new one (the same one, if faceverify already has it for this record). */
  const sessionFor = async (ctx: StepContext): Promise<SavedSession> => {
    const saved = fromSaved(ctx.saved[SESSION_STEP]);
    if (saved) {
      registerSecret(saved.token);
      log.info('resuming a saved session', { recordId: ctx.recordId, sessionId: saved.sessionId });
      return saved;
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
    return session;
  };

  const wait = (ctx: StepContext, session: SavedSession): Promise<SessionState> => {
    // Creeps towards 0.9 while the person works, so the screen shows life without claiming to know the end.
    const onPoll = (attempt: number) =>
      ctx.progress('waiting_for_customer', 0.2 + 0.7 * (1 - 0.9 ** attempt));
    if (deps.awaitResult) return deps.awaitResult(session, { signal: ctx.signal, onPoll });
    return client.waitForSession(session.sessionId, { signal: ctx.signal, poll: deps.poll, onPoll });
  };

  const run = async (ctx: StepContext): Promise<ProviderResult> => {
    const session = await sessionFor(ctx);
    stopIfAborted(ctx);
    // A resumed session may have ended while nobody was looking: no window for a finished check.
    const first = await client.getSession(session.sessionId, ctx.signal);
    if (first.status !== 'pending') return finish(ctx, first);

    let shown: Presentation;
    try {
      shown = await present(session.url, display, deps.openHostedWindow);
    } catch (error) {
      // The opener refuses links its policy does not accept; another try would be refused the same way.
      throw new FaceverifyRejection(`The faceverify session could not be shown: ${describeError(error)}`);
    }
    let windowOpen = shown.window !== null;
    void shown.window?.closed.then(() => {
      if (windowOpen) log.info('the hosted window was closed; still waiting', { recordId: ctx.recordId });
      windowOpen = false;
    });
    try {
      ctx.requestAction(shown.action);
      ctx.progress('waiting_for_customer', 0.2);
      const final = await wait(ctx, session);
      ctx.progress('processing', 0.95);
      return finish(ctx, final);
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
