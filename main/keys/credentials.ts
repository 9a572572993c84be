// Provider credentials: one JSON value per provider in the SecretStore, validated on the way in and on the
// way out. Every value loaded or saved is registered with the log redactor, so it can never reach a log line.
import { z } from 'zod';
import type { ProviderName } from '../../common/providers';
import { registerCredential } from '../lib/redact';
import { CredentialsMissingError, InvalidCredentialsError } from './errors';
import type { SecretStore } from './secret-store';

const Key = z.string().trim().min(1, 'must not be empty');

/** The sandbox (training mode) needs none: it uses its own published test keys. */
export const CREDENTIAL_SCHEMAS = {
  identifai: z.strictObject({ accessKey: Key, secretKey: Key }),
  incode: z.strictObject({ apiKey: Key }),
  faceverify: z.strictObject({ clientId: Key, secretKey: Key }),
} as const satisfies Partial<Record<ProviderName, z.ZodType>>;

export type CredentialProvider = keyof typeof CREDENTIAL_SCHEMAS;
export type CredentialsFor<P extends CredentialProvider> = z.output<(typeof CREDENTIAL_SCHEMAS)[P]>;

export const CREDENTIAL_PROVIDERS = Object.keys(CREDENTIAL_SCHEMAS) as CredentialProvider[];

export function needsCredentials(provider: string): provider is CredentialProvider {
  return Object.hasOwn(CREDENTIAL_SCHEMAS, provider);
}

/** The shape a provider expects, as a JSON example with placeholders: for the CLI's help. */
export function exampleJson(provider: CredentialProvider): string {
  return `{ ${fieldsOf(provider)
    .map((field) => `"${field}": "…"`)
    .join(', ')} }`;
}

/** The same in words, for error messages: unlike the example, it survives the log redactor intact. */
export function expectedShape(provider: CredentialProvider): string {
  return `a JSON object with exactly these non-empty text fields: ${fieldsOf(provider).join(', ')}`;
}

const fieldsOf = (provider: CredentialProvider): string[] => Object.keys(CREDENTIAL_SCHEMAS[provider].shape);

/** Validates and stores; throws InvalidCredentialsError without repeating any of the values given. */
export async function saveCredentials<P extends CredentialProvider>(
  store: SecretStore,
  provider: P,
  json: unknown,
): Promise<CredentialsFor<P>> {
  const credentials = validate(provider, json);
  registerAll(credentials);
  await store.set(provider, JSON.stringify(credentials));
  return credentials;
}

/** The provider's credentials; CredentialsMissingError when none are stored. */
export async function loadCredentials<P extends CredentialProvider>(
  store: SecretStore,
  provider: P,
): Promise<CredentialsFor<P>> {
  const stored = await store.get(provider);
  if (stored === null) throw new CredentialsMissingError(provider);
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    throw new InvalidCredentialsError(provider, ['the stored value is not JSON'], expectedShape(provider));
  }
  const credentials = validate(provider, json);
  registerAll(credentials);
  return credentials;
}

export async function deleteCredentials(store: SecretStore, provider: CredentialProvider): Promise<boolean> {
  return store.delete(provider);
}

/** The providers that have something stored (whether or not it is still valid). */
export async function listCredentialProviders(store: SecretStore): Promise<CredentialProvider[]> {
  return (await store.list()).filter(needsCredentials);
}

function validate<P extends CredentialProvider>(provider: P, json: unknown): CredentialsFor<P> {
  const result = CREDENTIAL_SCHEMAS[provider].safeParse(json);
  if (result.success) return result.data as CredentialsFor<P>;
  throw new InvalidCredentialsError(
    provider,
    result.error.issues.map(describeIssue),
    expectedShape(provider),
  );
}

/** Zod's messages name types and lengths, never the input, so they are safe to show; an unknown key is named
 *  only when it looks like a field name, since a pasted secret can end up as a key. The dash (not a colon)
 *  keeps the log redactor's `apiKey: value` pattern from swallowing the message. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the value';
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.filter((key) => /^[A-Za-z_]{1,24}$/.test(key));
    const unnamed = issue.keys.length - named.length;
    const parts = [...named.map((key) => `"${key}"`), ...(unnamed ? [`${unnamed} other`] : [])];
    return `unexpected field ${parts.join(', ')}`;
  }
  return `${where} — ${issue.message}`;
}

function registerAll(credentials: Record<string, string>): void {
  for (const value of Object.values(credentials)) registerCredential(value);
}
