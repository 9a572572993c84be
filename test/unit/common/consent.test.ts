import { describe, expect, it } from 'vitest';
import { CONSENT_SECTIONS, CONSENT_VERSION, consentDocument } from '../../../common/consent';
import { roleAtLeast } from '../../../common/roles';

const FACTS = { processor: 'IdentifAI (Nodeflux)', imageDays: 30, recordDays: 365, abandonedDays: 7 };

describe('the consent text', () => {
  it.each(['id', 'en'] as const)(
    'in %s says what, why, how long, who and how to ask for deletion',
    (language) => {
      const doc = consentDocument(language, FACTS);
      expect(doc.version).toBe(CONSENT_VERSION);
      expect(doc.language).toBe(language);
      expect(doc.sections.map((s) => s.id)).toEqual([...CONSENT_SECTIONS]);
      const text = doc.sections.map((s) => `${s.heading}\n${s.body}`).join('\n');
      expect(text).toMatch(language === 'id' ? /Foto KTP.*foto wajah/s : /ID card.*face/s);
      expect(text).toContain('NIK');
      expect(text).toMatch(/\b30\b/);
      expect(text).toMatch(/\b365\b/);
      expect(text).toMatch(/\b7\b/);
      expect(text).toContain('IdentifAI (Nodeflux)');
      expect(text).toMatch(language === 'id' ? /dihapus.*kode referensi/s : /deleted.*reference code/s);
      expect(text).toContain('27');
    },
  );

  it('fills in the settings it is given, not fixed numbers', () => {
    const text = JSON.stringify(consentDocument('en', { ...FACTS, imageDays: 1, recordDays: 90 }));
    expect(text).toContain('1 day after');
    expect(text).toContain('90 days');
  });
});

describe('roles', () => {
  it('rank operator < supervisor < admin', () => {
    expect(roleAtLeast('admin', 'supervisor')).toBe(true);
    expect(roleAtLeast('supervisor', 'supervisor')).toBe(true);
    expect(roleAtLeast('operator', 'supervisor')).toBe(false);
    expect(roleAtLeast('supervisor', 'admin')).toBe(false);
  });
});
