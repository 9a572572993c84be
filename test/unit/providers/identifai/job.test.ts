import { describe, expect, it } from 'vitest';
import { readJobAnswer, readJobId } from '../../../../main/providers/identifai/job';

const asyncAnswer = (status: string, result: unknown[] = [], message = '') => ({
  job: { id: 'job-1', result: { status, analytic_type: 'FACE_MATCH_LIVENESS', result } },
  message,
  ok: true,
});

describe('readJobAnswer', () => {
  it.each(['on going', 'on-going', 'ongoing', 'On Going', 'queued'])('keeps polling on %j', (status) => {
    expect(readJobAnswer(asyncAnswer(status))).toEqual({ state: 'in_flight', status });
  });

  it.each(['success', 'incompleted', 'failed'] as const)('reads the terminal status %j', (status) => {
    const body = asyncAnswer(status, [{ face_liveness: { live: true, liveness: 0.9 } }], 'msg');
    expect(readJobAnswer(body)).toEqual({
      state: 'final',
      result: {
        jobId: 'job-1',
        status,
        analyticType: 'FACE_MATCH_LIVENESS',
        message: 'msg',
        items: body.job.result.result,
        raw: body,
      },
    });
  });

  it('reads the flat syncv2 answer', () => {
    const body = {
      analytic_type: 'OCR_KTP',
      job_id: 'j2',
      message: 'OCR_KTP Service Success',
      ok: true,
      result: [{ nik: '1' }],
      status: 'success',
    };
    expect(readJobAnswer(body)).toMatchObject({
      state: 'final',
      result: { jobId: 'j2', status: 'success', items: [{ nik: '1' }] },
    });
  });

  it('is null for answers that are not job answers', () => {
    expect(
      readJobAnswer({ code: 'not-authenticate', ok: false, message: 'Submission token is expired' }),
    ).toBeNull();
    expect(readJobAnswer({ job: { id: 'x' }, ok: true })).toBeNull();
    expect(readJobAnswer('text')).toBeNull();
  });
});

describe('readJobId', () => {
  it('reads job_id (v2) or job.id (v1)', () => {
    expect(readJobId({ job_id: 'a', ok: true })).toBe('a');
    expect(readJobId({ job: { id: 'b', result: {} }, ok: true })).toBe('b');
    expect(readJobId({ ok: true })).toBeNull();
  });
});
