import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Which module may import which is dependency-cruiser's (.dependency-cruiser.cjs, run by
// `npm run lint`); these are the rules it cannot see.
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('dependencies the import graph does not show', () => {
  it('the domain package declares no runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/domain/package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('nothing but the config loader reads process.env', () => {
    const readers = ['domain', 'adapters', 'app-http', 'app-admin'].flatMap((pkg) =>
      sourceFiles(join(root, 'packages', pkg, 'src'))
        .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
        .map((file) => relative(root, file)),
    );
    // The entry points hand process.env to the loader; nothing else may read it.
    expect(readers.filter((f) => !/src\/(main|cli|config\/load-config)\.ts$/.test(f))).toEqual([]);
  });

  it('npm test lints (eslint, the layer boundaries, the formatting) before it runs the tests', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.test).toBe('npm run typecheck && npm run lint && vitest run');
    expect(scripts.lint).toBe(
      'eslint . && depcruise packages test --config .dependency-cruiser.cjs && prettier --check .',
    );
  });
});
