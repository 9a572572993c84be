// The pre-check's rules over measured inputs: each refusal, in its order, and what is kept of a photo.
import { describe, expect, it } from 'vitest';
import { cardInCrop, CROP_HEIGHT, CROP_WIDTH } from '../../../common/capture/crop';
import {
  checkCardPhoto,
  checkSelfie,
  PhotoAnalysisSchema,
  summariseCardPhoto,
  summariseSelfie,
  type CardPhotoInput,
  type SelfieInput,
} from '../../../common/capture/precheck';
import { scaleQuad } from '../../../common/capture/geometry';
import { DEFAULT_CAPTURE_THRESHOLDS as T } from '../../../common/capture/thresholds';
import type { FaceObservation, Quad, RegionMeasures } from '../../../common/capture/types';

const good: RegionMeasures = { sharpness: 3500, meanLuma: 180, p95Luma: 220, glare: 0 };
const card = cardInCrop(CROP_WIDTH, CROP_HEIGHT);
const cardWidth = card[1].x - card[0].x;
const face = (width: number, over: Partial<FaceObservation> = {}): FaceObservation => ({
  box: { x: 900, y: 200, width, height: width },
  score: 1,
  yaw: 2,
  pitch: 7,
  saturation: 0.35,
  ...over,
});
/** A card 70 % of a 1280-px frame wide. */
const quad: Quad = [
  { x: 190, y: 80 },
  { x: 1086, y: 80 },
  { x: 1086, y: 645 },
  { x: 190, y: 645 },
];

const cardInput = (over: Partial<CardPhotoInput> = {}): CardPhotoInput => ({
  frame: { width: 1280, height: 720 },
  detection: { status: 'ok', quad, score: 100 },
  measures: good,
  faces: [face(300)],
  cardWidth,
  ...over,
});

describe('checkCardPhoto', () => {
  it('accepts a sharp, well-lit card with its photo', () => {
    expect(checkCardPhoto(cardInput(), T)).toBeNull();
  });

  it.each([
    ['no_card', cardInput({ detection: { status: 'none' }, measures: null, faces: [] })],
    ['card_cut_off', cardInput({ detection: { status: 'cutoff', quad: null, score: 5 }, measures: null })],
    [
      'card_too_small',
      cardInput({
        detection: {
          status: 'ok',
          quad: scaleQuad(quad, 0.6),
          score: 9,
        },
      }),
    ],
    ['too_dark', cardInput({ measures: { ...good, meanLuma: 40, p95Luma: 60 }, faces: [] })],
    ['blurry', cardInput({ measures: { ...good, sharpness: 900 } })],
    ['glare', cardInput({ measures: { ...good, glare: 0.09 } })],
    ['no_face_on_card', cardInput({ faces: [] })],
    ['no_face_on_card', cardInput({ faces: [face(300, { score: 0.3 })] })],
    ['no_face_on_card', cardInput({ faces: [face(0.05 * cardWidth)] })],
  ] as const)('refuses %s', (reason, input) => {
    expect(checkCardPhoto(input, T)).toBe(reason);
  });

  it('says dark before blurry and faceless (a dark card reads as all three)', () => {
    const dark = cardInput({ measures: { sharpness: 300, meanLuma: 40, p95Luma: 60, glare: 0 }, faces: [] });
    expect(checkCardPhoto(dark, T)).toBe('too_dark');
  });

  it('lowers the focus bar with the square of the light on a dim card, down to a quarter', () => {
    // 70 % of the good light: the same card, half its Laplacian variance (0.7² ≈ 0.49).
    const dim = { meanLuma: 0.7 * T.cardLitMeanLuma, p95Luma: 160, glare: 0 };
    expect(checkCardPhoto(cardInput({ measures: { ...dim, sharpness: 0.49 * 3500 } }), T)).toBeNull();
    expect(checkCardPhoto(cardInput({ measures: { ...dim, sharpness: 0.47 * T.cardMinSharpness } }), T)).toBe(
      'blurry',
    );
    // However dark: never below a quarter of the bar.
    const murky = { meanLuma: T.minMeanLuma + 1, p95Luma: 120, glare: 0 };
    expect(
      checkCardPhoto(cardInput({ measures: { ...murky, sharpness: 0.24 * T.cardMinSharpness } }), T),
    ).toBe('blurry');
    // Brighter than in good light: the bar does not rise.
    const bright = { ...good, meanLuma: 230, sharpness: T.cardMinSharpness + 1 };
    expect(checkCardPhoto(cardInput({ measures: bright }), T)).toBeNull();
  });

  it('follows the thresholds it is given', () => {
    const input = cardInput({ measures: { ...good, sharpness: 1500 } });
    expect(checkCardPhoto(input, T)).toBe('blurry');
    expect(checkCardPhoto(input, { ...T, cardMinSharpness: 1000 })).toBeNull();
  });
});

const selfie = (over: Partial<SelfieInput> = {}): SelfieInput => ({
  frame: { width: 640, height: 480 },
  faces: [face(150, { box: { x: 240, y: 60, width: 150, height: 150 } })],
  measures: { sharpness: 2000, meanLuma: 130, p95Luma: 215, glare: 0 },
  ...over,
});

describe('checkSelfie', () => {
  it('accepts one confident, large enough, lit, sharp colour face', () => {
    expect(checkSelfie(selfie(), T)).toBeNull();
  });

  it.each([
    ['no_face', selfie({ faces: [], measures: null })],
    ['no_face', selfie({ faces: [face(150, { score: 0.4 })] })],
    [
      'multiple_faces',
      selfie({ faces: [face(150), face(120, { box: { x: 20, y: 60, width: 120, height: 120 } })] }),
    ],
    ['face_too_small', selfie({ faces: [face(0.08 * 640)] })],
    ['too_dark', selfie({ measures: { sharpness: 130, meanLuma: 33, p95Luma: 53, glare: 0 } })],
    ['blurry', selfie({ measures: { sharpness: 60, meanLuma: 130, p95Luma: 215, glare: 0 } })],
    ['printed_photo', selfie({ faces: [face(150, { saturation: 0 })] })],
  ] as const)('refuses %s', (reason, input) => {
    expect(checkSelfie(input, T)).toBe(reason);
  });

  it('does not count a weak second candidate as a second face', () => {
    expect(checkSelfie(selfie({ faces: [face(150), face(60, { score: 0.3 })] }), T)).toBeNull();
  });
});

describe('what is kept with the photo', () => {
  it('is numbers only, and reads back through its schema', () => {
    const cardAnalysis = summariseCardPhoto(cardInput(), 'frame', T);
    expect(cardAnalysis).toMatchObject({
      kind: 'id_card',
      source: 'frame',
      faceCount: 1,
      face: { score: 1, widthFraction: 300 / cardWidth },
      measures: good,
    });
    expect(cardAnalysis.cardWidthFraction).toBeCloseTo(0.7, 2);
    const selfieAnalysis = summariseSelfie(selfie(), T);
    expect(selfieAnalysis).toMatchObject({
      kind: 'selfie',
      faceCount: 1,
      face: { widthFraction: 150 / 640 },
    });
    for (const a of [cardAnalysis, selfieAnalysis]) {
      expect(PhotoAnalysisSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
      expect(JSON.stringify(a)).not.toMatch(/"box"|"x"|"y"/);
    }
  });
});
