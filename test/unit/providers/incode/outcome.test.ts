// overall.status → decision, and the liveness / face-match figures reported beside it.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../../common/record';
import { OutcomeSchema } from '../../../../common/record';
import { decide, decisionFor, readFaceScores } from '../../../../main/providers/incode/outcome';
import { OCR_BODY, scoreBody } from './fake-incode';

describe('decisionFor', () => {
  it.each<[string | null, Decision]>([
    ['OK', 'verified'],
    ['ok', 'verified'],
    ['WARN', 'needs_review'],
    ['FAIL', 'not_verified'],
    ['UNKNOWN', 'needs_review'],
    ['MANUAL', 'needs_review'],
    ['MANUAL_OK', 'needs_review'],
    ['MANUAL_FAIL', 'needs_review'],
    ['MANUAL_PENDING', 'needs_review'],
    [null, 'needs_review'],
  ])('overall %s → %s', (status, decision) => {
    expect(decisionFor(status)).toBe(decision);
  });
});

describe('decide', () => {
  it('OK → verified, with scores, OCR, the overall as the message and the raw answers', () => {
    const score = scoreBody('OK', '100.0');
    const processFace = { confidence: 1, existingUser: false };
    const result = decide({ score, ocr: OCR_BODY, processFace });
    expect(result).toEqual({
      kind: 'decided',
      outcome: {
        decision: 'verified',
        liveness: 0.975,
        live: true,
        similarity: 0.88,
        match: true,
        ocr: expect.objectContaining({ nik: '3174010310930005', name: 'BUDI SANTOSO' }) as unknown,
        providerMessage: 'overall OK (100.0)',
      },
      raw: { score, ocr: OCR_BODY, processFace },
    });
    if (result.kind === 'decided') expect(OutcomeSchema.parse(result.outcome)).toEqual(result.outcome);
  });

  it('the decision follows overall only: FAIL with passing parts is not_verified, OK with a failing part is verified', () => {
    const failing = decide({ score: scoreBody('FAIL', '12.5'), ocr: null, processFace: null });
    expect(failing).toMatchObject({
      outcome: {
        decision: 'not_verified',
        live: true,
        match: true,
        providerMessage: 'overall FAIL (12.5)',
        ocr: {},
      },
    });
    const score = scoreBody('OK', '90.0', {
      faceRecognition: { overall: { value: '20.0', status: 'FAIL' } },
    });
    expect(decide({ score, ocr: null, processFace: null })).toMatchObject({
      outcome: { decision: 'verified', match: false, similarity: 0.2 },
    });
  });

  it('WARN → needs_review; a missing overall → needs_review', () => {
    expect(decide({ score: scoreBody('WARN', '70.0'), ocr: null, processFace: null })).toMatchObject({
      outcome: { decision: 'needs_review', providerMessage: 'overall WARN (70.0)' },
    });
    expect(decide({ score: {}, ocr: null, processFace: null })).toMatchObject({
      outcome: {
        decision: 'needs_review',
        providerMessage: 'overall status missing',
        liveness: null,
        live: null,
        similarity: null,
        match: null,
      },
    });
  });
});

describe('readFaceScores', () => {
  it('liveness falls back to livenessScore, then liveness_score', () => {
    expect(
      readFaceScores({ liveness: { livenessScore: { value: '64.0', status: 'WARN' } } }, null),
    ).toMatchObject({
      liveness: 0.64,
      live: false,
    });
    expect(
      readFaceScores({ liveness: { liveness_score: { value: '99', status: 'OK' } } }, null),
    ).toMatchObject({
      liveness: 0.99,
      live: true,
    });
  });

  it('face match falls back to process-face confidence === 1 when faceRecognition has no overall', () => {
    expect(readFaceScores({}, { confidence: 1 })).toMatchObject({ match: true, similarity: null });
    expect(readFaceScores({}, { confidence: 0 })).toMatchObject({ match: false });
    expect(readFaceScores({}, {})).toMatchObject({ match: null });
  });

  it('values are clamped to 0..1 and unreadable values are null', () => {
    expect(
      readFaceScores(
        {
          liveness: { overall: { value: '250', status: 'OK' } },
          faceRecognition: { overall: { value: 'n/a' } },
        },
        null,
      ),
    ).toEqual({ liveness: 1, live: true, similarity: null, match: null });
  });
});
