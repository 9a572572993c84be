import { describe, expect, it } from 'vitest';
import {
  createPasswordHasher,
  DEFAULT_SCRYPT_PARAMS,
  hashParams,
} from '../../../main/accounts/password-hash';
import { cheapHasher, PASSWORD } from './fixtures';

describe('password hashing', () => {
  it('stores the parameters with a salted hash, and never the password', async () => {
    const hasher = cheapHasher();
    const hash = await hasher.hash(PASSWORD);
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain(PASSWORD);
    expect(hashParams(hash)).toEqual({ ln: 10, r: 8, p: 1 });
    // A fresh salt each time: the same password never hashes the same twice.
    expect(await hasher.hash(PASSWORD)).not.toBe(hash);
  });

  it('verifies the right password only', async () => {
    const hasher = cheapHasher();
    const hash = await hasher.hash(PASSWORD);
    expect(await hasher.verify(PASSWORD, hash)).toEqual({ ok: true, needsRehash: false });
    expect(await hasher.verify(`${PASSWORD}!`, hash)).toEqual({ ok: false, needsRehash: false });
    expect(await hasher.verify('', hash)).toEqual({ ok: false, needsRehash: false });
  });

  it('treats a password typed composed or decomposed as the same (NFKC)', async () => {
    const hasher = cheapHasher();
    const hash = await hasher.hash('Café-Menteng-2026');
    expect((await hasher.verify('Cafe\u0301-Menteng-2026', hash)).ok).toBe(true);
  });

  it('asks for a rehash of a hash made with weaker parameters, never of a stronger one', async () => {
    const old = await createPasswordHasher({ ln: 9, r: 8, p: 1 }).hash(PASSWORD);
    const stronger = await createPasswordHasher({ ln: 11, r: 8, p: 1 }).hash(PASSWORD);
    const hasher = cheapHasher();
    expect(await hasher.verify(PASSWORD, old)).toEqual({ ok: true, needsRehash: true });
    expect(await hasher.verify(PASSWORD, stronger)).toEqual({ ok: true, needsRehash: false });
    // A wrong password is never "rehashed".
    expect(await hasher.verify('wrong password!', old)).toEqual({ ok: false, needsRehash: false });
  });

  it('verifies nothing for a hash it cannot read, or one asking for absurd memory', async () => {
    const hasher = cheapHasher();
    for (const junk of [
      '',
      'plain text',
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      '$scrypt$ln=30,r=8,p=1$c2FsdA$aGFzaA',
    ]) {
      expect(await hasher.verify(PASSWORD, junk)).toEqual({ ok: false, needsRehash: false });
    }
  });

  it('defaults to OWASP’s scrypt parameters and refuses unusable ones', () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    expect(() => createPasswordHasher({ ln: 0, r: 8, p: 1 })).toThrow(RangeError);
  });
});
