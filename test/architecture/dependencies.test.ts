import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Dependencies point inward (ARCHITECTURE.md): the domain imports nothing outside
// itself, adapters import only the domain, and nothing imports an app.
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

function violations(pkg: string, allowed: (specifier: string) => boolean): string[] {
  return sourceFiles(join(root, 'packages', pkg, 'src')).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

const relativeImport = (s: string): boolean => s.startsWith('./') || s.startsWith('../');

describe('package dependencies point inward', () => {
  it('the domain imports only itself (no runtime dependencies, not even node built-ins)', () => {
    expect(violations('domain', relativeImport)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(root, 'packages/domain/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('adapters import the domain but no app', () => {
    expect(violations('adapters', (s) => !s.startsWith('@giggatek/app-'))).toEqual([]);
  });

  it('the admin app does not import the public API app', () => {
    expect(violations('app-admin', (s) => s !== '@giggatek/app-http')).toEqual([]);
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
});
