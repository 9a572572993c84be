// The sandbox's own signature check (written apart from the client's signer) against the same vectors,
// computed with the seed's Python recipe (see test/unit/providers/faceverify/signature.test.ts).
import { describe, expect, it } from 'vitest';
import { expectedSignature, signatureMatches } from '../../../../main/sandbox/faceverify/signature';
import { VECTORS } from '../../providers/faceverify/vectors';

describe('sandbox expectedSignature', () => {
  for (const vector of VECTORS) {
    it(`matches the Python recipe: ${vector.name}`, () => {
      const url = new URL(vector.input.url);
      const hex = expectedSignature(
        {
          method: vector.input.method,
          rawUrl: url.pathname + url.search,
          clientId: vector.input.clientId,
          contentType: vector.input.contentType,
          body: Buffer.from(vector.input.body, 'utf8'),
        },
        vector.input.secretKey,
      );
      expect(hex).toBe(vector.hex);
    });
  }

  it('compares in constant time and without case', () => {
    const hex = VECTORS[0].hex;
    expect(signatureMatches(hex, hex)).toBe(true);
    expect(signatureMatches(hex.toUpperCase(), hex)).toBe(true);
    expect(signatureMatches(hex.slice(1), hex)).toBe(false);
    expect(signatureMatches(`${hex.slice(0, -1)}0`, hex)).toBe(false);
  });
});
