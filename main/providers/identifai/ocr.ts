// OCR_KTP fields onto Loket's OcrFields. Current answers use snake_case keys; older docs show the card's own
// labels ("NIK", "Tempat/Tgl Lahir", "Kel/Desa", and the kabupaten/kota under an empty key). Pure.
import type { OcrFields } from '../../../common/record';
import { isObject } from './errors';

type Field = keyof OcrFields;

const SNAKE: Readonly<Record<string, Field>> = {
  nik: 'nik',
  nama: 'name',
  tempat_lahir: 'birthPlace',
  tanggal_lahir: 'birthDate',
  jenis_kelamin: 'sex',
  golongan_darah: 'bloodType',
  alamat: 'address',
  rt_rw: 'rtRw',
  kelurahan_desa: 'village',
  kecamatan: 'district',
  kabupaten_kota: 'city',
  provinsi: 'province',
  agama: 'religion',
  status_perkawinan: 'maritalStatus',
  pekerjaan: 'occupation',
  kewarganegaraan: 'nationality',
  berlaku_hingga: 'validUntil',
};

/** Legacy labels, compared lower-case with spaces and punctuation dropped ("Gol. Darah" → "goldarah"). */
const LEGACY: Readonly<Record<string, Field>> = {
  nik: 'nik',
  nama: 'name',
  tempatlahir: 'birthPlace',
  tgllahir: 'birthDate',
  tanggallahir: 'birthDate',
  jeniskelamin: 'sex',
  goldarah: 'bloodType',
  golongandarah: 'bloodType',
  alamat: 'address',
  rtrw: 'rtRw',
  keldesa: 'village',
  kelurahandesa: 'village',
  kecamatan: 'district',
  kabupatenkota: 'city',
  kabkota: 'city',
  '': 'city',
  provinsi: 'province',
  agama: 'religion',
  statusperkawinan: 'maritalStatus',
  pekerjaan: 'occupation',
  kewarganegaraan: 'nationality',
  berlakuhingga: 'validUntil',
};

const squash = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

/** Reads every field it recognises from the job's result items; unknown keys are ignored (kept in `raw`). */
export function mapOcrFields(items: readonly unknown[]): OcrFields {
  const fields: OcrFields = {};
  for (const item of items) {
    if (!isObject(item)) continue;
    // Tolerate one level of wrapping, e.g. `{ocr_ktp: {...}}`.
    const sources = [item, ...Object.values(item).filter(isObject)];
    for (const source of sources) readInto(fields, source);
  }
  return fields;
}

function readInto(fields: OcrFields, source: Record<string, unknown>): void {
  for (const [key, raw] of Object.entries(source)) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (!value) continue;
    if (squash(key) === 'tempattgllahir') {
      Object.assign(fields, splitBirth(value, fields));
      continue;
    }
    const field = SNAKE[key] ?? LEGACY[squash(key)];
    if (field && fields[field] === undefined) fields[field] = value;
  }
}

/** "JAKARTA, 03-10-1993" → place and date; the date is the trailing DD-MM-YYYY, the place what precedes it. */
function splitBirth(value: string, fields: OcrFields): OcrFields {
  const m = /^(.*?)[\s,]*(\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/.exec(value);
  const place = (m ? (m[1] ?? '') : value).replace(/,\s*$/, '').trim();
  const date = m?.[2] ?? '';
  const out: OcrFields = {};
  if (place && fields.birthPlace === undefined) out.birthPlace = place;
  if (date && fields.birthDate === undefined) out.birthDate = date;
  return out;
}
