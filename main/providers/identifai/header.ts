// The HMAC Authorization header IdentifAI expects on its HMAC-authorised calls (submission tokens, job
// results when the submission token has expired). Pure: the signature and timestamp come from signature.ts.
export const TIMESTAMP_HEADER = 'x-nodeflux-timestamp';
export const HMAC_SCHEME = 'NODEFLUX-HMAC-SHA256';
/** Fixed by the provider: the gRPC method the v1beta1 signer was designed around. */
export const CREDENTIAL_SCOPE = 'nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic';

export interface HeaderInput {
  accessKey: string;
  /** `YYYYMMDDTHHMMSSZ`, as the signature endpoint returned it. */
  timestamp: string;
  /** The signature endpoint's `token`. */
  token: string;
}

export type HmacHeaders = Readonly<{ Authorization: string; [TIMESTAMP_HEADER]: string }>;

const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Epoch milliseconds of a `YYYYMMDDTHHMMSSZ` timestamp; throws RangeError when it is not one. */
export function parseTimestamp(timestamp: string): number {
  const m = TIMESTAMP.exec(timestamp);
  if (!m) throw new RangeError('x-nodeflux-timestamp must look like YYYYMMDDTHHMMSSZ');
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 20240230 over into March; a real timestamp round-trips.
  if (
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new RangeError('x-nodeflux-timestamp is not a real UTC date and time');
  }
  return ms;
}

export function authorizationHeader(input: HeaderInput): string {
  parseTimestamp(input.timestamp);
  if (!/^\S+$/.test(input.accessKey))
    throw new RangeError('the access key must be non-empty, without spaces');
  if (!/^\S+$/.test(input.token))
    throw new RangeError('the signature token must be non-empty, without spaces');
  const date = input.timestamp.slice(0, 8);
  return `${HMAC_SCHEME} Credential=${input.accessKey}/${date}/${CREDENTIAL_SCOPE}, SignedHeaders=${TIMESTAMP_HEADER}, Signature=${input.token}`;
}

/** The header pair for an HMAC-authorised request; a new frozen object, the input is left alone. */
export function hmacHeaders(input: HeaderInput): HmacHeaders {
  return Object.freeze({ Authorization: authorizationHeader(input), [TIMESTAMP_HEADER]: input.timestamp });
}
