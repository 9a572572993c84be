// What main's capture check measured on each stored photo (face count, confidence and size, light, focus,
// glare: numbers only, never pixels), so that a provider's retake request that does not say which photo
// can be routed to the one most likely at fault. Photos stored before this migration have none (NULL).
import type { Migration } from './migration';

export const migrationImageAnalysis: Migration = {
  version: 7,
  name: 'image-analysis',
  up(db) {
    db.exec(`
      ALTER TABLE record_images ADD COLUMN analysis_json TEXT
        CHECK (analysis_json IS NULL OR json_valid(analysis_json));
    `);
  },
};
