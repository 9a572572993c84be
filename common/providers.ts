// Which verification service a kiosk uses. `sandbox` is training mode: the IdentifAI protocol against the
// built-in sandbox server on loopback, with its published test credentials.
export const PROVIDER_NAMES = ['sandbox', 'identifai', 'incode', 'faceverify'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** The name a customer is told processes their data (the consent text) and staff see on screen. */
export const PROVIDER_DISPLAY_NAMES: Readonly<Record<ProviderName, string>> = {
  sandbox: 'Loket training sandbox (on this kiosk; nobody is really verified)',
  identifai: 'IdentifAI (Nodeflux)',
  incode: 'Incode Technologies',
  faceverify: 'faceverify.ai',
};
