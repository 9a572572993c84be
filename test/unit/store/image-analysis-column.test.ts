// Migration 007-image-analysis: each photo keeps what the capture check measured on it, as JSON; photos from
// before it have none; a photo replaced by a retake replaces its analysis too.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { PhotoAnalysis } from '../../../common/capture/precheck';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import { createRecord, getImageAnalyses, getImages, putImage } from '../../../main/store/records';
import { T0, tempStore } from './temp-store';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
const selfie: PhotoAnalysis = {
  kind: 'selfie',
  faceCount: 1,
  face: { score: 0.99, widthFraction: 0.24, saturation: 0.37, yaw: 1, pitch: 6 },
  measures: { sharpness: 2000, meanLuma: 133, p95Luma: 216, glare: 0 },
};
const analysisMigration = MIGRATIONS.find((m) => m.name === 'image-analysis');

describe('the image analysis column', () => {
  it('adds a nullable JSON column and keeps the photos stored before it', () => {
    if (!analysisMigration) throw new Error('no image-analysis migration');
    const db = new Database(':memory:');
    try {
      const before = MIGRATIONS.slice(0, analysisMigration.version - 1);
      migrate(db, before);
      db.prepare(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status) VALUES ('OLD0000001', '${T0}', '${T0}', 'assisted', 'sandbox', 'captured')`,
      ).run();
      db.prepare(`INSERT INTO record_images VALUES ('OLD0000001', 'selfie', 'image/jpeg', ?, '${T0}')`).run(
        JPEG,
      );
      expect(migrate(db, [...before, analysisMigration])).toEqual([analysisMigration.version]);
      expect(db.prepare(`SELECT kind, analysis_json FROM record_images`).all()).toEqual([
        { kind: 'selfie', analysis_json: null },
      ]);
      expect(() => db.prepare(`UPDATE record_images SET analysis_json = 'not json'`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('stores and reads an analysis beside its photo, and a retake replaces it', () => {
    const store = tempStore();
    createRecord(store, { id: 'ANALYSIS01', mode: 'assisted', provider: 'sandbox', now: T0 });
    putImage(store, 'ANALYSIS01', 'selfie', JPEG, T0, selfie);
    putImage(store, 'ANALYSIS01', 'id_card', JPEG, T0);
    expect(getImageAnalyses(store, 'ANALYSIS01')).toEqual({ selfie });
    const again = { ...selfie, faceCount: 1, face: { ...selfie.face, score: 0.7 } } as PhotoAnalysis;
    putImage(store, 'ANALYSIS01', 'selfie', JPEG, T0, again);
    expect(getImageAnalyses(store, 'ANALYSIS01')).toEqual({ selfie: again });
    expect(Object.keys(getImages(store, 'ANALYSIS01')).sort()).toEqual(['id_card', 'selfie']);
  });

  it('ignores an analysis of the wrong kind or shape rather than trusting it', () => {
    const store = tempStore();
    createRecord(store, { id: 'ANALYSIS02', mode: 'assisted', provider: 'sandbox', now: T0 });
    putImage(store, 'ANALYSIS02', 'id_card', JPEG, T0, selfie);
    store.db.prepare(`UPDATE record_images SET analysis_json = '{"kind":"selfie"}'`).run();
    putImage(store, 'ANALYSIS02', 'selfie', JPEG, T0);
    expect(getImageAnalyses(store, 'ANALYSIS02')).toEqual({});
  });
});
