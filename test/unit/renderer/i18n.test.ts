import { describe, expect, it } from 'vitest';
import { PROGRESS_STEPS } from '../../../common/contract';
import { ERROR_CODES } from '../../../common/errors';
import { PROVIDER_NAMES } from '../../../common/providers';
import { DECISIONS, OcrFieldsSchema, RETAKE_REASONS } from '../../../common/record';
import { CAMERA_PROBLEMS } from '../../../renderer/camera/cameraProblem';
import { en } from '../../../renderer/i18n/en';
import { format, toPercent } from '../../../renderer/i18n/format';
import { id } from '../../../renderer/i18n/id';

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) throw new Error(`${prefix} is not text`);
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('i18n catalogues', () => {
  const idLeaves = new Map(leaves(id));
  const enLeaves = new Map(leaves(en));

  it('have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...idLeaves.keys()].sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const [key, text] of idLeaves) {
      const english = enLeaves.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it.each([
    ['errors', ERROR_CODES],
    ['retake', RETAKE_REASONS],
    ['decision', DECISIONS],
    ['decisionHelp', DECISIONS],
    ['progress', PROGRESS_STEPS],
    ['providers', PROVIDER_NAMES],
    ['camera', CAMERA_PROBLEMS],
    ['ocr', Object.keys(OcrFieldsSchema.shape)],
  ] as const)('have an entry for every %s value', (section, values) => {
    for (const catalogue of [id, en]) {
      expect(Object.keys(catalogue[section]).sort()).toEqual([...values].sort());
    }
  });

  it('use the exact English labels the tests and staff guides rely on', () => {
    expect(en.actions).toMatchObject({
      start: 'Start verification',
      takePhoto: 'Take photo',
      usePhoto: 'Use photo',
      retake: 'Retake',
      done: 'Done',
      tryAgain: 'Try again',
      backHome: 'Back to home',
    });
    expect(en.decision).toEqual({
      verified: 'Verified',
      not_verified: 'Not verified',
      needs_review: 'Needs review',
    });
    expect(en.camera.not_found.title).toBe('No camera found');
    expect(en.camera.denied.title).toBe('Camera access is blocked');
    expect(en.camera.busy.title).toBe('The camera is in use');
    expect(en.retake.no_face).toBe('We could not see a face. Look straight at the camera.');
    expect(id.actions.start).toBe('Mulai verifikasi');
    expect(en.language).toEqual({ en: 'English', id: 'Bahasa Indonesia' });
    expect(id.language).toEqual(en.language);
  });
});

describe('format helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
    expect(format('{a} {missing}', { a: 1 })).toBe('1 {missing}');
  });

  it('turns 0..1 scores into whole, clamped percentages', () => {
    expect(toPercent(0.876)).toBe(88);
    expect(toPercent(1.2)).toBe(100);
    expect(toPercent(-1)).toBe(0);
  });
});
