// Reads vitest's JSON report and fails when tests that need MariaDB or Redis did not run.
// CI has both services, so nothing may be skipped there, and each kind must have run.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = report.testResults.flatMap((file) =>
  file.assertionResults.map((test) => ({ file: file.name, title: test.fullName, status: test.status })),
);

const skipped = results.filter((test) => test.status !== 'passed' && test.status !== 'failed');
const ranFor = (pattern) =>
  results.filter((test) => test.status === 'passed' && pattern.test(`${test.file} ${test.title}`)).length;
const mysql = ranFor(/mysql/i);
const redis = ranFor(/redis/i);

console.log(`ci: ${results.length} tests, ${mysql} on MySQL, ${redis} on Redis, ${skipped.length} skipped`);
let failed = false;
if (skipped.length > 0) {
  failed = true;
  console.error('ci: these tests were skipped:');
  for (const test of skipped.slice(0, 50))
    console.error(`  ${test.status}: ${test.file.replace(process.cwd() + '/', '')} › ${test.title}`);
}
if (mysql === 0) {
  failed = true;
  console.error('ci: no MySQL test ran (is MYSQL_URL set?)');
}
if (redis === 0) {
  failed = true;
  console.error('ci: no Redis test ran (is REDIS_URL set?)');
}
// The plain closing line CI reads: 'N passed, N failed, N skipped'.
const count = (status) => results.filter((test) => test.status === status).length;
console.log(`${count('passed')} passed, ${count('failed')} failed, ${skipped.length} skipped`);
process.exit(failed ? 1 : 0);
