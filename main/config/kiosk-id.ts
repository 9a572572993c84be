// The kiosk's id, written on every record and in the audit log. A branch names its kiosks in settings.json;
// without a name the machine's host name stands in, cut down to the characters an id may hold, so two
// kiosks left unnamed still differ.
export const KIOSK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** 'kiosk-' and the host name's letters, digits, dots and dashes (lower case), or 'kiosk' without one. */
export function defaultKioskId(host: string): string {
  const cleaned = host
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 58);
  return cleaned ? `kiosk-${cleaned}` : 'kiosk';
}
