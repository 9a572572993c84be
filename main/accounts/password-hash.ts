// Staff passwords, hashed with scrypt (node:crypto, memory-hard, RFC 7914) and never stored or logged in
// any other form. The parameters travel inside the hash, PHC-style:
//   $scrypt$ln=17,r=8,p=1$<salt, base64>$<32-byte key, base64>
// so they can be raised later: a hash made with weaker ones verifies as before and is flagged for a rehash,
// which sign-in does with the password it has just checked. Why scrypt and not argon2id: it is in Node's
// own crypto (OpenSSL) in both Node 20 (the host, the CLIs, the tests) and Electron, so there is no native
// module to build twice (Node and Electron ABI), to unpack from the asar, or to add to the supply chain;
// the README's "Staff accounts" section has the measurement. A later `$argon2id$` (Node 24's
// crypto.argon2) can be added beside it and reached by the same rehash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the cost N. */
  ln: number;
  r: number;
  p: number;
}

/** OWASP's first scrypt recommendation: N = 2^17 (128 MiB with r = 8), r = 8, p = 1. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export interface Verification {
  ok: boolean;
  /** The hash was made with weaker parameters than the current ones: hash the password again. */
  needsRehash: boolean;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<Verification>;
  /** As long as a real verification, for a name that has no account: the answer's timing tells nothing. */
  verifyNothing(password: string): Promise<void>;
}

export function createPasswordHasher(params: ScryptParams = DEFAULT_SCRYPT_PARAMS): PasswordHasher {
  assertParams(params);
  let dummy: Promise<string> | undefined;
  const hash = async (password: string) => {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, params);
    return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
  };
  return {
    hash,
    async verify(password, encoded) {
      const parsed = parse(encoded);
      // A hash this code cannot read verifies nothing; it is never an error that could leak the input.
      if (!parsed) return { ok: false, needsRehash: false };
      const key = await derive(password, parsed.salt, parsed.params);
      const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
      return { ok, needsRehash: ok && weaker(parsed.params, params) };
    },
    async verifyNothing(password) {
      dummy ??= hash('loket-no-such-account');
      await this.verify(password, await dummy);
    },
  };
}

/** The parameters inside a stored hash, or null when it is not one of ours. */
export function hashParams(encoded: string): ScryptParams | null {
  return parse(encoded)?.params ?? null;
}

function parse(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = FORMAT.exec(encoded);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (!validParams(params)) return null;
  return { params, salt: Buffer.from(m[4] ?? '', 'base64'), key: Buffer.from(m[5] ?? '', 'base64') };
}

function weaker(stored: ScryptParams, current: ScryptParams): boolean {
  return stored.ln < current.ln || stored.r < current.r || stored.p < current.p;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes, and a little over.
    maxmem: 256 * N * params.r + 1024 * 1024,
  };
  // NFKC, so the same password typed on another keyboard layout (composed or not) is the same password.
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Bounds that keep a stored hash from asking for absurd memory (a tampered row must not stop the kiosk). */
function validParams({ ln, r, p }: ScryptParams): boolean {
  return ln >= 1 && ln <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

function assertParams(params: ScryptParams): void {
  if (!validParams(params)) throw new RangeError(`Unusable scrypt parameters ${JSON.stringify(params)}`);
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
