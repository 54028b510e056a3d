/**
 * Layer boundaries (docs/architecture.md), sources and tests alike: dependencies point
 * inward, and no package's tests lean on another layer's internals.
 * Run by `npm run lint` (and so by `npm test`).
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing outside itself: no packages, not even node built-ins.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { pathNot: '^packages/domain/src' },
    },
    {
      name: 'domain-tests-use-the-domain-only',
      comment: 'Domain tests test the domain alone: no adapter, no app (test tools are fine).',
      severity: 'error',
      from: { path: '^packages/domain/test' },
      to: { path: '^packages/(adapters|app-http|app-admin)/' },
    },
    {
      name: 'adapters-know-no-app',
      severity: 'error',
      from: { path: '^packages/adapters/' },
      to: { path: '^packages/app-(http|admin)/' },
    },
    {
      name: 'admin-is-not-the-api',
      comment: 'The admin uses the domain and adapters, never the public API app or its test support.',
      severity: 'error',
      from: { path: '^packages/app-admin/' },
      to: { path: '^packages/app-http/' },
    },
    {
      name: 'sources-never-import-tests',
      severity: 'error',
      from: { path: '^packages/[^/]+/src' },
      to: { path: '^packages/[^/]+/test' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that need each other at run time (type-only cycles are harmless: they vanish on compile).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.lint.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
