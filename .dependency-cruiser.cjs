/**
 * The layering of ARCHITECTURE.md, checked in CI:
 * events <- domain <- plugins <- apps; plugins never reach into apps or other plugins' insides.
 */
module.exports = {
  forbidden: [
    {
      name: 'events-depend-on-zod-only',
      comment: 'packages/events is the log format: it may depend on zod and nothing else.',
      severity: 'error',
      from: { path: '^packages/events/src' },
      to: { dependencyTypesNot: ['local', 'type-only', 'core'], pathNot: 'node_modules/zod/' },
    },
    {
      name: 'events-not-to-domain-plugins-apps',
      severity: 'error',
      from: { path: '^packages/events/src' },
      to: { path: '^(packages/domain|plugins|apps)/' },
    },
    {
      name: 'domain-depends-on-events-and-zod',
      comment: 'packages/domain: pure deciders and contracts, no framework, no I/O.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        dependencyTypesNot: ['local', 'type-only'],
        pathNot: ['^packages/events/', 'node_modules/zod/'],
      },
    },
    {
      name: 'domain-not-to-plugins-apps',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { path: '^(plugins|apps)/' },
    },
    {
      name: 'plugins-allowed-dependencies',
      comment: 'Plugins: events, domain, zod, fast-xml-parser, jszip, iconv-lite and node built-ins only.',
      severity: 'error',
      from: { path: '^plugins/([^/]+)/src' },
      to: {
        dependencyTypesNot: ['local', 'type-only', 'core'],
        pathNot: [
          '^packages/(events|domain)/',
          'node_modules/(zod|fast-xml-parser|jszip|iconv-lite)/',
          '^plugins/[^/]+/(src|dist)/events(/index)?\\.(ts|js|d\\.ts)$',
        ],
      },
    },
    {
      name: 'plugins-not-to-apps',
      severity: 'error',
      from: { path: '^plugins/' },
      to: { path: '^apps/' },
    },
    {
      name: 'plugins-only-to-other-plugins-events',
      comment: 'A plugin may use another plugin\'s exported event schemas (its events entry point) and nothing else of it.',
      severity: 'error',
      from: { path: '^plugins/([^/]+)/' },
      to: { path: '^plugins/(?!$1/)[^/]+/', pathNot: '^plugins/[^/]+/(src|dist)/events(/index)?\\.(ts|js|d\\.ts)$' },
    },
    {
      name: 'no-circular',
      comment: 'Runtime cycles only: a type-only import back to the composition root is harmless.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/|\\.spec\\.ts$|/__fixtures__/|/testing/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'default', 'types'], mainFields: ['main', 'types'] },
  },
};
