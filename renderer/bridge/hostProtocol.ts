// The loopback host's wire protocol, as pure functions so it is unit-tested without a browser:
//   invoke  POST /bridge/<channel>  x-loket-key: <secret>  JSON body = request  → always an Envelope
//   events  ws://<host>/bridge/events?k=<secret>  messages {"event": <name>, "payload": {...}}
import type { z } from 'zod';
import type { ChannelName, EventVerb } from '../../common/contract';
import { EVENT_VERBS, events } from '../../common/contract';
import type { Envelope, ErrorCode } from '../../common/errors';
import { PhotoRejectionSchema } from '../../common/capture/precheck';
import { ERROR_CODES, fail } from '../../common/errors';

export const KEY_HEADER = 'x-loket-key';

export interface InvokeRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string; cache: 'no-store' };
}

export function buildInvokeRequest(
  origin: string,
  secret: string,
  channel: ChannelName,
  request: unknown,
): InvokeRequest {
  return {
    url: `${origin}/bridge/${channel}`,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [KEY_HEADER]: secret },
      body: JSON.stringify(request),
      cache: 'no-store',
    },
  };
}

export function buildEventsUrl(location: { protocol: string; host: string }, secret: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/bridge/events?k=${encodeURIComponent(secret)}`;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks a host answer as `unknown`: a success must match the channel's response schema, a failure must
 * carry a known code. Anything else becomes an `internal` envelope, so the UI only ever sees the contract.
 */
export function parseEnvelope<S extends z.ZodType>(
  schema: S,
  body: unknown,
  httpStatus: number,
): Envelope<z.output<S>> {
  if (isRecord(body) && body.ok === true) {
    const parsed = schema.safeParse(body.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return fail('internal', `The host's answer did not match the contract (HTTP ${httpStatus})`);
  }
  if (isRecord(body) && body.ok === false && isRecord(body.error)) {
    const { code, message, photo } = body.error;
    const text = typeof message === 'string' ? message : `HTTP ${httpStatus}`;
    if (!isErrorCode(code)) return fail('internal', `Unknown error code from the host: ${text}`);
    // photo_rejected says which photo to take again and why: kept only when it has the contract's shape.
    const rejection = code === 'photo_rejected' ? PhotoRejectionSchema.safeParse(photo) : null;
    return rejection?.success
      ? { ok: false, error: { code, message: text, photo: rejection.data } }
      : fail(code, text);
  }
  return fail('internal', `The host answered HTTP ${httpStatus} without an envelope`);
}

export interface EventMessage {
  verb: EventVerb;
  payload: unknown;
}

/** Parses one WebSocket message; the payload is validated later against the event's own schema. */
export function parseEventMessage(data: unknown): EventMessage | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  const verb = EVENT_VERBS.find((candidate) => events[candidate].event === message.event);
  return verb === undefined ? null : { verb, payload: message.payload };
}

/** Reconnect delay: exponential from 0.5 s to 10 s, with up to 25% jitter so kiosks do not stampede. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + 0.25 * random()));
}
