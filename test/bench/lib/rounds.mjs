import { measure } from './measure.mjs';

/**
 * Warms every target up, then loads them in `rounds` alternating rounds: round 1 runs the
 * targets in the given order, round 2 in reverse, and so on, so neither always goes
 * first (on a cooler machine) or always after the other's load. Each target's figure is
 * the median over its rounds, which one disturbed round cannot move much.
 *
 * `targets`: [{ label, url }]; `request`: { method, headers, body } for autocannon.
 * Returns { [label]: summary } (see summarise) with the per-round figures inside.
 */
export async function measureInRounds(targets, request, { rounds, seconds, warmupSeconds }) {
  const warmups = {};
  for (const target of targets)
    warmups[target.label] = await measure(target.url, { ...request, seconds: warmupSeconds });
  const perRound = Object.fromEntries(targets.map((target) => [target.label, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) perRound[target.label].push(await measure(target.url, { ...request, seconds }));
  }
  return Object.fromEntries(
    targets.map((target) => [target.label, summarise(perRound[target.label], warmups[target.label])]),
  );
}

/** Medians of the rates and latencies; sums of the counts (a failure in any round counts). */
export function summarise(rounds, warmup) {
  const sum = (key) => rounds.reduce((total, figures) => total + figures[key], 0);
  const statusCodes = {};
  for (const figures of rounds) {
    for (const [code, count] of Object.entries(figures.status_codes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  return {
    requests_per_second: median(rounds.map((figures) => figures.requests_per_second)),
    latency_p50_ms: median(rounds.map((figures) => figures.latency_p50_ms)),
    latency_p99_ms: median(rounds.map((figures) => figures.latency_p99_ms)),
    requests: sum('requests'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non_2xx: sum('non_2xx'),
    status_codes: statusCodes,
    rounds,
    warmup,
  };
}

export function median(values) {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
