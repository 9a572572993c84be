// Every migration, oldest first. Add a new file for each schema change and append it here; never edit a
// released one.
import type { Migration } from './migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-open-retake-reasons';
import { migration003 } from './003-record-nik';
import { migration004 } from './004-record-training';
import { migration005 } from './005-desk-and-consent';
import { auditLogMigration } from './006-audit-log';
import { migrationImageAnalysis } from './007-image-analysis';
import { supervisorReviewMigration } from './008-supervisor-review';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  auditLogMigration,
  migrationImageAnalysis,
  supervisorReviewMigration,
];
