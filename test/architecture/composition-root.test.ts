import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The container is read only in the composition root (docs/architecture.md): everything
// else receives the services it needs. The root is the container itself and, per process,
// app-http's services.ts and bootstrap.ts with the two entry points that create it.
const root = join(import.meta.dirname, '..', '..');
const COMPOSITION_ROOT = [
  'packages/adapters/src/container.ts',
  'packages/adapters/src/index.ts', // re-exports it
  'packages/app-http/src/services.ts',
  'packages/app-http/src/bootstrap.ts',
  'packages/app-http/src/main.ts',
  'packages/app-http/src/cli.ts',
];
/** What reads or builds a container; the container module's types (Token) are harmless. */
const CONTAINER_NAMES = new Set([
  'resolve',
  'TOKENS',
  'Container',
  'createContainer',
  'disposeContainer',
  'bindValue',
  'bindFactory',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `file imports X from Y` for each container name (or the container module, or inversify) a source file imports. */
function containerImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const [, clause = '', from = ''] of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s([^'"]*?)from\s+['"]([^'"]+)['"]/g,
  )) {
    if (from === 'inversify' || /(^|\/)container\.js$/.test(from)) {
      found.push(`imports ${from}`);
      continue;
    }
    // bootstrap.ts hands createContainer on to the entry points.
    if (!from.startsWith('@giggatek/adapters') && !/(^|\/)bootstrap\.js$/.test(from)) continue;
    const names = (clause.match(/\{([^}]*)\}/)?.[1] ?? '').split(',').map(
      (n) =>
        n
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0],
    );
    for (const name of names) if (name && CONTAINER_NAMES.has(name)) found.push(`imports ${name} from ${from}`);
  }
  return found;
}

describe('the composition root', () => {
  it('is the only code that reads the container: the scheduler, the CLI commands and the apps receive services', () => {
    const readers = ['domain', 'adapters', 'app-http', 'app-admin'].flatMap((pkg) =>
      sourceFiles(join(root, 'packages', pkg, 'src'))
        .map((file) => relative(root, file))
        .filter((file) => !COMPOSITION_ROOT.includes(file))
        .flatMap((file) => containerImports(join(root, file)).map((line) => `${file} ${line}`)),
    );
    expect(readers).toEqual([]);
  });

  it('sees an import of the container (the check can fail)', () => {
    expect(containerImports(join(root, 'packages/app-http/src/services.ts'))).toContain(
      'imports resolve from @giggatek/adapters',
    );
    expect(containerImports(join(root, 'packages/app-http/src/cli.ts'))).toContain(
      'imports createContainer from ./bootstrap.js',
    );
  });
});
