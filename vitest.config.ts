import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the packages' TypeScript sources directly: no build is needed to test.
const source = (pkg: string, folder = ''): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${folder}index.ts`, import.meta.url));
// The adapters' subpath exports (package.json "exports") come first: an alias matches a prefix.
const alias = {
  '@giggatek/domain': source('domain'),
  '@giggatek/adapters/memory': source('adapters', 'memory/'),
  '@giggatek/adapters/background': source('adapters', 'background/'),
  '@giggatek/adapters/security': source('adapters', 'security/'),
  '@giggatek/adapters': source('adapters'),
  '@giggatek/app-admin': source('app-admin'),
  '@giggatek/app-http': source('app-http'),
};

// CI asks for a JSON report too, to prove the MySQL and Redis tests ran (test/ci/check-report.mjs).
const report = process.env.GIGGATEK_TEST_REPORT;

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'domain',
          include: [
            'packages/domain/test/**/*.test.ts',
            'test/architecture/**/*.test.ts',
            'test/ci/**/*.test.ts',
            'test/docs/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'adapters',
          include: ['packages/adapters/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'http',
          include: [
            'packages/app-http/test/**/*.test.ts',
            'packages/app-admin/test/**/*.test.ts',
            'test/e2e/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
