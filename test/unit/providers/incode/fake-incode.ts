// A scripted Incode for unit tests: the shared scripted fetch (test/support) answering each Omni route with
// a happy default or a test's own answer, and counting the calls per route. (Integration tests use real
// HTTP against the sandbox; this pins the client's and the provider's own decisions.)
import type { Fetch } from '../../../../main/lib/http-error';
import {
  scriptedFetch,
  type Answer,
  type ScriptedFetchOptions,
  type SeenRequest,
} from '../../../support/scripted-fetch';

export const TOKEN = 'session-token-0123456789abcdef';
export const INTERVIEW_ID = '65f0c0ffee0123456789abcd';
export const API_KEY = 'incode-unit-test-api-key';

export type { Answer, SeenRequest };
/** `nth` counts the calls to the same route, from 0. */
export type Route = (request: SeenRequest, nth: number) => Answer;

export const ROUTES = {
  start: 'POST /omni/start',
  frontId: 'POST /omni/add/front-id/v2',
  processId: 'POST /omni/process/id',
  selfie: 'POST /omni/add/face/third-party',
  processFace: 'POST /omni/process/face',
  onboarding: 'GET /omni/get/onboarding/status',
  finish: 'GET /omni/finish-status',
  score: 'GET /omni/get/score',
  ocr: 'GET /omni/get/ocr-data',
} as const;
export type RouteName = keyof typeof ROUTES;

export const ok = (body: unknown): Answer => ({ status: 200, body });

export const scoreBody = (overall: string, value = '100.0', extra: Record<string, unknown> = {}) => ({
  idValidation: { overall: { value: '100.0', status: 'OK' } },
  liveness: { overall: { value: '97.5', status: 'OK' }, livenessScore: { value: '97.5', status: 'OK' } },
  faceRecognition: { existingUser: false, overall: { value: '88.0', status: 'OK' } },
  overall: { value, status: overall },
  ...extra,
});

export const OCR_BODY = {
  name: { fullName: 'BUDI SANTOSO', firstName: 'BUDI' },
  address: 'JL. MERDEKA NO. 1\nRT 001/002',
  addressFields: { street: 'JL. MERDEKA NO. 1', city: 'JAKARTA SELATAN', state: 'DKI JAKARTA' },
  typeOfId: 'IdentificationCard',
  birthDate: 749606400000, // 1993-10-03T00:00:00Z
  gender: 'M',
  documentNumber: '3174010310930005',
  expireAt: '2549464802000',
  nationality: 'IDN',
  placeOfBirth: 'JAKARTA',
};

export const DEFAULT_ANSWERS: Readonly<Record<RouteName, Answer>> = {
  start: ok({ token: TOKEN, interviewId: INTERVIEW_ID, interviewCode: 'ABC123', env: 'demo' }),
  frontId: ok({
    classification: true,
    sharpness: 100,
    glare: 100,
    horizontalResolution: 600,
    readability: true,
    typeOfId: 'IdentificationCard',
    sessionStatus: 'Alive',
  }),
  processId: ok({ success: true }),
  selfie: ok({ confidence: 0, isBright: true, hasLenses: false, hasFaceMask: false, age: 31 }),
  processFace: ok({ confidence: 1, existingUser: false }),
  onboarding: ok({ onboardingStatus: 'ONBOARDING_FINISHED' }),
  finish: ok({ redirectionUrl: 'https://example.invalid/done', action: 'approved' }),
  score: ok(scoreBody('OK')),
  ocr: ok(OCR_BODY),
};

export interface FakeIncode {
  fetch: Fetch;
  seen: SeenRequest[];
  /** The route names of every request, in order ('?' for an unknown one). */
  calls(): string[];
  count(route: RouteName): number;
}

/** A 'network-error' is ECONNRESET unless told otherwise (the request may have reached Incode). */
export function fakeIncode(
  script: Partial<Record<RouteName, Answer | Route>> = {},
  options: ScriptedFetchOptions = {},
): FakeIncode {
  const names: string[] = [];
  const counts = new Map<string, number>();
  const { fetch, seen } = scriptedFetch(
    (request) => {
      const key = `${request.method} ${request.path}`;
      const name = (Object.keys(ROUTES) as RouteName[]).find((r) => ROUTES[r] === key);
      names.push(name ?? '?');
      if (!name) return { status: 404, body: { status: 404 } };
      const nth = counts.get(name) ?? 0;
      counts.set(name, nth + 1);
      const scripted = script[name] ?? DEFAULT_ANSWERS[name];
      return typeof scripted === 'function' ? scripted(request, nth) : scripted;
    },
    { networkErrorCode: 'ECONNRESET', ...options },
  );
  return {
    fetch,
    seen,
    calls: () => [...names],
    count: (route) => counts.get(route) ?? 0,
  };
}
