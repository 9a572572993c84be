// The seed's client-side rules for the two uploads, one case per rule and per selfie error code.
import { describe, expect, it } from 'vitest';
import type { RetakeReason } from '../../../../common/record';
import { RETAKE_REASONS } from '../../../../common/record';
import type { UploadAnswer } from '../../../../main/providers/incode/client';
import {
  failReasonToRetake,
  frontIdRetake,
  SELFIE_ERROR_CODES,
  selfieRetake,
} from '../../../../main/providers/incode/rules';

const GOOD_ID = { classification: true, glare: 100, sharpness: 100, horizontalResolution: 600 };
const GOOD_SELFIE = { confidence: 0, isBright: true, hasLenses: false, hasFaceMask: false };
const accepted = (body: Record<string, unknown>): UploadAnswer => ({ accepted: true, body });
const refused = (code: number | null, message = '', httpStatus = 400): UploadAnswer => ({
  accepted: false,
  httpStatus,
  code,
  message,
  body: { status: code, message },
});

describe('frontIdRetake', () => {
  it('a good answer → no retake', () => {
    expect(frontIdRetake(accepted(GOOD_ID))).toBeNull();
  });

  it.each<[string, Record<string, unknown>, RetakeReason, string]>([
    ['!classification', { classification: false }, 'id_not_recognised', 'ID not classified'],
    ['classification missing', { classification: undefined }, 'id_not_recognised', 'ID not classified'],
    ['glare < 10', { glare: 9 }, 'id_glare', 'glare 9 < 10'],
    ['sharpness < 10', { sharpness: 9.5 }, 'id_blurry', 'sharpness 9.5 < 10'],
    [
      'horizontalResolution < 155',
      { horizontalResolution: 154 },
      'id_too_small',
      'horizontalResolution 154 < 155',
    ],
    ['values as strings', { glare: '3' }, 'id_glare', 'glare 3 < 10'],
  ])('%s → %s', (_rule, change, reason, providerMessage) => {
    expect(frontIdRetake(accepted({ ...GOOD_ID, ...change }))).toEqual({ reason, providerMessage });
  });

  it('the boundaries themselves pass (glare 10, sharpness 10, horizontalResolution 155)', () => {
    expect(
      frontIdRetake(accepted({ ...GOOD_ID, glare: 10, sharpness: 10, horizontalResolution: 155 })),
    ).toBeNull();
  });

  it('rules apply in the seed order: classification, glare, sharpness, resolution', () => {
    const all = { classification: true, glare: 1, sharpness: 1, horizontalResolution: 1 };
    expect(frontIdRetake(accepted(all))?.reason).toBe('id_glare');
    expect(frontIdRetake(accepted({ ...all, glare: 50 }))?.reason).toBe('id_blurry');
    expect(frontIdRetake(accepted({ ...all, classification: false }))?.reason).toBe('id_not_recognised');
  });

  it('HTTP 200 with a failReason → retake, failReason kept as the provider message', () => {
    // The documented example: classification false, horizontalResolution 0, UNKNOWN_DOCUMENT_TYPE.
    const example = {
      sharpness: 100,
      glare: 100,
      horizontalResolution: 0,
      classification: false,
      typeOfId: 'DriversLicense',
      failReason: 'UNKNOWN_DOCUMENT_TYPE',
    };
    expect(frontIdRetake(accepted(example))).toEqual({
      reason: 'id_not_recognised',
      providerMessage: 'UNKNOWN_DOCUMENT_TYPE',
    });
    expect(frontIdRetake(accepted({ ...GOOD_ID, failReason: 'DOCUMENT_NOT_READABLE' }))).toEqual({
      reason: 'id_blurry',
      providerMessage: 'DOCUMENT_NOT_READABLE',
    });
    expect(frontIdRetake(accepted({ ...GOOD_ID, glare: 2, failReason: 'WRONG_DOCUMENT_SIDE' }))).toEqual({
      reason: 'id_glare',
      providerMessage: 'WRONG_DOCUMENT_SIDE',
    });
  });

  it.each<[string, RetakeReason]>([
    ['UNKNOWN_DOCUMENT_TYPE', 'id_not_recognised'],
    ['WRONG_DOCUMENT_SIDE', 'id_not_recognised'],
    ['WRONG_ONE_SIDED_DOCUMENT', 'id_not_recognised'],
    ['WRONG_UNFOLDED_DOCUMENT', 'id_not_recognised'],
    ['UNFOLDED_DOCUMENT_PAGE_MISMATCH', 'id_not_recognised'],
    ['DOCUMENT_NOT_READABLE', 'id_blurry'],
    ['UNABLE_TO_ALIGN_DOCUMENT', 'id_not_recognised'],
    ['ID_TYPE_UNACCEPTABLE', 'id_not_recognised'],
    ['UNEXPECTED_ERROR_OCCURRED', 'id_not_recognised'],
    ['SOMETHING_NEW', 'id_not_recognised'],
  ])('failReason %s → %s', (failReason, reason) => {
    expect(failReasonToRetake(failReason)).toBe(reason);
  });

  it('an upload refused with a code (4019: no face on the card) → id_not_recognised', () => {
    expect(frontIdRetake(refused(4019, 'No faces found on the image'))).toEqual({
      reason: 'id_not_recognised',
      providerMessage: 'No faces found on the image (code 4019)',
    });
    expect(frontIdRetake(refused(null, '', 422))).toEqual({
      reason: 'id_not_recognised',
      providerMessage: 'HTTP 422',
    });
  });
});

describe('selfieRetake', () => {
  it('a good answer → no retake', () => {
    expect(selfieRetake(accepted(GOOD_SELFIE))).toBeNull();
  });

  it.each<[number, RetakeReason]>([
    [100, 'too_dark'],
    [101, 'remove_glasses'],
    [4010, 'only_one_person'],
    [4019, 'center_face'],
    [1003, 'center_face'],
    [3004, 'center_face'],
    [3005, 'move_closer'],
    [3006, 'blurry'],
    [3007, 'too_dark_move'],
    [3008, 'try_later'],
    [3009, 'try_later'],
    [3010, 'capture_failed'],
  ])('error code %i → %s', (code, reason) => {
    const retake = selfieRetake(refused(code));
    expect(retake?.reason).toBe(reason);
    // Without Incode's own words, the seed's are shown.
    expect(retake?.providerMessage).toMatch(new RegExp(`^${code}: \\S`));
  });

  it('the table covers exactly the seed codes', () => {
    expect([...SELFIE_ERROR_CODES.keys()].sort((a, b) => a - b)).toEqual([
      100, 101, 1003, 3004, 3005, 3006, 3007, 3008, 3009, 3010, 4010, 4019,
    ]);
    for (const reason of SELFIE_ERROR_CODES.values()) expect(RETAKE_REASONS).toContain(reason);
  });

  it.each([4005, 1001, 3002, 6000, 400])('any other code (%i) → poor_conditions', (code) => {
    expect(selfieRetake(refused(code))?.reason).toBe('poor_conditions');
  });

  it('Incode’s own message is kept beside the code', () => {
    expect(selfieRetake(refused(4010, 'More than one face detected.'))).toEqual({
      reason: 'only_one_person',
      providerMessage: '4010: More than one face detected.',
    });
  });

  it('an unknown custom code is poor_conditions whatever its words (4005 "Spoof attempt detected")', () => {
    expect(selfieRetake(refused(4005, 'Spoof attempt detected.'))).toEqual({
      reason: 'poor_conditions',
      providerMessage: '4005: Spoof attempt detected.',
    });
  });

  it('no custom code: the web SDK messages are recognised, anything else is poor_conditions', () => {
    expect(selfieRetake(refused(400, 'More than one face detected.'))?.reason).toBe('only_one_person');
    expect(selfieRetake(refused(null, 'More than one face detected.'))?.reason).toBe('only_one_person');
    expect(selfieRetake(refused(null, 'No faces found on the image'))?.reason).toBe('center_face');
    expect(selfieRetake(refused(null, ''))).toEqual({
      reason: 'poor_conditions',
      providerMessage: 'HTTP 400',
    });
  });

  it.each<[string, Record<string, unknown>, RetakeReason]>([
    ['confidence > 0', { confidence: 1 }, 'spoof_suspected'],
    ['confidence > 0 (fraction)', { confidence: 0.4 }, 'spoof_suspected'],
    ['hasLenses', { hasLenses: true }, 'remove_glasses'],
    ['hasFaceMask', { hasFaceMask: true }, 'remove_mask'],
    ['!isBright', { isBright: false }, 'too_dark'],
    ['isBright missing', { isBright: undefined }, 'too_dark'],
  ])('%s → %s', (_rule, change, reason) => {
    expect(selfieRetake(accepted({ ...GOOD_SELFIE, ...change }))?.reason).toBe(reason);
  });

  it('rules apply in the seed order: spoof, lenses, mask, brightness', () => {
    const all = { confidence: 1, hasLenses: true, hasFaceMask: true, isBright: false };
    expect(selfieRetake(accepted(all))?.reason).toBe('spoof_suspected');
    expect(selfieRetake(accepted({ ...all, confidence: 0 }))?.reason).toBe('remove_glasses');
    expect(selfieRetake(accepted({ ...all, confidence: 0, hasLenses: false }))?.reason).toBe('remove_mask');
  });

  it('confidence missing is not a spoof (the seed checks confidence > 0)', () => {
    expect(selfieRetake(accepted({ ...GOOD_SELFIE, confidence: undefined }))).toBeNull();
  });
});
