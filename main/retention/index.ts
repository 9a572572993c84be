// Retention's public face: the purge, the deletions on request, and the daily schedule.
export {
  DAY_MS,
  deleteByNik,
  deleteByRecordId,
  purgeExpired,
  type DeletionCounts,
  type DeletionResult,
  type PurgeCounts,
  type PurgeOptions,
  type RetentionPolicy,
} from './retention';
export { startRetentionSchedule, type RetentionScheduleOptions } from './schedule';
