// One redaction pass for everything that reaches a log or crosses the bridge: no key, token, NIK or image
// may leave main in a message. Known secret values (registered when credentials are loaded) are masked
// wherever they appear; the patterns catch what we cannot know in advance.
import { NIK_IN_TEXT } from '../../common/nik';

const knownSecrets = new Set<string>();

/** Register a value (API key, token) that must never appear in a log line or error message. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) knownSecrets.add(value);
}

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=]+/gi, 'data:image/[redacted]'],
  [/[A-Za-z0-9+/]{200,}={0,2}/g, '[redacted-base64]'],
  [/(NODEFLUX-HMAC-SHA256\s+)[^\s"']+(?:[^"'\n]*)/g, '$1[redacted]'],
  [/(Signature=)[0-9a-f]+/gi, '$1[redacted]'],
  [
    /("?(?:secret_?key|secretKey|access_?key|accessKey|apiKey|api_key|token|submission_token|Token|x-api-key|x-hmac-signature|authorization|X-Incode-Hardware-Id)"?\s*[:=]\s*"?)[^",\s}]+/gi,
    '$1[redacted]',
  ],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Z0-9]{16}\b/g, '[redacted-token]'],
  [NIK_IN_TEXT, '[redacted-nik]'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A redacted, single-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redact(`${error.name}: ${error.message}`);
  return redact(String(error));
}
