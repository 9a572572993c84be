// The keychain's public face. keytar itself loads on first use, so importing this never touches the keychain.
export type { SecretStore } from './secret-store';
export {
  DEFAULT_KEYCHAIN_SERVICE,
  keychainService,
  KeytarSecretStore,
  type KeytarStoreOptions,
} from './keytar-store';
export { MemorySecretStore } from './memory-store';
export { DATA_KEY_ACCOUNT, loadOrCreateDataKey } from './data-key';
export {
  CREDENTIAL_PROVIDERS,
  CREDENTIAL_SCHEMAS,
  deleteCredentials,
  listCredentialProviders,
  loadCredentials,
  needsCredentials,
  saveCredentials,
  type CredentialProvider,
  type CredentialsFor,
} from './credentials';
export { CredentialsMissingError, InvalidCredentialsError, KeychainUnavailableError } from './errors';
