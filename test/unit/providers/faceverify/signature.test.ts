// faceverify's request signature against vectors computed independently with the seed's own Python recipe
// (the python code and each call are in ./vectors.ts).
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../../main/providers/faceverify/signature';
import { VECTORS } from './vectors';

describe('signRequest', () => {
  for (const vector of VECTORS) {
    it(`matches the Python recipe: ${vector.name}`, () => {
      expect(signRequest(vector.input)).toBe(vector.hex);
    });
  }

  it('is lowercase hex, 64 characters', () => {
    expect(signRequest(VECTORS[0].input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the body byte for byte: JSON spacing changes the signature', () => {
    expect(signRequest(VECTORS[0].input)).not.toBe(
      signRequest({ ...VECTORS[0].input, body: '{"country": "US", "uniqueIdentifier": "user123"}' }),
    );
  });

  it('signs the path and the query, not the host', () => {
    const base = VECTORS[3].input;
    expect(signRequest({ ...base, url: 'https://elsewhere.example/faceverify/api/v1/session/sess_1' })).toBe(
      VECTORS[3].hex,
    );
    expect(signRequest({ ...base, url: `${base.url}?x=1` })).not.toBe(VECTORS[3].hex);
    expect(signRequest({ ...base, url: 'http://127.0.0.1:8080/api/v1/session/sess_1' })).not.toBe(
      VECTORS[3].hex,
    );
  });

  it('signs the method, client id and content type', () => {
    const base = VECTORS[0].input;
    expect(signRequest({ ...base, method: 'PUT' })).not.toBe(VECTORS[0].hex);
    expect(signRequest({ ...base, clientId: 'other' })).not.toBe(VECTORS[0].hex);
    expect(signRequest({ ...base, contentType: 'application/json; charset=utf-8' })).not.toBe(VECTORS[0].hex);
  });
});
