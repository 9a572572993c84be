// A person's records must be findable by their NIK, so a deletion request (Indonesia's personal data law
// treats biometrics as specific data) reaches every record of theirs. The NIK already sits inside ocr_json;
// this copies it into its own indexed column. No encryption of its own: the whole file is encrypted at rest.
// Rows saved before this migration are backfilled with the same rule the code applies on every save
// (16 digits, a real month, a day 1–31 or 41–71), spelled out in SQL because a migration is frozen.
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'record-nik',
  up(db) {
    db.exec(`
      ALTER TABLE records ADD COLUMN nik TEXT;

      UPDATE records SET nik = json_extract(ocr_json, '$.nik')
      WHERE ocr_json IS NOT NULL
        AND json_type(ocr_json, '$.nik') = 'text'
        AND length(json_extract(ocr_json, '$.nik')) = 16
        AND json_extract(ocr_json, '$.nik') NOT GLOB '*[^0-9]*'
        AND CAST(substr(json_extract(ocr_json, '$.nik'), 9, 2) AS INTEGER) BETWEEN 1 AND 12
        AND (CAST(substr(json_extract(ocr_json, '$.nik'), 7, 2) AS INTEGER) BETWEEN 1 AND 31
          OR CAST(substr(json_extract(ocr_json, '$.nik'), 7, 2) AS INTEGER) BETWEEN 41 AND 71);

      CREATE INDEX records_nik ON records (nik) WHERE nik IS NOT NULL;
    `);
  },
};
