import { describe, expect, it } from 'vitest';
import { livenessScore, similarityScore } from '../../../main/sandbox/identifai/analytics';

describe('sandbox scoring rules', () => {
  it('scores a colourful face live and a grey one underqualified', () => {
    expect(livenessScore({ saturationMean: 0.35, score: 0.9 })).toBeGreaterThan(0.9);
    expect(livenessScore({ saturationMean: 0, score: 0.9 })).toBeLessThan(0.2);
    expect(livenessScore({ saturationMean: 0.1, score: 0.9 })).toBeLessThan(0.6);
    expect(livenessScore({ saturationMean: 1, score: 1 })).toBeLessThanOrEqual(0.98);
  });

  it('maps descriptor distance onto similarity, with d = 0.55 near the 0.7 threshold', () => {
    const at = (d: number) => {
      const a = new Float32Array(128);
      const b = new Float32Array(128);
      b[0] = d;
      return similarityScore(a, b);
    };
    expect(at(0)).toBe(1);
    expect(at(0.55)).toBeCloseTo(0.6975, 4);
    expect(at(0.9)).toBeCloseTo(0.19, 4);
    expect(at(1.5)).toBe(0);
  });
});
