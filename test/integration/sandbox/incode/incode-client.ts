// A minimal Incode Omni client for the sandbox tests: raw HTTP calls, so the tests see status codes and
// exact bodies. (The kiosk's real client lives in main/providers/.)
import { SANDBOX_INCODE } from '../../../../main/sandbox/credentials';
import { type Reply, call } from '../identifai-client';

export type { Reply };

export const CLIENT_HEADERS = { 'x-api-key': SANDBOX_INCODE.apiKey, 'api-version': '1.0' } as const;

export function incode(baseUrl: string) {
  const base = `${baseUrl}/incode`;
  const request = (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) =>
    call(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const api = {
    base,
    request,
    start: (body: Record<string, unknown> = { countryCode: 'ALL' }) =>
      request('POST', '/omni/start', { ...CLIENT_HEADERS }, body),
    /** Starts a session and returns a client bound to its token. */
    async session(body: Record<string, unknown> = { countryCode: 'ALL' }) {
      const started = await api.start(body);
      if (started.status !== 200) throw new Error(`start: ${started.status} ${started.text}`);
      const token = String(started.json.token);
      const headers = { ...CLIENT_HEADERS, 'X-Incode-Hardware-Id': token };
      const image = (jpeg: Buffer) => ({ base64Image: jpeg.toString('base64') });
      return {
        token,
        interviewId: String(started.json.interviewId),
        started,
        headers,
        post: (path: string, body?: unknown) => request('POST', path, headers, body),
        get: (path: string) => request('GET', path, headers),
        addFront: (jpeg: Buffer) => request('POST', '/omni/add/front-id/v2', headers, image(jpeg)),
        addBack: (jpeg: Buffer) => request('POST', '/omni/add/back-id/v2', headers, image(jpeg)),
        processId: () => request('POST', '/omni/process/id', headers, {}),
        addSelfie: (jpeg: Buffer) =>
          request('POST', '/omni/add/face/third-party?imageType=selfie', headers, image(jpeg)),
        processFace: () => request('POST', '/omni/process/face?imageType=selfie', headers, {}),
        status: () => request('GET', '/omni/get/onboarding/status', headers),
        finish: () => request('GET', '/omni/finish-status', headers),
        score: (id?: string) => request('GET', `/omni/get/score${id ? `?id=${id}` : ''}`, headers),
        ocr: (id?: string) => request('GET', `/omni/get/ocr-data${id ? `?id=${id}` : ''}`, headers),
        /** Polls the onboarding status until it equals `wanted` (or the deadline passes). */
        async waitFor(wanted: string, timeoutMs = 10_000): Promise<string[]> {
          const seen: string[] = [];
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const reply = await request('GET', '/omni/get/onboarding/status', headers);
            const status = String(reply.json.onboardingStatus);
            if (seen.at(-1) !== status) seen.push(status);
            if (status === wanted) return seen;
            if (Date.now() > deadline) throw new Error(`still ${status}, wanted ${wanted}`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
      };
    },
  };
  return api;
}

export type IncodeSessionClient = Awaited<ReturnType<ReturnType<typeof incode>['session']>>;
