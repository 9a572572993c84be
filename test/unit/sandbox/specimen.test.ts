import { describe, expect, it } from 'vitest';
import { isPlausibleNik } from '../../../common/nik';
import { specimenIdentity } from '../../../main/sandbox/ocr/specimen';

describe('specimen KTP identity', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => `seed-${i}`);

  it('is deterministic per seed and varies between seeds', () => {
    expect(specimenIdentity('abc')).toEqual(specimenIdentity('abc'));
    const niks = new Set(seeds.map((s) => specimenIdentity(s).nik));
    expect(niks.size).toBeGreaterThan(190);
  });

  it('prints a plausible NIK that encodes the birth date and sex', () => {
    for (const seed of seeds) {
      const id = specimenIdentity(seed);
      expect(isPlausibleNik(id.nik), id.nik).toBe(true);
      const [dd, mm, yyyy] = id.birthDate.split('-');
      const day = Number(id.nik.slice(6, 8));
      expect(id.sex === 'PEREMPUAN' ? day - 40 : day).toBe(Number(dd));
      expect(id.nik.slice(8, 10)).toBe(mm);
      expect(id.nik.slice(10, 12)).toBe(yyyy?.slice(2));
      expect(id.birthDate).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    }
  });

  it('keeps the region codes consistent with the printed province', () => {
    for (const seed of seeds) {
      const id = specimenIdentity(seed);
      if (id.province === 'DKI JAKARTA') expect(id.nik.startsWith('31')).toBe(true);
      if (id.province === 'JAWA BARAT') expect(id.nik.startsWith('32')).toBe(true);
      if (id.province === 'LAMPUNG') expect(id.nik.startsWith('18')).toBe(true);
    }
  });
});
