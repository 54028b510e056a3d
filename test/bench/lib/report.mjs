import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The ratio app/baseline (req/s) each scenario should reach. */
export const TARGET_RATIO = 0.8;

export function printTable(results) {
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx']];
  for (const result of results) {
    for (const [target, figures] of [['app', result.app], ['baseline', result.baseline]]) {
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
  console.log(line(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
  for (const result of results) {
    const verdict = result.ratio >= TARGET_RATIO ? 'met' : 'MISSED';
    console.log(`${result.name}: app/baseline = ${result.ratio.toFixed(2)} (target >= ${TARGET_RATIO}: ${verdict})`);
  }
}

export function writeResults(file, report) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
