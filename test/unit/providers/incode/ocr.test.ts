// Incode's OCR answer onto Loket's KTP fields.
import { describe, expect, it } from 'vitest';
import { mapIncodeOcr } from '../../../../main/providers/incode/ocr';
import { OCR_BODY } from './fake-incode';

describe('mapIncodeOcr', () => {
  it('maps every field the brief names', () => {
    expect(mapIncodeOcr(OCR_BODY)).toEqual({
      nik: '3174010310930005',
      name: 'BUDI SANTOSO',
      birthPlace: 'JAKARTA',
      birthDate: '03-10-1993',
      sex: 'LAKI-LAKI',
      address: 'JL. MERDEKA NO. 1, RT 001/002',
      city: 'JAKARTA SELATAN',
      province: 'DKI JAKARTA',
      validUntil: '15-10-2050',
      nationality: 'IDN',
    });
  });

  it('a documentNumber that is not a plausible NIK is not a NIK', () => {
    expect(mapIncodeOcr({ documentNumber: 'S3441243' }).nik).toBeUndefined();
    expect(mapIncodeOcr({ documentNumber: '1234567890123456' }).nik).toBeUndefined(); // month 90
    expect(mapIncodeOcr({ documentNumber: '3174 0103 1093 0005' }).nik).toBe('3174010310930005');
    expect(mapIncodeOcr({ personalNumber: '3174015310930005' }).nik).toBe('3174015310930005');
  });

  it('F → PEREMPUAN; an unknown gender is left out', () => {
    expect(mapIncodeOcr({ gender: 'F' }).sex).toBe('PEREMPUAN');
    expect(mapIncodeOcr({ gender: 'X' }).sex).toBeUndefined();
  });

  it('birthDate is read in UTC, whatever the local zone', () => {
    // 1990-01-01T23:30:00Z: a zone east of UTC would already be on the 2nd.
    expect(mapIncodeOcr({ birthDate: Date.UTC(1990, 0, 1, 23, 30) }).birthDate).toBe('01-01-1990');
    expect(mapIncodeOcr({ birthDate: String(Date.UTC(1990, 0, 1)) }).birthDate).toBe('01-01-1990');
  });

  it('validUntil: expireAt wins, then the expirationDate year, then words as they are', () => {
    expect(mapIncodeOcr({ expireAt: '2549464802000', expirationDate: 2024 }).validUntil).toBe('15-10-2050');
    expect(mapIncodeOcr({ expirationDate: 2024 }).validUntil).toBe('2024');
    expect(mapIncodeOcr({ expireAt: 'SEUMUR HIDUP' }).validUntil).toBe('SEUMUR HIDUP');
  });

  it('tolerates nulls, a name as plain text, and answers that are not objects', () => {
    expect(
      mapIncodeOcr({ name: 'ALEX GINMAN', nationality: null, addressFields: null, gender: null }),
    ).toEqual({
      name: 'ALEX GINMAN',
    });
    expect(mapIncodeOcr({ name: { fullName: null, machineReadableFullName: 'GINMAN<<ALEX' } }).name).toBe(
      'GINMAN<<ALEX',
    );
    expect(mapIncodeOcr(null)).toEqual({});
    expect(mapIncodeOcr('text')).toEqual({});
  });
});
