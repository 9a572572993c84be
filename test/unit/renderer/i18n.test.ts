import { describe, expect, it } from 'vitest';
import { PROGRESS_STEPS } from '../../../common/contract';
import { ERROR_CODES } from '../../../common/errors';
import { PROVIDER_NAMES } from '../../../common/providers';
import { NIK_FLAGS } from '../../../common/nik-checks';
import { DECISIONS, OcrFieldsSchema, RETAKE_REASONS } from '../../../common/record';
import { ROLES } from '../../../common/roles';
import { CAMERA_PROBLEMS } from '../../../renderer/capture/camera/cameraProblem';
import { en } from '../../../renderer/i18n/en';
import { format, formatMinutes, formatTime, toPercent } from '../../../renderer/i18n/format';
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
    ['nikFlags', NIK_FLAGS],
    ['roles', ROLES],
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

describe('Incode, faceverify and the hosted face check', () => {
  it("show Incode's selfie error messages word for word from its API integration guide", () => {
    expect(en.retake).toMatchObject({
      too_dark: 'Too dark', // 100
      remove_glasses: 'Take off your glasses', // 101, and hasLenses
      only_one_person: 'Make sure you are the only one in the frame', // 4010
      center_face: 'Position your face in the center of the frame', // 4019, 1003, 3004
      move_closer: 'Move closer so your face fits the frame', // 3005
      blurry: 'Photo blurry, clean the lens and hold still', // 3006
      too_dark_move: 'Too dark, try moving elsewhere', // 3007
      try_later: 'Something went wrong, please try later', // 3008, 3009
      capture_failed: "Couldn't capture, try moving elsewhere", // 3010
      poor_conditions: 'Poor conditions for selfie, try in another place', // default
    });
  });

  it('word every Incode reason differently, so the customer knows what to change', () => {
    for (const catalogue of [id, en]) {
      const texts = RETAKE_REASONS.map((reason) => catalogue.retake[reason]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('mention the KTP in every ID card reason', () => {
    for (const reason of RETAKE_REASONS.filter((name) => name.startsWith('id_'))) {
      expect(id.retake[reason], reason).toContain('KTP');
      expect(en.retake[reason], reason).toMatch(/ID card|KTP/);
    }
  });

  it('name the providers as their makers do', () => {
    expect(en.providers).toMatchObject({ incode: 'Incode Omni', faceverify: 'faceverify.ai' });
    expect(id.providers).toMatchObject({ incode: 'Incode Omni', faceverify: 'faceverify.ai' });
  });

  it('use the exact labels of the hosted face check screen', () => {
    expect(en.hosted).toMatchObject({
      title: 'Complete the face check',
      qrAlt: 'QR code for the face check',
      open: 'Open the face check',
    });
    expect(id.hosted.title).toBe('Selesaikan pemeriksaan wajah');
    expect(en.progress.waiting_for_customer).not.toBe('');
    expect(id.progress.waiting_for_customer).not.toBe('');
  });
});

describe('the desk and the self-service kiosk', () => {
  it('word every NIK flag differently, so staff know what to look at on the card', () => {
    for (const catalogue of [id, en]) {
      const texts = NIK_FLAGS.map((flag) => catalogue.nikFlags[flag]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('use the exact labels the tests and staff guides rely on', () => {
    expect(en.signIn).toMatchObject({ submit: 'Sign in', invalid: 'Wrong name or password.' });
    expect(en.signIn.locked).toMatch(/^This account is locked until \{time\}\./);
    expect(en.review).toMatchObject({ open: 'Review and confirm', confirmVerified: 'Confirm as verified' });
    expect(en.selfService).toMatchObject({ touchToStart: 'Touch to start', accept: 'I agree' });
    expect(id.signIn.training).toBe('Masuk untuk pelatihan');
  });

  it('have a customer outcome, and its help, for every decision and for a saved application', () => {
    for (const catalogue of [id, en]) {
      expect(Object.keys(catalogue.selfService.outcome).sort()).toEqual([...DECISIONS, 'pending'].sort());
      expect(Object.keys(catalogue.selfService.outcomeHelp).sort()).toEqual([...DECISIONS, 'pending'].sort());
    }
  });
});

describe('format helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
    expect(format('{a} {missing}', { a: 1 })).toBe('1 {missing}');
  });

  it("writes a lockout time and a setting's minutes as people read them", () => {
    const until = new Date(2026, 0, 5, 14, 30).toISOString();
    expect(formatTime(until, 'en-GB')).toBe('14:30');
    expect(formatTime(until, 'id-ID')).toBe('14.30');
    expect(formatTime('not a time', 'en-GB')).toBeNull();
    expect(formatMinutes(10, 'en-GB')).toBe('10');
    expect(formatMinutes(0.5, 'id-ID')).toBe('0,5');
  });

  it('turns 0..1 scores into whole, clamped percentages', () => {
    expect(toPercent(0.876)).toBe(88);
    expect(toPercent(1.2)).toBe(100);
    expect(toPercent(-1)).toBe(0);
  });
});
