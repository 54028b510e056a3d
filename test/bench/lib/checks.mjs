import { requestJson } from './http.mjs';

/**
 * One request before the load: the app must give the scenario's status and pass its
 * check, and the baseline, if any, must give the same answer. Returns a problem or null,
 * and the app's status (a write scenario's sanity request adds a row when it succeeds).
 */
export async function sanityCheck(scenario, request, { appUrl, baselineUrl, fixture }) {
  const expected = scenario.status ?? 200;
  const app = await requestJson(appUrl + scenario.path, request);
  const result = (problem) => ({ problem, appStatus: app.status });
  if (app.status !== expected)
    return result(`the app answered ${app.status}, not ${expected}: ${JSON.stringify(app.body).slice(0, 300)}`);
  const checked = scenario.check?.(app.body, fixture) ?? null;
  if (checked) return result(checked);
  if (!scenario.baseline) return result(null);
  const baseline = await requestJson(baselineUrl + scenario.path, request);
  if (baseline.status !== expected)
    return result(`the baseline answered ${baseline.status}: ${JSON.stringify(baseline.body).slice(0, 300)}`);
  return result(scenario.compare(app.body, baseline.body));
}

/** Errors, timeouts and any status but the expected one, in the warm-up or a round. */
export function loadProblems(scenario, target, summary) {
  const expected = String(scenario.status ?? 200);
  const runs = [summary.warmup, ...summary.rounds];
  const sum = (key) => runs.reduce((total, figures) => total + figures[key], 0);
  const unexpected = {};
  for (const figures of runs) {
    for (const [code, count] of Object.entries(figures.status_codes)) {
      if (code !== expected) unexpected[code] = (unexpected[code] ?? 0) + count;
    }
  }
  const errors = sum('errors');
  const timeouts = sum('timeouts');
  if (errors + timeouts === 0 && Object.keys(unexpected).length === 0) return [];
  const answers = `answers other than ${expected}: ${JSON.stringify(unexpected)}`;
  const problem = `${scenario.name} (${target}): ${errors} errors, ${timeouts} timeouts, ${answers}`;
  const limited = target === 'app' && unexpected['429'] > 0;
  return [limited ? `${problem} — 429s: the app did not take the RATE_LIMIT_* settings` : problem];
}
