// A deterministic specimen identity for "reading" a KTP in the sandbox. The same seed always gives the same
// person; the NIK is plausible (region codes that agree with the printed province/city/district, the birth
// date encoded with +40 on the day for women, a 4-digit serial). Names and places come from short lists.
import { createHash } from 'node:crypto';

export interface SpecimenIdentity {
  nik: string;
  name: string;
  birthPlace: string;
  /** DD-MM-YYYY, as KTP OCR answers print it. */
  birthDate: string;
  sex: 'LAKI-LAKI' | 'PEREMPUAN';
  bloodType: string;
  address: string;
  rtRw: string;
  village: string;
  district: string;
  city: string;
  province: string;
  religion: string;
  maritalStatus: string;
  occupation: string;
  nationality: string;
  validUntil: string;
}

interface Region {
  code: string; // province(2) + city(2)
  province: string;
  city: string;
  districts: ReadonlyArray<{ code: string; name: string; villages: readonly string[] }>;
}

const REGIONS: readonly Region[] = [
  {
    code: '3174',
    province: 'DKI JAKARTA',
    city: 'JAKARTA SELATAN',
    districts: [
      { code: '05', name: 'KEBAYORAN LAMA', villages: ['GROGOL UTARA', 'CIPULIR', 'PONDOK PINANG'] },
      { code: '07', name: 'KEBAYORAN BARU', villages: ['GANDARIA UTARA', 'MELAWAI', 'SENAYAN'] },
      { code: '10', name: 'TEBET', villages: ['MENTENG DALAM', 'TEBET TIMUR', 'KEBON BARU'] },
    ],
  },
  {
    code: '3273',
    province: 'JAWA BARAT',
    city: 'KOTA BANDUNG',
    districts: [
      { code: '01', name: 'SUKASARI', villages: ['GEGERKALONG', 'ISOLA', 'SARIJADI'] },
      { code: '14', name: 'COBLONG', villages: ['DAGO', 'LEBAKSIUH', 'SEKELOA'] },
    ],
  },
  {
    code: '3374',
    province: 'JAWA TENGAH',
    city: 'KOTA SEMARANG',
    districts: [
      { code: '03', name: 'SEMARANG TENGAH', villages: ['PEKUNDEN', 'KEMBANGSARI', 'MIROTO'] },
      { code: '11', name: 'BANYUMANIK', villages: ['SRONDOL WETAN', 'PUDAKPAYUNG', 'NGESREP'] },
    ],
  },
  {
    code: '3578',
    province: 'JAWA TIMUR',
    city: 'KOTA SURABAYA',
    districts: [
      { code: '09', name: 'GUBENG', villages: ['AIRLANGGA', 'MOJO', 'KERTAJAYA'] },
      { code: '16', name: 'WONOKROMO', villages: ['DARMO', 'NGAGEL', 'JAGIR'] },
    ],
  },
  {
    code: '5171',
    province: 'BALI',
    city: 'KOTA DENPASAR',
    districts: [{ code: '02', name: 'DENPASAR TIMUR', villages: ['SUMERTA', 'KESIMAN', 'DANGIN PURI'] }],
  },
  {
    code: '1801',
    province: 'LAMPUNG',
    city: 'KABUPATEN LAMPUNG SELATAN',
    districts: [{ code: '07', name: 'SIDOMULYO', villages: ['BANDAR DALAM', 'SIDODADI', 'SUKAMARGA'] }],
  },
];

const MALE_GIVEN = ['AHMAD', 'BUDI', 'DWI', 'EKO', 'HENDRA', 'IRFAN', 'JOKO', 'RIZKY', 'WAYAN', 'YUSUF'];
const FEMALE_GIVEN = ['ANISA', 'DEWI', 'FITRI', 'INDAH', 'KADEK', 'LESTARI', 'NUR', 'PUTRI', 'RATNA', 'SITI'];
const FAMILY = [
  'SANTOSO',
  'WIJAYA',
  'SAPUTRA',
  'HIDAYAT',
  'KUSUMA',
  'PRATAMA',
  'RAHMAWATI',
  'SETIAWAN',
  'LESTARI',
];
const BIRTH_PLACES = [
  'JAKARTA',
  'BANDUNG',
  'SEMARANG',
  'SURABAYA',
  'DENPASAR',
  'MEDAN',
  'PALEMBANG',
  'MAKASSAR',
];
const STREETS = ['JL. MELATI', 'JL. KENANGA', 'JL. MERDEKA', 'JL. SUDIRMAN', 'JL. DIPONEGORO', 'GG. MAWAR'];
const RELIGIONS = ['ISLAM', 'ISLAM', 'ISLAM', 'KRISTEN', 'KATHOLIK', 'HINDU', 'BUDDHA'];
const MARITAL = ['BELUM KAWIN', 'KAWIN', 'KAWIN', 'CERAI HIDUP'];
const OCCUPATIONS = [
  'KARYAWAN SWASTA',
  'WIRASWASTA',
  'PELAJAR/MAHASISWA',
  'PEGAWAI NEGERI SIPIL',
  'GURU',
  'PEDAGANG',
];
const BLOOD = ['A', 'B', 'AB', 'O', '-'];

/** A small deterministic generator over SHA-256 of the seed (re-hashed when exhausted). */
function picker(seed: string) {
  let block = createHash('sha256').update(seed).digest();
  let offset = 0;
  const next = (): number => {
    if (offset + 4 > block.length) {
      block = createHash('sha256').update(block).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
  return {
    int: (min: number, max: number) => min + (next() % (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[next() % list.length] as T,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function specimenIdentity(seed: string): SpecimenIdentity {
  const p = picker(seed);
  const region = p.pick(REGIONS);
  const district = p.pick(region.districts);
  const female = p.int(0, 1) === 1;
  const year = p.int(1960, 2004);
  const month = p.int(1, 12);
  const day = p.int(1, 28);
  const nik = `${region.code}${district.code}${pad(female ? day + 40 : day)}${pad(month)}${pad(year % 100)}${pad(p.int(1, 999), 4)}`;
  const given = p.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return {
    nik,
    name: `${given} ${p.pick(FAMILY)}`,
    birthPlace: p.pick(BIRTH_PLACES),
    birthDate: `${pad(day)}-${pad(month)}-${year}`,
    sex: female ? 'PEREMPUAN' : 'LAKI-LAKI',
    bloodType: p.pick(BLOOD),
    address: `${p.pick(STREETS)} NO. ${p.int(1, 120)}`,
    rtRw: `${pad(p.int(1, 15), 3)}/${pad(p.int(1, 12), 3)}`,
    village: p.pick(district.villages),
    district: district.name,
    city: region.city,
    province: region.province,
    religion: p.pick(RELIGIONS),
    maritalStatus: p.pick(MARITAL),
    occupation: p.pick(OCCUPATIONS),
    nationality: 'WNI',
    validUntil: 'SEUMUR HIDUP',
  };
}
