// Score and OCR bodies, identifiers: shapes and the status each combination of results yields.
import { describe, expect, it } from 'vitest';
import { isPlausibleNik } from '../../../../common/nik';
import type { DocumentAnalysis } from '../../../../main/sandbox/incode/analysis';
import {
  INTERVIEW_CODE_PATTERN,
  INTERVIEW_ID_PATTERN,
  TOKEN_PATTERN,
  newInterviewCode,
  newInterviewId,
  newSessionToken,
} from '../../../../main/sandbox/incode/ids';
import { LIFETIME_EXPIRY_MS, ocrBody, printedDateToEpochMs } from '../../../../main/sandbox/incode/ocr';
import { DEFAULT_THRESHOLDS, type SelfieFace } from '../../../../main/sandbox/incode/rules';
import { type ScoreInput, scoreBody } from '../../../../main/sandbox/incode/score';
import type { FaceMatch } from '../../../../main/sandbox/incode/sessions';
import { specimenIdentity } from '../../../../main/sandbox/ocr/specimen';

const front: DocumentAnalysis = {
  sharpness: 96,
  glare: 99,
  horizontalResolution: 229,
  verdict: { classification: true, readability: true },
  photo: new Float32Array(128),
  specimenSeed: '0123456789abcdef',
};
const face: SelfieFace = {
  score: 0.87,
  box: { x: 226, y: 73, width: 128, height: 102 },
  lumaMean: 145,
  sharpness: 76,
  liveness: 0.93,
};
const match = (similarity: number, selfie: Partial<SelfieFace> = {}, isBright = true): FaceMatch => ({
  similarity,
  confidence: similarity >= 0.7 ? 1 : 0,
  selfie: { ...face, ...selfie },
  isBright,
});
const input = (change: Partial<ScoreInput>): ScoreInput => ({
  front,
  face: match(0.99),
  flags: { hasLenses: false, hasFaceMask: false },
  thresholds: DEFAULT_THRESHOLDS,
  ...change,
});
const statuses = (body: ReturnType<typeof scoreBody>) => ({
  id: body.idValidation?.overall.status,
  liveness: body.liveness?.overall.status,
  face: body.faceRecognition?.overall.status,
  overall: body.overall.status,
});

describe('scoreBody', () => {
  it('is OK for the same person, live, with string values', () => {
    const body = scoreBody(input({}));
    expect(statuses(body)).toEqual({ id: 'OK', liveness: 'OK', face: 'OK', overall: 'OK' });
    expect(body.overall).toEqual({ value: '93.0', status: 'OK' });
    expect(body.faceRecognition?.overall).toEqual({ value: '99.0', status: 'OK' });
    expect(body.liveness?.livenessScore).toEqual({ value: '93.0', status: 'OK' });
    expect(body.idOcrConfidence).toEqual({ overallConfidence: { value: '99.0', status: 'OK' } });
    expect(body.idValidation?.photoSecurityAndQuality).toContainEqual({
      value: '99',
      status: 'OK',
      key: 'balancedLightFront',
    });
    expect(Object.keys(body)).toEqual([
      'idValidation',
      'liveness',
      'faceRecognition',
      'idOcrConfidence',
      'overall',
    ]);
  });

  it('fails faceRecognition and overall for another person', () => {
    expect(statuses(scoreBody(input({ face: match(0.27) })))).toEqual({
      id: 'OK',
      liveness: 'OK',
      face: 'FAIL',
      overall: 'FAIL',
    });
  });

  it('warns on a borderline similarity', () => {
    expect(statuses(scoreBody(input({ face: match(0.6) })))).toMatchObject({ face: 'WARN', overall: 'WARN' });
  });

  it('fails liveness and overall for a spoof selfie', () => {
    expect(statuses(scoreBody(input({ face: match(0.97, { liveness: 0.15 }) })))).toMatchObject({
      liveness: 'FAIL',
      face: 'OK',
      overall: 'FAIL',
    });
  });

  it('caps a dark selfie at WARN and fails forced lenses or mask', () => {
    expect(statuses(scoreBody(input({ face: match(0.99, { lumaMean: 36 }, false) })))).toMatchObject({
      face: 'WARN',
    });
    const masked = scoreBody(input({ flags: { hasLenses: false, hasFaceMask: true } }));
    expect(masked.faceRecognition?.maskCheck).toEqual({ value: '100.0', status: 'FAIL' });
    expect(masked.overall.status).toBe('FAIL');
    const lenses = scoreBody(input({ flags: { hasLenses: true, hasFaceMask: false } }));
    expect(lenses.faceRecognition?.lensesCheck).toEqual({ status: 'FAIL' });
  });

  it('warns on an ID that fails a client quality rule and fails an unclassified one', () => {
    expect(
      scoreBody(input({ front: { ...front, horizontalResolution: 120 } })).idValidation?.overall.status,
    ).toBe('WARN');
    const unknown = scoreBody(
      input({ front: { ...front, verdict: { classification: false, failReason: 'UNKNOWN_DOCUMENT_TYPE' } } }),
    );
    expect(unknown.idValidation?.overall).toEqual({ value: '0.0', status: 'FAIL' });
    expect(unknown.idOcrConfidence?.overallConfidence.status).toBe('FAIL');
    expect(unknown.overall.status).toBe('FAIL');
  });

  it('leaves unfinished parts null, and overall UNKNOWN when nothing finished', () => {
    const idOnly = scoreBody(input({ face: null }));
    expect(idOnly.liveness).toBeNull();
    expect(idOnly.faceRecognition).toBeNull();
    expect(idOnly.overall.status).toBe('OK');
    expect(scoreBody(input({ front: null, face: null })).overall).toEqual({
      value: '0.0',
      status: 'UNKNOWN',
    });
  });
});

describe('ocrBody', () => {
  it('maps the specimen onto the documented KTP fields', () => {
    const seed = 'fedcba9876543210';
    const id = specimenIdentity(seed);
    const body = ocrBody(seed);
    expect(body.name.fullName).toBe(id.name);
    expect(`${body.name.firstName} ${body.name.paternalLastName}`).toBe(id.name);
    expect(body.documentNumber).toBe(id.nik);
    expect(isPlausibleNik(body.documentNumber)).toBe(true);
    expect(body.gender).toBe(id.sex === 'PEREMPUAN' ? 'F' : 'M');
    expect(typeof body.birthDate).toBe('number');
    expect(new Date(body.birthDate).toISOString().slice(0, 10)).toBe(
      id.birthDate.split('-').reverse().join('-'),
    );
    expect(body.typeOfId).toBe('IdentificationCard');
    expect(body.issuingCountry).toBe('IDN');
    expect(body.expireAt).toBe(String(LIFETIME_EXPIRY_MS));
    expect(body.address.split('\n')).toHaveLength(3);
    expect(body.addressFields).toMatchObject({ city: id.city, state: id.province, colony: id.village });
  });

  it('reads DD-MM-YYYY as UTC midnight', () => {
    expect(printedDateToEpochMs('01-07-1980')).toBe(Date.UTC(1980, 6, 1));
  });
});

describe('identifiers', () => {
  it('have the documented formats', () => {
    const now = Date.UTC(2024, 0, 2, 3, 4, 5);
    const interviewId = newInterviewId(now);
    expect(interviewId).toMatch(INTERVIEW_ID_PATTERN);
    expect(parseInt(interviewId.slice(0, 8), 16)).toBe(now / 1000);
    expect(newInterviewCode()).toMatch(INTERVIEW_CODE_PATTERN);
    const token = newSessionToken(interviewId, 'client', now, 90 * 86_400_000);
    expect(token).toMatch(TOKEN_PATTERN);
    expect(token.startsWith('eyJhbGciOiJIUzI1NiJ9.')).toBe(true);
    expect(token.length).toBeLessThanOrEqual(256);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      sub: string;
    };
    expect(payload.sub).toBe(interviewId);
  });
});
