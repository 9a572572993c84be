// Property: whatever shape a secret takes, and wherever it is put (the message, a field, a nested value, a
// field's name, an error, its cause, a JSON string, a URL, a Map), no log line and no bridge error carries
// it. 10,000 generated log lines and errors in all.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/bridge/dispatch';
import { BridgeFailure, toBridgeError } from '../../../main/bridge/failure';
import { configureLogging, createLogger } from '../../../main/lib/log';
import { describeError, forgetSecrets, registerCredential, registerSecret } from '../../../main/lib/redact';
import { failingHandlers } from '../bridge/handlers';

/** A secret as it would be written, and the part of it that must never appear. */
interface Secret {
  text: string;
  core: string;
  /** NIKs are compared digits-only, so grouping cannot hide a leak. */
  digitsOnly?: boolean;
}

const alnum = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnpqrstuvwxyz0123456789'),
    minLength: min,
    maxLength: max,
  });
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const b64url = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
    minLength: min,
    maxLength: max,
  });
const randomCase = (value: string) =>
  fc
    .array(fc.boolean(), { minLength: value.length, maxLength: value.length })
    .map((upper) => [...value].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

const credential = alnum(16, 40).map((value): Secret => {
  registerCredential(value);
  return { text: value, core: value };
});
const sessionToken = alnum(20, 48).map((value): Secret => {
  registerSecret(value);
  return { text: value, core: value };
});
const jwt = fc
  .tuple(b64url(8, 40), b64url(8, 60), b64url(16, 43))
  .map(([h, p, s]): Secret => ({ text: `eyJ${h}.${p}.${s}`, core: `${h}.${p}` }));
const bearer = fc
  .tuple(fc.constantFrom('Bearer', 'bearer', 'BEARER'), alnum(12, 40))
  .map(([scheme, token]): Secret => ({ text: `${scheme} ${token}`, core: token }));
const signature = fc
  .tuple(hex(64), fc.boolean())
  .map(([value, upper]): Secret => ({ text: upper ? value.toUpperCase() : value, core: value.slice(8, 56) }))
  .map((s) => ({ ...s, core: s.text.slice(8, 56) }));
const apiKeyHeader = fc
  .tuple(
    fc.constantFrom('x-api-key', 'X-API-Key', 'X-Api-Key'),
    fc.constantFrom(': ', '=', '":"', ':'),
    alnum(12, 40),
  )
  .map(([name, sep, value]): Secret => ({ text: `${name}${sep}${value}`, core: value }));
const hmacHeader = fc
  .tuple(
    fc.constantFrom('x-hmac-signature', 'X-HMAC-Signature'),
    fc.constantFrom(': ', '=', '":"'),
    alnum(12, 40),
  )
  .map(([name, sep, value]): Secret => ({ text: `${name}${sep}${value}`, core: value }));
const submissionToken = fc
  .tuple(fc.uuid(), alnum(16, 16))
  .chain(([uuid, tail]) => randomCase(`${uuid}-${tail.toUpperCase()}`))
  .map((text): Secret => ({ text, core: text.slice(24) }));
const nik = fc
  .tuple(fc.stringMatching(/^[1-9]\d{15}$/), fc.constantFrom('plain', 'spaces', 'dashes', 'dots', 'mixed'))
  .map(([digits, style]): Secret => {
    const groups = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8, 12), digits.slice(12)];
    const text =
      style === 'plain'
        ? digits
        : style === 'spaces'
          ? groups.join(' ')
          : style === 'dashes'
            ? [
                digits.slice(0, 2),
                digits.slice(2, 4),
                digits.slice(4, 6),
                digits.slice(6, 12),
                digits.slice(12),
              ].join('-')
            : style === 'dots'
              ? groups.join('.')
              : `${groups[0]}-${groups[1]} ${groups[2]}.${groups[3]}`;
    return { text, core: digits, digitsOnly: true };
  });
const image = b64url(300, 600).map((data): Secret => {
  const base64 = data.replace(/[-_]/g, 'A');
  return { text: `data:image/jpeg;base64,${base64}`, core: base64.slice(0, 40) };
});

const secret = fc.oneof(
  credential,
  sessionToken,
  jwt,
  bearer,
  signature,
  apiKeyHeader,
  hmacHeader,
  submissionToken,
  nik,
  image,
);
const separator = fc.constantFrom(' ', ': ', '=', '"', "'", '/', '?', '&', ', ', '(', '\n', '\t', '[');

type Placement = (s: string) => { message: string; fields?: Record<string, unknown> };
const placements: Placement[] = [
  (s) => ({ message: `request failed for ${s} today` }),
  (s) => ({ message: 'failed', fields: { detail: `answer was ${s}` } }),
  (s) => ({ message: 'failed', fields: { a: { b: [{ c: s }] } } }),
  (s) => ({ message: 'failed', fields: { token: s, authorization: s, 'x-api-key': s } }),
  (s) => ({ message: 'failed', fields: { [s]: 1 } }),
  (s) => ({ message: 'failed', fields: { error: new Error(`boom: ${s}`) } }),
  (s) => ({ message: 'failed', fields: { error: new Error('outer', { cause: new Error(s) }) } }),
  (s) => ({ message: 'failed', fields: { body: JSON.stringify({ nested: { value: s } }) } }),
  (s) => ({ message: 'failed', fields: { url: `https://api.example/v1/x?q=${s}&y=1` } }),
  (s) => ({ message: 'failed', fields: { map: new Map([['k', s]]), set: new Set([s]) } }),
  (s) => ({ message: 'failed', fields: { message: s, level: s } }),
  (s) => ({ message: `line one\n${s}\tend`, fields: { raw: Buffer.from(s) } }),
];
const placement = fc.nat({ max: placements.length - 1 });

function leaks(output: string, value: Secret): boolean {
  if (value.digitsOnly) return output.replace(/[ .\-\n\t]/g, '').includes(value.core);
  return output.includes(value.core);
}

const lines: string[] = [];
beforeAll(() => configureLogging({ sink: (line) => lines.push(line), level: 'debug' }));
afterAll(() => {
  configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'error' });
  forgetSecrets();
});

describe('no secret leaks, in any shape', () => {
  const log = createLogger('property');

  it('from 8,000 generated log lines', () => {
    fc.assert(
      fc.property(secret, separator, separator, placement, (value, before, after, where) => {
        lines.length = 0;
        const place = placements[where];
        if (!place) throw new Error('no placement');
        const { message, fields } = place(`${before}${value.text}${after}`);
        log.warn(message, fields);
        expect(lines).toHaveLength(1);
        const line = lines[0] ?? '';
        expect(() => JSON.parse(line) as unknown).not.toThrow();
        return !leaks(line, value);
      }),
      { numRuns: 8_000 },
    );
  });

  it('from 1,000 generated errors, as described and as bridge errors', () => {
    fc.assert(
      fc.property(secret, separator, fc.boolean(), (value, before, known) => {
        const text = `could not finish${before}${value.text} now`;
        const error = known ? new BridgeFailure('provider_rejected', text) : new TypeError(text);
        const bridge = toBridgeError(error);
        return !leaks(describeError(error), value) && !leaks(bridge.message, value);
      }),
      { numRuns: 1_000 },
    );
  });

  it('from 1,000 bridge requests: unknown channels, unknown fields and failing handlers', async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.nat({ max: 2 }), async (value, kind) => {
        lines.length = 0;
        const answer =
          kind === 0
            ? await dispatch(failingHandlers(value.text), value.text, {})
            : kind === 1
              ? await dispatch(failingHandlers(value.text), 'verification.get', {
                  recordId: 'ABCDEF12',
                  [value.text]: 1,
                })
              : await dispatch(failingHandlers(value.text), 'verification.get', { recordId: 'ABCDEF12' });
        expect(answer.ok).toBe(false);
        return !leaks(JSON.stringify(answer), value) && !lines.some((line) => leaks(line, value));
      }),
      { numRuns: 1_000 },
    );
  });
});
