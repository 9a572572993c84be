// The sandbox's published test credentials (README lists them). Training mode uses these; they open
// nothing but the local sandbox.
export const SANDBOX_IDENTIFAI = {
  accessKey: 'LOKETSANDBOXACCESS0001',
  secretKey: 'loket-sandbox-secret-key',
} as const;
export const SANDBOX_FACEVERIFY = {
  clientId: 'loket-sandbox-client',
  secretKey: 'loket-sandbox-faceverify-secret',
} as const;
export const SANDBOX_INCODE = { apiKey: 'loket-sandbox-incode-key' } as const;
