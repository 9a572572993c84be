// A minimal IdentifAI client for the sandbox tests: the raw HTTP calls, so the tests see status codes and
// exact bodies. (The kiosk's real client lives in main/providers/.)
import { SANDBOX_IDENTIFAI } from '../../../main/sandbox/credentials';
import { formatAuthorization } from '../../../main/sandbox/identifai/signature';

export interface Reply {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function identifai(baseUrl: string) {
  const base = `${baseUrl}/identifai`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const api = {
    base,
    post,
    get: (path: string, headers: Record<string, string> = {}) => call(`${base}${path}`, { headers }),
    signature: (
      accessKey: string = SANDBOX_IDENTIFAI.accessKey,
      secretKey: string = SANDBOX_IDENTIFAI.secretKey,
    ) => post('/public/auth/v1/signatures', { access_key: accessKey, secret_key: secretKey }),
    /** The HMAC header pair, from a fresh signature. */
    async hmacHeaders(): Promise<Record<string, string>> {
      const sig = await api.signature();
      const timestamp = (sig.json.headers as Record<string, string>)['x-nodeflux-timestamp'] ?? '';
      return {
        authorization: formatAuthorization(SANDBOX_IDENTIFAI.accessKey, timestamp, String(sig.json.token)),
        'x-nodeflux-timestamp': timestamp,
      };
    },
    async submissionToken(): Promise<string> {
      const reply = await post('/auth/v1/submission_tokens', undefined, await api.hmacHeaders());
      if (reply.status !== 200) throw new Error(`submission token: ${reply.status} ${reply.text}`);
      return String(reply.json.submission_token);
    },
    analytics: (slug: string, body: unknown, authorization: string | Record<string, string>) =>
      post(
        `/v1/analytics/${slug}`,
        body,
        typeof authorization === 'string' ? { authorization } : authorization,
      ),
    job: (id: string, authorization: string | Record<string, string>) =>
      api.get(`/v1/jobs/${id}`, typeof authorization === 'string' ? { authorization } : authorization),
    /** Submits with a fresh submission token and polls the job until it is no longer "on going". */
    async run(
      slug: string,
      body: unknown,
      timeoutMs = 20_000,
    ): Promise<{ submitted: Reply; final: Reply; polls: number }> {
      const token = await api.submissionToken();
      const submitted = await api.analytics(slug, body, token);
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
      const id = String(submitted.json.job_id);
      const deadline = Date.now() + timeoutMs;
      for (let polls = 1; ; polls++) {
        const final = await api.job(id, token);
        const status = (final.json.job as { result: { status: string } } | undefined)?.result.status ?? '';
        if (final.status !== 200 || status !== 'on going') return { submitted, final, polls };
        if (Date.now() > deadline) throw new Error('job still on going');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return api;
}

export type JobResult = {
  status: string;
  analytic_type: string;
  result: Array<Record<string, Record<string, unknown>>>;
};

export function jobResult(reply: Reply): JobResult {
  return (reply.json.job as { result: JobResult }).result;
}
