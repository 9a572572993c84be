// The one entry point behind both transports (Electron IPC and the loopback host): look the channel up in
// the contract, validate the request as `unknown`, run the handler, validate what it answers, and wrap
// everything in an envelope. Nothing thrown escapes; nothing unvalidated reaches a handler.
import type { z } from 'zod';
import { channels, verbOfChannel, type ResponseOf, type Verb } from '../../common/contract';
import { fail, ok, type Envelope } from '../../common/errors';
import { createLogger } from '../lib/log';
import { toBridgeError } from './failure';

export type Handlers = {
  [V in Verb]: (request: z.output<(typeof channels)[V]['request']>) => Promise<ResponseOf<V>>;
};

const log = createLogger('bridge');

/** Zod issues name the path and the rule, never the offending value: safe to return. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`)
    .join('; ');
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<Envelope<unknown>> {
  const verb = verbOfChannel(channel);
  if (!verb) return fail('unknown_channel', `No channel named "${channel.slice(0, 64)}".`);
  return run(handlers, verb, raw);
}

async function run<V extends Verb>(handlers: Handlers, verb: V, raw: unknown): Promise<Envelope<unknown>> {
  const spec = channels[verb];
  const parsed = spec.request.safeParse(raw ?? {});
  if (!parsed.success) return fail('invalid_request', describeIssues(parsed.error.issues));
  try {
    const handler = handlers[verb] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      log.error('handler answered outside the contract', { channel: spec.channel });
      return fail('internal', 'The kiosk produced an answer it could not deliver.');
    }
    return ok(checked.data);
  } catch (error) {
    const bridgeError = toBridgeError(error);
    const level = bridgeError.code === 'internal' ? 'error' : 'info';
    log[level]('request failed', {
      channel: spec.channel,
      code: bridgeError.code,
      detail: bridgeError.message,
    });
    return { ok: false, error: bridgeError };
  }
}
