import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Medians per target, then the ratio app/baseline (or '—' without a baseline) and the per-round req/s. */
export function printTable(results) {
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx']];
  for (const result of results) {
    for (const [target, figures] of [
      ['app', result.app],
      ['baseline', result.baseline],
    ]) {
      if (!figures) continue;
      rows.push([
        result.name,
        target,
        figures.requests_per_second.toFixed(0),
        String(figures.latency_p50_ms),
        String(figures.latency_p99_ms),
        `${figures.errors + figures.timeouts}/${figures.non_2xx}`,
      ]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  console.log('medians over the rounds:');
  console.log(line(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
  for (const result of results) {
    const perRound = (figures) => figures.rounds.map((round) => round.requests_per_second.toFixed(0)).join(', ');
    const rounds = `req/s per round: app ${perRound(result.app)}${result.baseline ? `; baseline ${perRound(result.baseline)}` : ''}`;
    console.log(`${result.name}: app/baseline = ${describeRatio(result)} (${rounds})`);
    if (result.rows_check) console.log(`  ${result.rows_check.summary}`);
  }
}

function describeRatio(result) {
  if (result.ratio === null) return '— (no baseline)';
  if (result.target_ratio === null) return `${result.ratio.toFixed(2)} (no target)`;
  return `${result.ratio.toFixed(2)} (target >= ${result.target_ratio}: ${result.target_met ? 'met' : 'MISSED'})`;
}

export function writeResults(file, report) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
