// The two-digit province codes that open every NIK: Kemendagri's codes for the 38 provinces ("Kode dan Data
// Wilayah Administrasi Pemerintahan"), as listed by Kepmendagri No. 300.2.2-2138 Tahun 2025 and, before it,
// No. 100.1.1-6117 Tahun 2022, which added the provinces made from Papua in 2022 (UU 14, 15 and 16/2022:
// Papua Selatan 93, Papua Tengah 94, Papua Pegunungan 95; UU 29/2022: Papua Barat Daya 96). Checked against
// the decree's table as republished in github.com/cahyadsn/wilayah (README, "Data Kepmendagri No
// 300.2.2-2138 Tahun 2025"). These are Kemendagri's (Dukcapil's) codes, which the NIK uses, not BPS's
// statistical ones (BPS numbers the Papua provinces differently). A person keeps their NIK when their
// province is split, so every code stays valid once issued.
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

export function isProvinceCode(code: string): boolean {
  return Object.hasOwn(PROVINCE_CODES, code);
}
