// Image-dependent answers of the IdentifAI sandbox over real HTTP, one per "test card" listed at the top of
// main/sandbox/identifai/analytics.ts, plus the request checks, the syncv2 shape and /_sandbox/jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlausibleNik } from '../../../common/nik';
import { JOB_ID_PATTERN } from '../../../main/sandbox/identifai/ids';
import { type Sandbox, startSandbox } from '../../../main/sandbox/server';
import { loadFaceModel } from '../../../main/faces/model';
import * as fx from '../../fixtures/images';
import { call, identifai, jobResult } from './identifai-client';

let sandbox: Sandbox;
let api: ReturnType<typeof identifai>;
const uri = async (build: () => Promise<Buffer>) => fx.toDataUri(await build());
const ktpA = () => uri(() => fx.ktpCard('A'));

beforeAll(async () => {
  // Load the models once for the whole file, so no single test pays for it.
  await loadFaceModel();
  sandbox = await startSandbox({ jobDurationMs: 100 });
  api = identifai(sandbox.url);
});

afterAll(async () => {
  await sandbox.close();
});

async function faceMatchLiveness(selfie: () => Promise<Buffer>, ktp: () => Promise<string> = ktpA) {
  const { submitted, final, polls } = await api.run('face-match-liveness-v1', {
    images: [await ktp(), await uri(selfie)],
  });
  return { submitted, final, result: jobResult(final), polls };
}

describe('face-match-liveness-v1', () => {
  it('answers "on going" at submission, then success for the same person', async () => {
    const { submitted, final, result } = await faceMatchLiveness(fx.selfieA);
    const id = String(submitted.json.job_id);
    expect(id).toMatch(JOB_ID_PATTERN);
    expect(Object.keys(submitted.json)).toEqual(['job', 'job_id', 'message', 'ok']);
    expect(submitted.json).toEqual({
      job: { id, result: { status: 'on going', analytic_type: 'FACE_MATCH_LIVENESS', result: [] } },
      job_id: id,
      message: 'Job successfully submitted!',
      ok: true,
    });
    expect(final.json.message).toBe('Face Match Liveness Success');
    expect(result.status).toBe('success');
    expect(result.analytic_type).toBe('FACE_MATCH_LIVENESS');
    const [liveness, match] = result.result;
    expect(Object.keys(liveness ?? {})).toEqual(['face_liveness']);
    expect(Object.keys(match ?? {})).toEqual(['face_match']);
    expect(liveness?.face_liveness).toMatchObject({ live: true });
    expect(Number(liveness?.face_liveness?.liveness)).toBeGreaterThan(0.6);
    expect(match?.face_match).toMatchObject({ match: true });
    expect(Number(match?.face_match?.similarity)).toBeGreaterThan(0.9);
  });

  it('answers "The Face Pair Not Match" for a live selfie of someone else', async () => {
    const { final, result } = await faceMatchLiveness(fx.selfieBColour);
    expect(final.json.message).toBe('The Face Pair Not Match');
    expect(result.status).toBe('success');
    expect(result.result[0]?.face_liveness).toMatchObject({ live: true });
    expect(result.result[1]?.face_match).toMatchObject({ match: false });
    expect(Number(result.result[1]?.face_match?.similarity)).toBeLessThan(0.5);
  });

  it('answers "Face Liveness Underqualified" for a greyscale (printed-photo) selfie, still status success', async () => {
    const { final, result } = await faceMatchLiveness(fx.selfieGrey);
    expect(final.json.message).toBe('Face Liveness Underqualified');
    expect(result.status).toBe('success');
    expect(result.result[0]?.face_liveness).toMatchObject({ live: false });
    expect(Number(result.result[0]?.face_liveness?.liveness)).toBeLessThan(0.6);
    expect(result.result[1]?.face_match).toMatchObject({ match: true });
  });

  it('lets additional_params move the thresholds', async () => {
    const { final } = await api.run('face-match-liveness-v1', {
      images: [await ktpA(), await uri(fx.selfieGrey)],
      additional_params: { liveness_threshold: 0.1, similarity_threshold: 0.5 },
    });
    expect(final.json.message).toBe('Face Match Liveness Success');
  });

  it.each([
    ['the cat', 'No face detected', fx.catImage],
    ['a blank frame', 'No face detected', fx.blankImage],
    ['two people', 'Multiple faces are detected', fx.twoFaces],
    ['a darkened face', 'the face is most likely occluded', fx.selfieDark],
  ])('answers incompleted for %s: "%s"', async (_label, message, selfie) => {
    const { final, result } = await faceMatchLiveness(selfie);
    expect(final.json).toMatchObject({ message, ok: true });
    expect(result).toEqual({ status: 'incompleted', analytic_type: 'FACE_MATCH_LIVENESS', result: [] });
  });

  it('looks for a face on the KTP too', async () => {
    const { final, result } = await faceMatchLiveness(fx.selfieA, () => uri(fx.blankImage));
    expect(result.status).toBe('incompleted');
    expect(final.json.message).toBe('No face detected');
  });

  it('fails an image too small to analyse', async () => {
    const { final, result } = await faceMatchLiveness(fx.tinyImage);
    expect(result).toEqual({ status: 'failed', analytic_type: 'FACE_MATCH_LIVENESS', result: [] });
    expect(final.json.message).toBe('Image resolution is too small');
  });
});

describe('ocr-ktp', () => {
  it('reads a specimen identity from a KTP, the same one every time', async () => {
    const first = await api.run('ocr-ktp', { images: [await ktpA()] });
    expect(first.final.json.message).toBe('OCR_KTP Service Success');
    const result = jobResult(first.final);
    expect(result.status).toBe('success');
    expect(result.analytic_type).toBe('OCR_KTP');
    const fields = result.result[0] as unknown as Record<string, string>;
    expect(Object.keys(fields).sort()).toEqual(
      [
        'nik',
        'nama',
        'tempat_lahir',
        'tanggal_lahir',
        'jenis_kelamin',
        'golongan_darah',
        'alamat',
        'rt_rw',
        'kelurahan_desa',
        'kecamatan',
        'kabupaten_kota',
        'provinsi',
        'agama',
        'status_perkawinan',
        'pekerjaan',
        'kewarganegaraan',
        'berlaku_hingga',
      ].sort(),
    );
    expect(isPlausibleNik(fields.nik ?? '')).toBe(true);
    expect(fields.tanggal_lahir).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const again = await api.run('ocr-ktp', { images: [await ktpA()] });
    expect(jobResult(again.final).result[0]).toEqual(fields);
  });

  it.each([
    ['a blank frame', fx.blankImage],
    ['the cat', fx.catImage],
    ['a selfie (face in the middle, not on the right)', fx.selfieA],
  ])('answers incompleted for %s', async (_label, image) => {
    const { final } = await api.run('ocr-ktp', { images: [await uri(image)] });
    expect(jobResult(final)).toEqual({ status: 'incompleted', analytic_type: 'OCR_KTP', result: [] });
    expect(final.json.message).toBe('KTP is not detected');
  });
});

describe('other analytics', () => {
  it('serves face-liveness and face-match', async () => {
    const live = await api.run('face-liveness-v1', { images: [await uri(fx.selfieA)] });
    expect(live.final.json.message).toBe('Face Liveness Success');
    expect(jobResult(live.final).result[0]?.face_liveness).toMatchObject({ live: true });
    const match = await api.run('face-match', { images: [await ktpA(), await uri(fx.selfieBColour)] });
    expect(match.final.json.message).toBe('The Face Pair Not Match');
    expect(jobResult(match.final).result).toHaveLength(1);
  });

  it('answers 404 for a slug the api.identifai.id list does not name, as the real host does', async () => {
    // The older pages' plain slugs: not in the seed's migration list for api.identifai.id.
    for (const slug of ['face-match-liveness', 'face-liveness', 'face-match-liveness-v3']) {
      const token = await api.submissionToken();
      const reply = await api.analytics(slug, { images: [await ktpA(), await uri(fx.selfieA)] }, token);
      expect(reply.status, slug).toBe(404);
      expect(reply.json).toMatchObject({ ok: false, code: 'not-found' });
      // The refused request did not burn the one-time token.
      expect((await api.analytics('ocr-ktp', { images: [await ktpA()] }, token)).status).toBe(200);
    }
    const sync = await api.post(
      '/syncv2/analytics/face-match-liveness',
      { images: [await ktpA(), await uri(fx.selfieA)] },
      await api.hmacHeaders(),
    );
    expect(sync.status).toBe(404);
  });

  it('serves both listed face-match-liveness versions, and answers 501 for listed ones it does not simulate', async () => {
    for (const slug of ['face-match-liveness-v1', 'face-match-liveness-v2']) {
      const { final } = await api.run(slug, { images: [await ktpA(), await uri(fx.selfieA)] });
      expect(final.json.message, slug).toBe('Face Match Liveness Success');
    }
    const reply = await api.analytics('face-liveness-v4', { images: [] }, await api.submissionToken());
    expect(reply.status).toBe(501);
  });
});

describe('POST /syncv2/analytics/{slug}', () => {
  it('answers the flat shape directly, with the HMAC header pair or a submission token', async () => {
    const body = { images: [await ktpA(), await uri(fx.selfieA)] };
    const reply = await api.post('/syncv2/analytics/face-match-liveness-v1', body, await api.hmacHeaders());
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual(['analytic_type', 'job_id', 'message', 'ok', 'result', 'status']);
    expect(reply.json).toMatchObject({
      analytic_type: 'FACE_MATCH_LIVENESS',
      message: 'Face Match Liveness Success',
      ok: true,
      status: 'success',
    });
    const token = await api.submissionToken();
    const blank = await api.post(
      '/syncv2/analytics/ocr-ktp',
      { images: [await uri(fx.blankImage)] },
      {
        authorization: token,
      },
    );
    expect(blank.json).toMatchObject({ status: 'incompleted', result: [], ok: true });
    const reuse = await api.post(
      '/syncv2/analytics/ocr-ktp',
      { images: [await uri(fx.blankImage)] },
      {
        authorization: token,
      },
    );
    expect(reuse.status).toBe(401);
  });
});

describe('request checks (400 bad-request)', () => {
  const expectBadRequest = async (slug: string, body: unknown, pattern: RegExp) => {
    const reply = await api.analytics(slug, body, await api.submissionToken());
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ ok: false, code: 'bad-request' });
    expect(Array.isArray(reply.json.errors)).toBe(true);
    expect((reply.json.errors as string[]).join('\n')).toMatch(pattern);
  };

  it('limits ocr-ktp images to 800 KB and face-match-liveness images to 2 MB', async () => {
    const big = await fx.noiseJpeg(600, 600); // ~1 MB
    expect(big.length).toBeGreaterThan(800 * 1024);
    expect(big.length).toBeLessThan(2 * 1024 * 1024);
    await expectBadRequest('ocr-ktp', { images: [fx.toDataUri(big)] }, /maximum size of 800 KB/);
    const huge = await fx.noiseJpeg(900, 900); // ~2.3 MB
    expect(huge.length).toBeGreaterThan(2 * 1024 * 1024);
    await expectBadRequest(
      'face-match-liveness-v1',
      { images: [await ktpA(), fx.toDataUri(huge)] },
      /images\.1.*2 MB/,
    );
  });

  it('wants exactly two images for face-match-liveness', async () => {
    await expectBadRequest('face-match-liveness-v1', { images: [await ktpA()] }, /exactly 2 images/);
  });

  it('wants data-URI JPEGs that decode', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    await expectBadRequest('ocr-ktp', { images: [png] }, /data URI/);
    await expectBadRequest('ocr-ktp', { images: [fx.toDataUri(Buffer.from('hello'))] }, /not a JPEG/);
    const truncated = (await fx.ktpCard('A')).subarray(0, 200);
    await expectBadRequest('ocr-ktp', { images: [fx.toDataUri(truncated)] }, /cannot be decoded/);
    await expectBadRequest('ocr-ktp', { pictures: [] }, /images/);
  });

  it('checks client_ref and thresholds', async () => {
    const images = [await ktpA()];
    await expectBadRequest('ocr-ktp', { images, client_ref: 'abc' }, /client_ref/);
    await expectBadRequest('ocr-ktp', { images, client_ref: 'has spaces 123' }, /client_ref/);
    await expectBadRequest(
      'face-match-liveness-v1',
      { images: [...images, ...images], additional_params: { similarity_threshold: 2 } },
      /similarity_threshold/,
    );
  });
});

describe('GET /_sandbox/jobs', () => {
  it('lists every job created, with its analytic and client_ref', async () => {
    const before = (await call(`${sandbox.url}/_sandbox/jobs`)).json.jobs as unknown[];
    const { submitted } = await api.run('ocr-ktp', { images: [await ktpA()], client_ref: 'LOKET000123' });
    const token = await api.submissionToken();
    await api.analytics('ocr-ktp', { images: ['bad'] }, token); // rejected: no job
    const after = (await call(`${sandbox.url}/_sandbox/jobs`)).json.jobs as Array<Record<string, unknown>>;
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({
      id: submitted.json.job_id,
      provider: 'identifai',
      analytic: 'ocr-ktp',
      client_ref: 'LOKET000123',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
    });
  });
});

describe('configurable messages', () => {
  it('uses overridden wording for the unconfirmed strings', async () => {
    const custom = await startSandbox({
      jobDurationMs: 0,
      identifai: { messages: { noFaceDetected: 'No Face Detected' } },
    });
    try {
      const { final } = await identifai(custom.url).run('face-liveness-v1', {
        images: [await uri(fx.catImage)],
      });
      expect(final.json.message).toBe('No Face Detected');
    } finally {
      await custom.close();
    }
  });
});
