import { describe, expect, it } from 'vitest';
import { livenessScore, similarityScore } from '../../../main/sandbox/identifai/analytics';

describe('sandbox scoring rules', () => {
  it('scores a colourful face live and a grey one underqualified', () => {
    expect(livenessScore({ saturationMean: 0.35, score: 0.9 })).toBeGreaterThan(0.9);
    expect(livenessScore({ saturationMean: 0, score: 0.9 })).toBeLessThan(0.2);
    expect(livenessScore({ saturationMean: 0.1, score: 0.9 })).toBeLessThan(0.6);
    expect(livenessScore({ saturationMean: 1, score: 1 })).toBeLessThanOrEqual(0.98);
  });

  it("maps descriptor distance onto human's similarity: 0.2–0.8 of the scaled root distance, capped at 0.99", () => {
    const at = (d: number) => {
      const a = new Float32Array(1024);
      const b = new Float32Array(1024);
      b[0] = d;
      return similarityScore(a, b);
    };
    // distance = 25·d², similarity = (1 − √distance / 100 − 0.2) / 0.6 = (0.8 − d / 20) / 0.6
    expect(at(0)).toBe(0.99);
    expect(at(6)).toBeCloseTo(0.5 / 0.6, 4);
    expect(at(8)).toBeCloseTo(0.4 / 0.6, 4); // just under IdentifAI's 0.7
    expect(at(16)).toBe(0);
    expect(similarityScore(new Float32Array(0), new Float32Array(0))).toBe(0);
  });
});
