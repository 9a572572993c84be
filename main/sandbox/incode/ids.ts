// Identifier formats. interviewId: 24 lowercase hex, laid out like a MongoDB ObjectId (4 bytes of Unix
// seconds, then random). interviewCode: 6 characters. token: a JWT (Incode's tokens start "eyJhbGciOiJIUzI1NiJ9"),
// HS256-signed with a per-process secret; the sandbox still looks every token up, the signature only makes it
// look and behave like the real thing (opaque, ≤ 256 characters).
import { createHmac, randomBytes, randomInt } from 'node:crypto';

export const INTERVIEW_ID_PATTERN = /^[0-9a-f]{24}$/;
export const INTERVIEW_CODE_PATTERN = /^[A-Z0-9]{6}$/;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const secret = randomBytes(32);

export function newInterviewId(epochMs: number): string {
  const time = Buffer.alloc(4);
  time.writeUInt32BE(Math.floor(epochMs / 1000) >>> 0);
  return time.toString('hex') + randomBytes(8).toString('hex');
}

export function newInterviewCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function newSessionToken(
  interviewId: string,
  clientId: string,
  epochMs: number,
  ttlMs: number,
): string {
  const iat = Math.floor(epochMs / 1000);
  const head = `${b64url({ alg: 'HS256' })}.${b64url({
    sub: interviewId,
    cid: clientId,
    jti: randomBytes(8).toString('hex'),
    iat,
    exp: iat + Math.floor(ttlMs / 1000),
  })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}
