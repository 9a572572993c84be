// Which photo to retake when the provider does not say: the one whose face evidence is weaker.
import { describe, expect, it } from 'vitest';
import type { PhotoAnalysis } from '../../../common/capture/precheck';
import { faceMargin, isWeaker, photoAtFault } from '../../../common/capture/retake';
import { DEFAULT_CAPTURE_THRESHOLDS as T } from '../../../common/capture/thresholds';

const measures = { sharpness: 3500, meanLuma: 180, p95Luma: 220, glare: 0 };
const faceOf = (score: number, widthFraction: number) => ({
  score,
  widthFraction,
  saturation: 0.35,
  yaw: 0,
  pitch: 5,
});

const card = (over: Partial<Extract<PhotoAnalysis, { kind: 'id_card' }>> = {}): PhotoAnalysis => ({
  kind: 'id_card',
  source: 'crop',
  cardWidthFraction: 0.7,
  faceCount: 1,
  face: faceOf(1, 0.29),
  measures,
  ...over,
});
const selfie = (over: Partial<Extract<PhotoAnalysis, { kind: 'selfie' }>> = {}): PhotoAnalysis => ({
  kind: 'selfie',
  faceCount: 1,
  face: faceOf(1, 0.24),
  measures: { sharpness: 2000, meanLuma: 130, p95Luma: 215, glare: 0 },
  ...over,
});

describe('faceMargin', () => {
  it('is the weakest ratio to the bars, 0 without a face', () => {
    expect(faceMargin(card({ face: faceOf(1, 0.12) }), T)).toBeCloseTo(0.12 / T.cardFaceMinWidthFraction, 6);
    expect(faceMargin(selfie({ face: faceOf(0.6, 0.5) }), T)).toBeCloseTo(0.6 / T.faceMinScore, 6);
    expect(faceMargin(selfie({ face: null }), T)).toBe(0);
  });
});

describe('photoAtFault', () => {
  it('sends the person to the card when its face is the weaker one ("No face detected")', () => {
    expect(photoAtFault('no_face', { id_card: card({ face: faceOf(1, 0.085) }), selfie: selfie() }, T)).toBe(
      'id_card',
    );
  });

  it('and to the selfie when that is the weaker one', () => {
    expect(photoAtFault('no_face', { id_card: card(), selfie: selfie({ face: faceOf(1, 0.11) }) }, T)).toBe(
      'selfie',
    );
    const dim = selfie({ measures: { sharpness: 2000, meanLuma: 75, p95Luma: 120, glare: 0 } });
    expect(photoAtFault('face_occluded', { id_card: card(), selfie: dim }, T)).toBe('selfie');
  });

  it('weighs only the evidence that bears on the reason: light not for a missing face, focus only for quality', () => {
    const dim = selfie({ measures: { sharpness: 2000, meanLuma: 75, p95Luma: 120, glare: 0 } });
    const smallCardFace = card({ face: faceOf(1, 0.12) });
    expect(photoAtFault('no_face', { id_card: smallCardFace, selfie: dim }, T)).toBe('id_card');
    expect(photoAtFault('face_occluded', { id_card: smallCardFace, selfie: dim }, T)).toBe('selfie');
    const soft = card({ measures: { ...measures, sharpness: 1900 } });
    expect(photoAtFault('no_face', { id_card: soft, selfie: selfie() }, T)).toBe('selfie');
    expect(photoAtFault('poor_quality', { id_card: soft, selfie: selfie() }, T)).toBe('id_card');
  });

  it('breaks a tie on the weakest ratio with the next one: two faces found with full confidence', () => {
    const smallOnCard = card({ face: faceOf(1, 0.22) });
    const closeUp = selfie({ face: faceOf(1, 0.54) });
    expect(photoAtFault('no_face', { id_card: smallOnCard, selfie: closeUp }, T)).toBe('id_card');
    expect(isWeaker([2, 2.75], [2, 5.4])).toBe(true);
    expect(isWeaker([2, 5.4], [1.99, 2.75])).toBe(false);
    expect(isWeaker([], [0.5])).toBe(true);
    expect(isWeaker([2, 3], [2, 3])).toBe(false);
  });

  it('blames the photo with more faces for "multiple faces", the selfie on a tie', () => {
    expect(photoAtFault('multiple_faces', { id_card: card({ faceCount: 2 }), selfie: selfie() }, T)).toBe(
      'id_card',
    );
    expect(photoAtFault('multiple_faces', { id_card: card(), selfie: selfie() }, T)).toBe('selfie');
  });

  it('keeps ID reasons on the card, and falls back to the selfie without both analyses', () => {
    expect(photoAtFault('id_glare', {}, T)).toBe('id_card');
    expect(photoAtFault('no_face', { id_card: card({ face: null }) }, T)).toBe('selfie');
    expect(photoAtFault('remove_glasses', { id_card: card({ face: null }), selfie: selfie() }, T)).toBe(
      'selfie',
    );
  });
});
