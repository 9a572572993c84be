// The retry and polling settings of the provider integration tests: fast, so that a failure path over real
// HTTP takes well under a second. Each provider's helpers add its base URL, credentials and time-out.
export function fastRetriesAndPolling() {
  return {
    retries: 2,
    retryDelay: { minDelayMs: 20, maxDelayMs: 80 },
    poll: { firstDelayMs: 50, growth: 2, maxDelayMs: 200, deadlineMs: 30_000 },
  };
}
