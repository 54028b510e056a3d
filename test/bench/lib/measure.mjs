import autocannon from 'autocannon';

export const CONNECTIONS = 32;

/**
 * Loads one URL for `seconds` and returns the figures the report needs. `requests_sent`
 * minus `requests` is what was still in flight when autocannon stopped the clock: it
 * drops those connections unanswered, but the server still carries the requests out.
 */
export async function measure(url, { seconds, method = 'GET', headers = {}, body }) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  return {
    requests_per_second: result.requests.average,
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    requests: result.requests.total,
    requests_sent: result.requests.sent,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
    status_codes: statusCodes,
  };
}
