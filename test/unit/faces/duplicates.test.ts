// How the face model's answers are read: one small face reported two or three times by the detector is
// one face, two people side by side are two; and the confidence both of its models must give a face.
import { describe, expect, it } from 'vitest';
import { faceConfidence, withoutDuplicates } from '../../../main/faces/detect';

const face = (x: number, y: number, size: number, score: number) => ({
  box: { x, y, width: size, height: size },
  score,
});

describe('withoutDuplicates', () => {
  it('keeps the best-scored of boxes that mostly overlap', () => {
    const kept = withoutDuplicates([
      face(100, 100, 45, 0.62),
      face(110, 108, 24, 0.99),
      face(102, 101, 43, 0.91),
    ]);
    expect(kept).toEqual([face(110, 108, 24, 0.99)]);
  });

  it('keeps faces that touch or barely overlap', () => {
    const pair = [face(30, 50, 270, 1), face(300, 100, 200, 1), face(480, 110, 100, 0.9)];
    expect(withoutDuplicates(pair)).toHaveLength(3);
  });
});

describe('faceConfidence', () => {
  it('is the mean of the detection and mesh scores: B in profile counts, the cat does not', () => {
    expect(faceConfidence(0.82, 0.31)).toBeCloseTo(0.565, 6);
    expect(faceConfidence(0.57, 0.37)).toBeLessThan(0.5);
    expect(faceConfidence(0.89, 1)).toBeGreaterThan(0.9);
    expect(faceConfidence(0.7, 0)).toBe(0.7);
  });
});
