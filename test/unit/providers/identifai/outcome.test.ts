import { describe, expect, it } from 'vitest';
import type { JobResult, JobStatus } from '../../../../main/providers/identifai/job';
import { decide, readFaceScores } from '../../../../main/providers/identifai/outcome';

const job = (status: JobStatus, message: string, items: unknown[] = []): JobResult => ({
  jobId: 'j',
  status,
  analyticType: null,
  message,
  items,
  raw: { message, status },
});
const faceItems = (live: boolean, liveness: number, match: boolean, similarity: number) => [
  { face_liveness: { live, liveness } },
  { face_match: { match, similarity } },
];
const ocrOk = job('success', 'OCR_KTP Service Success', [{ nik: '1801070310930005', nama: 'BUDI' }]);

describe('decide: face match with liveness', () => {
  it('success, live and matching → verified, with scores, OCR fields and both raw answers', () => {
    const face = job('success', 'Face Match Liveness Success', faceItems(true, 0.84, true, 0.94));
    const result = decide({ face, ocr: ocrOk });
    expect(result).toEqual({
      kind: 'decided',
      outcome: {
        decision: 'verified',
        live: true,
        liveness: 0.84,
        match: true,
        similarity: 0.94,
        ocr: { nik: '1801070310930005', name: 'BUDI' },
        providerMessage: 'Face Match Liveness Success',
      },
      raw: { face_match_liveness: face.raw, ocr_ktp: ocrOk.raw },
    });
  });

  it('"Face Liveness Underqualified" (live false) → not_verified', () => {
    const result = decide({
      face: job('success', 'Face Liveness Underqualified', [
        { face_liveness: { live: false, liveness: 0.31 } },
      ]),
      ocr: ocrOk,
    });
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: {
        decision: 'not_verified',
        live: false,
        match: null,
        providerMessage: 'Face Liveness Underqualified',
      },
    });
  });

  it('"The Face Pair Not Match" → not_verified, OCR fields still kept for staff', () => {
    const result = decide({
      face: job('success', 'The Face Pair Not Match', faceItems(true, 0.9, false, 0.21)),
      ocr: ocrOk,
    });
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', match: false, similarity: 0.21, ocr: { nik: '1801070310930005' } },
    });
  });

  it("scores below Loket's own thresholds → not_verified even when the provider said live and match", () => {
    const lowLive = decide({
      face: job('success', 'Face Match Liveness Success', faceItems(true, 0.59, true, 0.95)),
      ocr: ocrOk,
    });
    const lowMatch = decide({
      face: job('success', 'Face Match Liveness Success', faceItems(true, 0.95, true, 0.69)),
      ocr: ocrOk,
    });
    expect(lowLive).toMatchObject({ outcome: { decision: 'not_verified' } });
    expect(lowMatch).toMatchObject({ outcome: { decision: 'not_verified' } });
    const stricter = decide({
      face: job('success', 'Face Match Liveness Success', faceItems(true, 0.8, true, 0.8)),
      ocr: ocrOk,
      thresholds: { liveness: 0.9, similarity: 0.5 },
    });
    expect(stricter).toMatchObject({ outcome: { decision: 'not_verified' } });
  });

  it('scores exactly at the thresholds pass', () => {
    expect(decide({ face: job('success', 'ok', faceItems(true, 0.6, true, 0.7)), ocr: ocrOk })).toMatchObject(
      { outcome: { decision: 'verified' } },
    );
  });

  it('success without both verdicts → needs_review', () => {
    expect(
      decide({ face: job('success', 'odd', [{ face_liveness: { live: true, liveness: 0.9 } }]), ocr: ocrOk }),
    ).toMatchObject({
      outcome: { decision: 'needs_review' },
    });
  });

  it.each([
    ['No face detected', 'no_face'],
    ['no face detected', 'no_face'],
    ['Multiple faces are detected', 'multiple_faces'],
    ['the face is most likely occluded', 'face_occluded'],
    ['The Face Is Most Likely OCCLUDED', 'face_occluded'],
    ['Image too blurry', 'poor_quality'],
    ['', 'poor_quality'],
  ])('incompleted "%s" → a retake (%s) that does not say which photo', (message, reason) => {
    const face = job('incompleted', message);
    expect(decide({ face, ocr: null })).toEqual({
      kind: 'retake',
      imageKind: null,
      reason,
      providerMessage: message,
      raw: { face_match_liveness: face.raw, ocr_ktp: null },
    });
  });

  it('failed → failed provider_rejected, with a redacted message', () => {
    const result = decide({ face: job('failed', 'internal error for 3171234567890001'), ocr: null });
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    expect(result.kind === 'failed' && result.message).not.toContain('3171234567890001');
  });
});

describe('decide: the ID card', () => {
  const verifiedFace = job('success', 'Face Match Liveness Success', faceItems(true, 0.9, true, 0.9));

  it.each(['incompleted', 'failed'] as const)(
    'OCR %s while the face is verified → needs_review',
    (status) => {
      const result = decide({ face: verifiedFace, ocr: job(status, 'KTP not detected') });
      expect(result).toMatchObject({
        kind: 'decided',
        outcome: { decision: 'needs_review', ocr: {}, providerMessage: 'KTP not detected' },
      });
    },
  );

  it('OCR success without a plausible NIK → needs_review', () => {
    const result = decide({
      face: verifiedFace,
      ocr: job('success', 'OCR_KTP Service Success', [{ nik: '12345', nama: 'X' }]),
    });
    expect(result).toMatchObject({ outcome: { decision: 'needs_review', ocr: { nik: '12345' } } });
  });

  it('legacy OCR keys are read too', () => {
    const result = decide({
      face: verifiedFace,
      ocr: job('success', 'Job successfully submitted!', [
        { NIK: '1801070310930005', 'Tempat/Tgl Lahir': 'METRO, 03-10-1993' },
      ]),
    });
    expect(result).toMatchObject({
      outcome: {
        decision: 'verified',
        ocr: { nik: '1801070310930005', birthPlace: 'METRO', birthDate: '03-10-1993' },
      },
    });
  });
});

describe('readFaceScores', () => {
  it('finds the verdicts by name in any order, ignoring junk', () => {
    expect(
      readFaceScores([
        null,
        { face_match: { match: true, similarity: 0.8 } },
        { face_liveness: { live: false, liveness: 0.1 } },
      ]),
    ).toEqual({
      live: false,
      liveness: 0.1,
      match: true,
      similarity: 0.8,
    });
    expect(readFaceScores([])).toEqual({ live: null, liveness: null, match: null, similarity: null });
  });
});
