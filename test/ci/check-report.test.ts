import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// .ci/run's last step: it must fail when the database or cache suites were skipped or never ran
// (titles here avoid those suites' names, which the script counts).
const script = fileURLToPath(new URL('./check-report.mjs', import.meta.url));

function check(tests: { file: string; title: string; status: string }[]) {
  const report = {
    testResults: [...new Set(tests.map((t) => t.file))].map((file) => ({
      name: file,
      assertionResults: tests.filter((t) => t.file === file).map((t) => ({ fullName: t.title, status: t.status })),
    })),
  };
  const path = join(mkdtempSync(join(tmpdir(), 'gg-report-')), 'report.json');
  writeFileSync(path, JSON.stringify(report));
  return spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
}

const mysql = { file: '/r/contract/mysql.test.ts', title: 'users (mysql)', status: 'passed' };
const redis = { file: '/r/rate-limit.test.ts', title: 'shared through redis', status: 'passed' };
const plain = { file: '/r/domain.test.ts', title: 'money', status: 'passed' };

describe('test/ci/check-report.mjs', () => {
  it('passes when the database and cache suites ran and nothing was skipped, printing the closing line', () => {
    const result = check([mysql, redis, plain]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^3 passed, 0 failed, 0 skipped$/m);
  });

  it('fails when a test was skipped', () => {
    const result = check([mysql, redis, { ...plain, status: 'skipped' }]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/skipped/);
  });

  it('fails when the database suite or the cache suite did not run', () => {
    expect(check([redis, plain]).status).toBe(1);
    expect(check([mysql, plain]).status).toBe(1);
    expect(check([mysql, plain]).stderr).toMatch(/no Redis test ran/);
  });
});
