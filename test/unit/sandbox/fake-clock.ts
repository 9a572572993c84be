// Moved to test/support/clocks.ts (as manualClock); kept so the existing imports keep working.
export { manualClock as fakeClock, type ManualClock as FakeClock } from '../../support/clocks';
