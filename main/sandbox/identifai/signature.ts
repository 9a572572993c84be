// The Nodeflux HMAC token, as the 2018 Nodeflux Python SDK computes it (nodeflux.cloud.auth.signer
// .AuthSignerV1, "designed based on AWS Signature V4"; PROTOCOLS.md 1.3). The signature endpoint returns this
// token for the gRPC method path below, which is why the REST Authorization header names that path as its
// credential scope. Pure functions: the sandbox uses them to issue and to verify, tests pin the vector.
import { createHash, createHmac } from 'node:crypto';

export const SIGNING_ALGORITHM = 'NODEFLUX-HMAC-SHA256';
export const SIGNING_PATH = '/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic';
export const TIMESTAMP_HEADER = 'x-nodeflux-timestamp';

const TIMESTAMP_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `YYYYMMDDTHHMMSSZ` in UTC (the SDK's `%Y%m%dT%H%M%SZ`). */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch milliseconds of a well-formed timestamp, or undefined. */
export function parseTimestamp(value: string): number | undefined {
  const m = TIMESTAMP_PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatTimestamp(ms) === value ? ms : undefined;
}

const hmac = (key: string | Buffer, message: string) => createHmac('sha256', key).update(message).digest();

/** The token (64 lowercase hex) for `secretKey` at `timestamp`, signing only the timestamp header. */
export function computeToken(
  secretKey: string,
  timestamp: string,
  method = 'POST',
  path = SIGNING_PATH,
): string {
  const date = timestamp.slice(0, 8);
  const headers: Record<string, string> = { [TIMESTAMP_HEADER]: timestamp };
  const names = Object.keys(headers)
    .map((k) => k.toLowerCase())
    .sort();
  const canonicalHeaders = names
    .map((k) => `${k}:${(headers[k] ?? '').trim().replace(/\s+/g, ' ')}`)
    .join('\n');
  const signedHeaders = names.join(';');
  const canonicalRequest = `${method}\n${path}\n${canonicalHeaders}\n\n${signedHeaders}`;
  const stringToSign =
    `${SIGNING_ALGORITHM}\n${timestamp}\n${date}${path}\n` +
    createHash('sha256').update(canonicalRequest).digest('hex');
  const kDate = hmac(`Nodeflux${secretKey}`, date);
  const kPath = hmac(kDate, path);
  const kSigning = hmac(kPath, 'NodefluxAuthV1');
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

/** The documented header value (", " separators). */
export function formatAuthorization(accessKey: string, timestamp: string, token: string): string {
  return (
    `${SIGNING_ALGORITHM} Credential=${accessKey}/${timestamp.slice(0, 8)}${SIGNING_PATH}, ` +
    `SignedHeaders=${TIMESTAMP_HEADER}, Signature=${token}`
  );
}

export interface ParsedAuthorization {
  accessKey: string;
  date: string;
  /** The credential scope after the date, e.g. `/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic`. */
  scope: string;
  signedHeaders: string;
  signature: string;
}

/**
 * Parses `NODEFLUX-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. The parts may be separated by
 * "," with or without a following space: one public client sends ",SignedHeaders" and is served.
 */
export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const prefix = `${SIGNING_ALGORITHM} `;
  if (!value.startsWith(prefix)) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(prefix.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return undefined;
  const m = /^([^/]+)\/(\d{8})(\/.+)$/.exec(credential);
  if (!m) return undefined;
  const [, accessKey = '', date = '', scope = ''] = m;
  return { accessKey, date, scope, signedHeaders, signature };
}
