// `GET /omni/get/ocr-data` for a KTP (PROTOCOLS 3.6: dynamic, fields vary per document). The identity is a
// specimen (../ocr/specimen.ts) chosen by the front image's difference hash; the printed text is not read.
// Mapping: documentNumber = NIK; birthDate = UTC midnight of the printed date, epoch ms (number); gender M/F;
// address = three lines (street, RT/RW + village, district/city/province); issuingState = province;
// issuingAuthority = city. A KTP is valid for life ("SEUMUR HIDUP"): expireAt is 9999-12-31 (epoch-ms string)
// and expirationDate 9999 — how Incode itself reports a lifetime document is [UNCONFIRMED]; issue dates are
// not on the specimen, so issuedAt/issueDate are null.
import { type SpecimenIdentity, specimenIdentity } from '../ocr/specimen';

export const LIFETIME_EXPIRY_MS = Date.UTC(9999, 11, 31);

/** `DD-MM-YYYY` → UTC epoch milliseconds. */
export function printedDateToEpochMs(date: string): number {
  const [day, month, year] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export function ocrBody(specimenSeed: string) {
  const id: SpecimenIdentity = specimenIdentity(specimenSeed);
  const [given = '', ...rest] = id.name.split(' ');
  const family = rest.length > 0 ? rest.join(' ') : null;
  return {
    name: {
      fullName: id.name,
      firstName: given,
      givenName: given,
      paternalLastName: family,
      maternalLastName: null,
      middleName: null,
      nameSuffix: null,
      machineReadableFullName: null,
      givenNameMrz: null,
      lastNameMrz: null,
    },
    address: `${id.address}\nRT/RW ${id.rtRw} ${id.village}\n${id.district}, ${id.city}, ${id.province}`,
    addressFields: {
      street: `${id.address} RT/RW ${id.rtRw}`,
      colony: id.village,
      postalCode: null,
      city: id.city,
      state: id.province,
    },
    typeOfId: 'IdentificationCard',
    documentFrontSubtype: null,
    documentBackSubtype: null,
    birthDate: printedDateToEpochMs(id.birthDate),
    gender: id.sex === 'PEREMPUAN' ? 'F' : 'M',
    documentNumber: id.nik,
    personalNumber: null,
    refNumber: null,
    taxIdNumber: null,
    issuedAt: null,
    expireAt: String(LIFETIME_EXPIRY_MS),
    expirationDate: 9999,
    issueDate: null,
    additionalTimestamps: null,
    issuingCountry: 'IDN',
    issuingState: id.province,
    issuingAuthority: id.city,
    nationality: id.nationality === 'WNI' ? 'IDN' : null,
    nationalityMrz: null,
    dlClassDetails: null,
    restrictions: null,
    ocrDataConfidence: { birthDateConfidence: 0.99, nameConfidence: 0.98, documentNumberConfidence: 0.99 },
  };
}
