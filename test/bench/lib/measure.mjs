import autocannon from 'autocannon';

export const CONNECTIONS = 32;

/** Loads one URL for `seconds` and returns the figures the report needs. */
export async function measure(url, { seconds, headers = {} }) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  return {
    requests_per_second: result.requests.average,
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
    status_codes: statusCodes,
  };
}

export function failures(figures) {
  return figures.errors + figures.timeouts + figures.non_2xx;
}
