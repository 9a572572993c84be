// The one entry point behind both transports (Electron IPC and the loopback host): look the channel up in
// the contract, validate the request as `unknown`, run the handler, validate what it answers, and wrap
// everything in an envelope. Nothing thrown escapes; nothing unvalidated reaches a handler.
import type { z } from 'zod';
import { channels, verbOfChannel, type ResponseOf, type Verb } from '../../common/contract';
import { fail, ok, type Envelope } from '../../common/errors';
import { createLogger } from '../lib/log';
import { redact } from '../lib/redact';
import { toBridgeError } from './failure';

export type Handlers = {
  [V in Verb]: (request: z.output<(typeof channels)[V]['request']>) => Promise<ResponseOf<V>>;
};

const log = createLogger('bridge');

/**
 * What was wrong with a request, in words that echo nothing the caller sent: the path through the schema
 * (our own field names) and the rule. An unexpected field is counted, never named, since its name is the
 * caller's text (it could be someone's NIK).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part)));
      const message =
        issue.code === 'unrecognized_keys'
          ? `${issue.keys.length} unexpected field${issue.keys.length === 1 ? '' : 's'}`
          : issue.message;
      return redact(`${where.join('.') || '(request)'}: ${message}`);
    })
    .join('; ');
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<Envelope<unknown>> {
  const verb = verbOfChannel(channel);
  // The name is the caller's text: it is not echoed, in the answer or in a log.
  if (!verb) return fail('unknown_channel', 'There is no such bridge channel.');
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
