// NIK (Nomor Induk Kependudukan): 16 digits — province(2) city(2) district(2) birth date(6, day + 40 for
// women) serial(4). Used to validate OCR output and to mask it wherever a person's number must not show.

const NIK_PATTERN = /^\d{16}$/;

export function isPlausibleNik(value: string): boolean {
  if (!NIK_PATTERN.test(value)) return false;
  const day = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  return dayOfMonth >= 1 && dayOfMonth <= 31 && month >= 1 && month <= 12;
}

/** Keeps the region code and the last two digits: enough for staff to compare, useless to anyone else. */
export function maskNik(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 6) + value.slice(-2);
}

/** Any 16-digit run in free text (log lines, error messages) is treated as a NIK. */
export const NIK_IN_TEXT = /(?<!\d)\d{16}(?!\d)/g;
