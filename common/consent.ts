// The consent a self-service customer reads and accepts before the camera opens (UU PDP 27/2022: biometric
// data is specific personal data, processed only with explicit consent that may be withdrawn). The text is
// versioned: every record stores the version, language and time of the consent it was made under, so a
// change of wording is a new version here, never an edit in place. The retention periods and the provider
// are filled in from the kiosk's settings. Pure, so the wording is tested and reviewed as text.
import { z } from 'zod';

/** Bump on any change to the wording below (records keep the version they were made under). */
export const CONSENT_VERSION = '1';
export const CONSENT_LANGUAGES = ['id', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

export const CONSENT_SECTIONS = ['collected', 'purpose', 'retention', 'processor', 'rights'] as const;

export const ConsentDocumentSchema = z.object({
  version: z.string(),
  language: z.enum(CONSENT_LANGUAGES),
  title: z.string(),
  sections: z.array(z.object({ id: z.enum(CONSENT_SECTIONS), heading: z.string(), body: z.string() })),
});
export type ConsentDocument = z.infer<typeof ConsentDocumentSchema>;

/** What the customer accepted, as the renderer sends it with verification.start. */
export const ConsentAcceptanceSchema = z
  .object({ version: z.string().min(1).max(32), language: z.enum(CONSENT_LANGUAGES) })
  .strict();
export type ConsentAcceptance = z.infer<typeof ConsentAcceptanceSchema>;

export interface ConsentFacts {
  /** Who processes the photos: the configured provider's display name. */
  processor: string;
  imageDays: number;
  recordDays: number;
  abandonedDays: number;
}

export function consentDocument(language: ConsentLanguage, facts: ConsentFacts): ConsentDocument {
  const words = language === 'id' ? indonesian(facts) : english(facts);
  return {
    version: CONSENT_VERSION,
    language,
    title: words.title,
    sections: CONSENT_SECTIONS.map((id) => ({ id, heading: words[id][0], body: words[id][1] })),
  };
}

type Words = { title: string } & Record<(typeof CONSENT_SECTIONS)[number], readonly [string, string]>;

const days = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function indonesian(f: ConsentFacts): Words {
  return {
    title: 'Persetujuan pemrosesan data pribadi',
    collected: [
      'Data yang dikumpulkan',
      'Foto KTP Anda, foto wajah Anda, dan data yang terbaca dari KTP (antara lain NIK, nama, tempat dan ' +
        'tanggal lahir, jenis kelamin, dan alamat). Foto wajah adalah data biometrik, yang termasuk data ' +
        'pribadi yang bersifat spesifik menurut UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
    ],
    purpose: [
      'Tujuan',
      'Memastikan bahwa Anda adalah pemilik KTP tersebut (pencocokan wajah dan pemeriksaan keaktifan ' +
        'wajah) untuk layanan bank yang Anda ajukan, dan menyimpan bukti pemeriksaan tersebut.',
    ],
    retention: [
      'Lama penyimpanan',
      `Foto disimpan ${days(f.imageDays, 'hari', 'hari')} setelah pemeriksaan selesai; data yang terbaca ` +
        `dan hasil pemeriksaan disimpan ${days(f.recordDays, 'hari', 'hari')}. Jika Anda berhenti sebelum ` +
        'mengirim, semua yang sudah diambil dihapus saat Anda meninggalkan kios (paling lambat ' +
        `${days(f.abandonedDays, 'hari', 'hari')} kemudian). Semua data disimpan terenkripsi di kios ini.`,
    ],
    processor: [
      'Pemroses data',
      `Foto dan data Anda dikirim ke ${f.processor} untuk diperiksa, atas nama bank ini.`,
    ],
    rights: [
      'Hak Anda',
      'Anda dapat menolak: tidak ada yang disimpan. Anda dapat menarik persetujuan dan meminta data Anda ' +
        'dihapus kapan saja di loket cabang ini atau melalui layanan pelanggan bank, dengan menyebutkan ' +
        'kode referensi yang ditampilkan di akhir atau NIK Anda.',
    ],
  };
}

function english(f: ConsentFacts): Words {
  return {
    title: 'Consent to processing your personal data',
    collected: [
      'What is collected',
      'A photo of your ID card (KTP), a photo of your face, and the details read from the card (among them ' +
        'your NIK, name, place and date of birth, sex and address). Your face photo is biometric data, ' +
        'which Indonesian law (UU 27/2022 on Personal Data Protection) treats as specific personal data.',
    ],
    purpose: [
      'Why',
      'To confirm that you are the holder of the ID card (a face match and a liveness check) for the bank ' +
        'service you are applying for, and to keep a record of that check.',
    ],
    retention: [
      'For how long',
      `The photos are kept for ${days(f.imageDays, 'day', 'days')} after the check; the details read and ` +
        `the result for ${days(f.recordDays, 'day', 'days')}. If you stop before sending, everything taken ` +
        `is deleted when you walk away (at the latest ${days(f.abandonedDays, 'day', 'days')} later). ` +
        'Everything is stored encrypted on this kiosk.',
    ],
    processor: [
      'Who processes it',
      `Your photos and details are sent to ${f.processor} to be checked, on behalf of this bank.`,
    ],
    rights: [
      'Your rights',
      'You may decline: then nothing is stored. You may withdraw your consent and ask for your data to be ' +
        'deleted at any time at this branch’s counter or through the bank’s customer service, quoting the ' +
        'reference code shown at the end or your NIK.',
    ],
  };
}
