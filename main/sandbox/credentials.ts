// The sandbox's published test credentials (README lists them). Training mode uses these; they open
// nothing but the local sandbox.
export const SANDBOX_IDENTIFAI = {
  accessKey: 'LOKETSANDBOXACCESS0001',
  secretKey: 'loket-sandbox-secret-key',
} as const;
