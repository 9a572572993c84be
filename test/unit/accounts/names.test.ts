import { describe, expect, it } from 'vitest';
import { nameKey, nameProblem, passwordProblem, tidyName } from '../../../main/accounts/names';

describe('operator names', () => {
  it('are one name in any case and spacing', () => {
    expect(nameKey('Siti  Rahma')).toBe(nameKey(' SITI RAHMA '));
    expect(tidyName('  Siti \t Rahma ')).toBe('Siti Rahma');
    // Full-width letters (a keyboard's IME) are the same name as plain ones (NFKC).
    expect(nameKey('Ｓｉｔｉ')).toBe('siti');
  });

  it.each(['Siti Rahma', "I Gusti Ngurah Ra'i", 'budi.santoso', 'Dewi-2', 'Nur_Aini'])(
    'accepts %s',
    (name) => {
      expect(nameProblem(name)).toBeNull();
    },
  );

  it.each(['', '   ', '-budi', 'budi;', 'a'.repeat(65), 'budi<script>'])('refuses %j', (name) => {
    expect(nameProblem(name)).toMatch(/name/);
  });
});

describe('operator passwords', () => {
  it('need 10 to 256 characters and not the name', () => {
    expect(passwordProblem('kata-sandi-panjang', 'siti')).toBeNull();
    expect(passwordProblem('pendek', 'siti')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(257), 'siti')).toMatch(/at most 256/);
    expect(passwordProblem('Siti Rahma', 'siti rahma')).toMatch(/not be the name/);
  });

  it('never quote the password in what they say', () => {
    for (const password of ['pendek', 'x'.repeat(300)]) {
      expect(passwordProblem(password, 'siti')).not.toContain(password);
    }
  });
});
