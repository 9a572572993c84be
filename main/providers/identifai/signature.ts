// The HMAC signature ("token" + "x-nodeflux-timestamp") from POST /public/auth/v1/signatures, memoized:
// concurrent callers share one request, a signature is reused until the UTC day of its timestamp ends (the
// date is part of the credential scope) or a configurable maximum age passes (the real lifetime is
// undocumented), and a 401 elsewhere forces one refresh.
import { z } from 'zod';
import { abortReason, type Clock } from '../../lib/clock';
import { registerCredential, registerSecret } from '../../lib/redact';
import { ProviderError } from '../provider';
import { classify } from './errors';
import { parseTimestamp, TIMESTAMP_HEADER } from './header';
import type { Send } from './transport';

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export interface Signature {
  timestamp: string;
  token: string;
}

export interface SignatureProvider {
  /** A current signature, fetched only when there is none or it has aged out. */
  get(signal?: AbortSignal): Promise<Signature>;
  /** After a 401 with `stale`: a new one, unless another caller already replaced it. */
  refresh(stale: Signature, signal?: AbortSignal): Promise<Signature>;
}

export interface SignatureProviderOptions {
  send: Send;
  credentials: Credentials;
  clock: Clock;
  /** Upper bound on reuse; default one hour. */
  maxAgeMs?: number;
  /** Refresh this long before the UTC day of the timestamp ends; default five minutes. */
  refreshMarginMs?: number;
}

export const SIGNATURE_PATH = '/public/auth/v1/signatures';
const DAY_MS = 24 * 60 * 60 * 1000;

const SignatureAnswer = z.object({
  token: z.string().min(1),
  headers: z.object({ [TIMESTAMP_HEADER]: z.string() }),
});

interface Held {
  signature: Signature;
  /** By our clock: lifetimes are measured from when we received it, so a skewed kiosk clock cannot loop. */
  expiresAt: number;
}

export function createSignatureProvider(options: SignatureProviderOptions): SignatureProvider {
  const { send, credentials, clock } = options;
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  const marginMs = options.refreshMarginMs ?? 5 * 60 * 1000;
  registerCredential(credentials.accessKey);
  registerCredential(credentials.secretKey);

  let held: Held | undefined;
  let inflight: Promise<Signature> | undefined;

  const lifetime = (timestamp: string): number => {
    const issued = parseTimestamp(timestamp);
    const untilMidnight = Math.floor(issued / DAY_MS) * DAY_MS + DAY_MS - issued;
    const wanted = Math.min(maxAgeMs, untilMidnight - marginMs);
    // Issued within the margin of midnight: use it until midnight rather than fetching on every call.
    return wanted > 0 ? wanted : untilMidnight;
  };

  const fetchOne = async (): Promise<Signature> => {
    let answer;
    try {
      // No caller signal: the request is shared, and one caller giving up must not fail the others.
      answer = await send('POST', SIGNATURE_PATH, {
        body: { access_key: credentials.accessKey, secret_key: credentials.secretKey },
      });
    } catch (error) {
      throw classify(error, 'the signature (check the access key and secret key)');
    }
    const parsed = SignatureAnswer.safeParse(answer.body);
    if (!parsed.success) {
      throw new ProviderError(
        'provider_unavailable',
        'IdentifAI answered the signature request without a token.',
      );
    }
    const signature = { token: parsed.data.token, timestamp: parsed.data.headers[TIMESTAMP_HEADER] };
    registerSecret(signature.token);
    let life: number;
    try {
      life = lifetime(signature.timestamp);
    } catch {
      throw new ProviderError(
        'provider_unavailable',
        'IdentifAI answered the signature request with a malformed timestamp.',
      );
    }
    held = { signature, expiresAt: clock.now() + life };
    return signature;
  };

  const load = (): Promise<Signature> => {
    if (!inflight) {
      const promise = fetchOne().finally(() => {
        if (inflight === promise) inflight = undefined;
      });
      inflight = promise;
    }
    return inflight;
  };

  return {
    get(signal) {
      if (held && clock.now() < held.expiresAt) return Promise.resolve(held.signature);
      return raceAbort(load(), signal);
    },
    refresh(stale, signal) {
      if (!inflight && held && held.signature.token !== stale.token && clock.now() < held.expiresAt) {
        return Promise.resolve(held.signature);
      }
      if (held?.signature.token === stale.token) held = undefined;
      return raceAbort(load(), signal);
    },
  };
}

/** Lets one caller stop waiting on a shared promise without cancelling it for the others. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
