// Incode's OCR answer (/omni/get/ocr-data) onto Loket's OcrFields. The answer's fields vary per document;
// every one read here is optional, and anything unknown stays in the raw answer for audit. Pure.
import { isPlausibleNik } from '../../../common/nik';
import type { OcrFields } from '../../../common/record';
import { isObject } from './errors';

const GENDER: Readonly<Record<string, string>> = {
  M: 'LAKI-LAKI',
  MALE: 'LAKI-LAKI',
  F: 'PEREMPUAN',
  FEMALE: 'PEREMPUAN',
};

export function mapIncodeOcr(body: unknown): OcrFields {
  if (!isObject(body)) return {};
  const fields: OcrFields = {};
  const set = (field: keyof OcrFields, value: string | null) => {
    if (value && fields[field] === undefined) fields[field] = value;
  };

  // The NIK is kept only when it looks like one: a passport or licence number is not a NIK.
  for (const key of ['documentNumber', 'personalNumber', 'nik']) {
    const value = text(body[key])?.replace(/[\s.-]/g, '') ?? null;
    if (value && isPlausibleNik(value)) set('nik', value);
  }

  const name = body.name;
  if (isObject(name)) set('name', text(name.fullName) ?? text(name.machineReadableFullName));
  else set('name', text(name));

  set('birthPlace', text(body.placeOfBirth) ?? text(body.birthPlace));
  set('birthDate', date(body.birthDate));

  const gender = text(body.gender)?.toUpperCase();
  if (gender) set('sex', GENDER[gender] ?? null);

  set('address', text(body.address)?.replace(/\s*\n+\s*/g, ', ') ?? null);
  const address = body.addressFields;
  if (isObject(address)) {
    set('city', text(address.city));
    set('province', text(address.state));
  }

  set('validUntil', date(body.expireAt) ?? year(body.expirationDate));
  set('nationality', text(body.nationality));
  return fields;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/**
 * Epoch milliseconds (a number, or a numeric string as `expireAt` is) → 'DD-MM-YYYY' in UTC, the KTP's own
 * format. Other text (e.g. "SEUMUR HIDUP", valid for life) is kept as it is.
 */
export function date(value: unknown): string | null {
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  if (Number.isFinite(ms)) {
    // A bare year is not a date in milliseconds.
    if (Math.abs(ms) < 10_000) return null;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
  }
  return text(value);
}

/** `expirationDate` is a year (2024): kept as 'YYYY' when nothing more precise was read. */
function year(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 9999)
    return String(value);
  const t = text(value);
  return t && /^\d{4}$/.test(t) ? t : null;
}
