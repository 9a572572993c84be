// Every branch of the Incode stand-in's image rules (main/sandbox/incode/rules.ts), on synthetic measures.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  type DocumentMeasures,
  type SelfieFace,
  faceMatchConfidence,
  failsClientRules,
  judgeDocument,
  judgeSelfie,
  similarityStatus,
  worstStatus,
} from '../../../../main/sandbox/incode/rules';

const card: DocumentMeasures = {
  width: 856,
  height: 540,
  lumaMean: 188,
  lumaStdDev: 50,
  sharpness: 96,
  glare: 99,
  faces: [{ score: 0.65, centreX: 0.84 }],
};

describe('judgeDocument', () => {
  it('classifies a KTP-like frame', () => {
    expect(judgeDocument(card)).toEqual({ classification: true, readability: true });
  });

  it('keeps classification but drops readability for a blurred card', () => {
    expect(judgeDocument({ ...card, sharpness: 9 })).toEqual({ classification: true, readability: false });
    expect(judgeDocument({ ...card, glare: 5 })).toEqual({ classification: true, readability: false });
  });

  it.each([
    ['too small', { width: 48, height: 48 }, 'DOCUMENT_NOT_READABLE'],
    ['uniform', { lumaStdDev: 0 }, 'UNKNOWN_DOCUMENT_TYPE'],
    ['dark', { lumaMean: 46 }, 'DOCUMENT_NOT_READABLE'],
    ['no face', { faces: [] }, 'UNKNOWN_DOCUMENT_TYPE'],
    ['only a weak face', { faces: [{ score: 0.4, centreX: 0.84 }] }, 'UNKNOWN_DOCUMENT_TYPE'],
    ['a central face (selfie)', { faces: [{ score: 0.87, centreX: 0.45 }] }, 'UNKNOWN_DOCUMENT_TYPE'],
  ] as const)('fails %s', (_name, change, failReason) => {
    expect(judgeDocument({ ...card, ...change })).toEqual({ classification: false, failReason });
  });

  it('applies the seed client rules', () => {
    expect(failsClientRules({ sharpness: 10, glare: 10, horizontalResolution: 155 })).toBe(false);
    expect(failsClientRules({ sharpness: 9, glare: 100, horizontalResolution: 300 })).toBe(true);
    expect(failsClientRules({ sharpness: 100, glare: 9, horizontalResolution: 300 })).toBe(true);
    expect(failsClientRules({ sharpness: 100, glare: 100, horizontalResolution: 154 })).toBe(true);
  });
});

const face: SelfieFace = {
  score: 0.87,
  box: { x: 226, y: 73, width: 128, height: 102 },
  lumaMean: 145,
  sharpness: 76,
  liveness: 0.93,
};
const selfie = (faces: SelfieFace[], width = 640, height = 480) => ({ width, height, faces });
const live = DEFAULT_THRESHOLDS.liveness;

describe('judgeSelfie', () => {
  it('accepts a live, bright, centred face', () => {
    expect(judgeSelfie(selfie([face]), live)).toEqual({ ok: true, face, confidence: 0, isBright: true });
  });

  it('answers confidence 1 for a colourless (spoof) face and isBright false for a dark one', () => {
    expect(judgeSelfie(selfie([{ ...face, liveness: 0.15 }]), live)).toMatchObject({
      ok: true,
      confidence: 1,
    });
    expect(judgeSelfie(selfie([{ ...face, lumaMean: 36 }]), live)).toMatchObject({
      ok: true,
      isBright: false,
    });
  });

  it.each([
    ['a tiny image', 3008, selfie([face], 48, 48)],
    ['no face', 4019, selfie([])],
    ['two confident faces', 4010, selfie([face, { ...face, score: 0.68 }])],
    ['only a weak face', 1003, selfie([{ ...face, score: 0.42 }])],
    ['a face at the edge', 3004, selfie([{ ...face, box: { x: 480, y: 57, width: 156, height: 123 } }])],
    ['a face off the top', 3004, selfie([{ ...face, box: { x: 226, y: -10, width: 128, height: 102 } }])],
    ['a face too small', 3005, selfie([{ ...face, box: { x: 300, y: 200, width: 30, height: 30 } }])],
    ['a blurred face', 3006, selfie([{ ...face, sharpness: 12 }])],
  ] as const)('refuses %s with %i', (_name, code, measures) => {
    expect(judgeSelfie(measures, live)).toEqual({ ok: false, code });
  });

  it('ignores a weak second face next to a confident one', () => {
    expect(judgeSelfie(selfie([face, { ...face, score: 0.35 }]), live)).toMatchObject({ ok: true });
  });
});

describe('score statuses', () => {
  it('maps similarity to OK / WARN / FAIL and process/face confidence', () => {
    expect(similarityStatus(0.99, DEFAULT_THRESHOLDS)).toBe('OK');
    expect(similarityStatus(0.7, DEFAULT_THRESHOLDS)).toBe('OK');
    expect(similarityStatus(0.6, DEFAULT_THRESHOLDS)).toBe('WARN');
    expect(similarityStatus(0.27, DEFAULT_THRESHOLDS)).toBe('FAIL');
    expect(faceMatchConfidence(0.7, DEFAULT_THRESHOLDS)).toBe(1);
    expect(faceMatchConfidence(0.69, DEFAULT_THRESHOLDS)).toBe(0);
  });

  it('takes the worst status, FAIL > UNKNOWN > WARN > OK', () => {
    expect(worstStatus(['OK', 'WARN', 'OK'])).toBe('WARN');
    expect(worstStatus(['OK', 'UNKNOWN', 'WARN'])).toBe('UNKNOWN');
    expect(worstStatus(['FAIL', 'UNKNOWN'])).toBe('FAIL');
    expect(worstStatus([])).toBe('UNKNOWN');
  });
});
