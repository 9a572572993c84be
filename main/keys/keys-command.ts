// `npm run keys -- set|list|delete`: the operator's way to put provider keys into the OS keychain. Values
// come in on stdin (never as arguments, which end up in shell history and `ps`) and are never printed back.
import { isProviderName } from '../../common/providers';
import { describeError } from '../lib/redact';
import {
  CREDENTIAL_PROVIDERS,
  deleteCredentials,
  exampleJson,
  expectedShape,
  listCredentialProviders,
  needsCredentials,
  saveCredentials,
  type CredentialProvider,
} from './credentials';
import { InvalidCredentialsError, KeychainUnavailableError } from './errors';
import type { SecretStore } from './secret-store';

export const EXIT_OK = 0;
/** The command was right but could not be done: keychain locked, nothing to delete. */
export const EXIT_FAILED = 1;
/** The command or its input was wrong: unknown command or provider, bad JSON, wrong shape. */
export const EXIT_USAGE = 2;

export interface KeysCommandIo {
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** Opened only when a command needs it, so usage errors never touch the keychain. */
  openStore(): SecretStore;
}

export const USAGE = [
  'usage: npm run keys -- set PROVIDER      read the credentials JSON from stdin and store it',
  '       npm run keys -- list              print the providers that have credentials',
  '       npm run keys -- delete PROVIDER   remove a provider’s credentials',
  '',
  'PROVIDER and the JSON it expects:',
  ...CREDENTIAL_PROVIDERS.map((provider) => `  ${provider.padEnd(11)} ${exampleJson(provider)}`),
  'The sandbox (training mode) needs no credentials.',
].join('\n');

export async function runKeysCommand(args: readonly string[], io: KeysCommandIo): Promise<number> {
  const [command, provider, ...extra] = args;
  try {
    switch (command) {
      case 'set':
      case 'delete': {
        if (extra.length > 0) return usage(io, `unexpected arguments after ${command} ${provider ?? ''}`);
        const checked = checkProvider(io, provider);
        if (typeof checked === 'number') return checked;
        return command === 'set' ? await set(io, checked) : await remove(io, checked);
      }
      case 'list':
        if (provider !== undefined) return usage(io, 'list takes no arguments');
        return await list(io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      default:
        return usage(io, command === undefined ? 'no command given' : `unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof KeychainUnavailableError) {
      io.err(`error: ${error.message}`);
      return EXIT_FAILED;
    }
    io.err(`error: ${describeError(error)}`);
    return EXIT_FAILED;
  }
}

async function set(io: KeysCommandIo, provider: CredentialProvider): Promise<number> {
  let text: string;
  try {
    text = await io.readStdin();
  } catch (error) {
    io.err(`error: could not read stdin: ${describeError(error)}`);
    return EXIT_USAGE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the input, which may be a key: say only what is wrong.
    io.err(`error: stdin is not valid JSON. Expected ${expectedShape(provider)}`);
    return EXIT_USAGE;
  }
  try {
    await saveCredentials(io.openStore(), provider, json);
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    io.err(`error: ${error.message}`);
    return EXIT_USAGE;
  }
  io.out(`Stored credentials for ${provider}.`);
  return EXIT_OK;
}

async function list(io: KeysCommandIo): Promise<number> {
  const providers = await listCredentialProviders(io.openStore());
  if (providers.length === 0) io.err('No provider has credentials stored.');
  for (const provider of providers) io.out(provider);
  return EXIT_OK;
}

async function remove(io: KeysCommandIo, provider: CredentialProvider): Promise<number> {
  if (await deleteCredentials(io.openStore(), provider)) {
    io.out(`Deleted the credentials for ${provider}.`);
    return EXIT_OK;
  }
  io.err(`error: no credentials were stored for ${provider}.`);
  return EXIT_FAILED;
}

function checkProvider(io: KeysCommandIo, provider: string | undefined): CredentialProvider | number {
  if (provider === undefined) return usage(io, 'which provider?');
  if (needsCredentials(provider)) return provider;
  if (isProviderName(provider)) return usage(io, `${provider} needs no credentials`);
  return usage(io, `unknown provider '${provider}'`);
}

function usage(io: KeysCommandIo, problem: string): number {
  io.err(`error: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}
