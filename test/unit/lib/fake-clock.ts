// Moved to test/support/clocks.ts; kept so the existing imports keep working.
export { FakeClock, sequence } from '../../support/clocks';
