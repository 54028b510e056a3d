import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built entry point, as `npm start` runs it (`npm test` builds before testing).
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function start(env: Record<string, string>) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  return spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('start-up with a bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer from 1 to 65535 \(got "abc"\)$/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET is required when NODE_ENV=production/],
    [{ DATABASE_URL: 'postgres://x' }, /^Invalid configuration: DATABASE_URL must be sqlite:<path> or mysql:/],
  ])('%j stops with exit 1 and one line naming the variable', (env, line) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(result.stdout).toBe('');
  });
});
