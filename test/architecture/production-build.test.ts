import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` builds the TypeScript, and a production install (NODE_ENV=production npm ci)
// omits devDependencies: whatever the build needs must be a dependency.
const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The packages imported by the built sources (bare specifiers, without subpaths). */
function importedPackages(): Set<string> {
  const names = new Set<string>();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    for (const file of sourceFiles(join(root, 'packages', pkg, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        if (
          !specifier ||
          specifier.startsWith('.') ||
          specifier.startsWith('node:') ||
          specifier.startsWith('@giggatek/')
        )
          continue;
        const parts = specifier.split('/');
        names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
      }
    }
  }
  return names;
}

/** DefinitelyTyped's name for a package's types: `@koa/cors` → `@types/koa__cors`. */
const typesPackage = (name: string): string => `@types/${name.replace(/^@/, '').replace('/', '__')}`;

describe('the production install can build', () => {
  it('npm start builds, then runs the built server', () => {
    expect(manifest.scripts.start).toBe('npm run build && node packages/app-http/dist/main.js');
  });

  it('the compiler and the type packages the sources need are dependencies, not devDependencies', () => {
    const needed = ['typescript', '@types/node'];
    const declared = { ...manifest.dependencies, ...manifest.devDependencies };
    for (const name of importedPackages()) {
      if (declared[typesPackage(name)] !== undefined) needed.push(typesPackage(name));
    }
    expect(needed.length).toBeGreaterThan(3);
    expect(needed.filter((name) => manifest.dependencies?.[name] === undefined)).toEqual([]);
  });
});
