// Keeps imports flowing one way (STYLE.md "Architecture in the folders"):
// config -> crawlers -> pipeline -> indexer -> (dashboards | digest).
// core/ holds dependency-free utilities any folder may use; app/ and cli/ are the
// composition roots and may import anything, but nothing imports them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    rule(
      'core-is-a-leaf',
      '^core/',
      '^(config|crawlers|pipeline|indexer|dashboards|digest|app|cli|scheduler)/',
    ),
    rule(
      'config-imports-only-core',
      '^config/',
      '^(crawlers|pipeline|indexer|dashboards|digest|app|cli|scheduler)/',
    ),
    rule(
      'crawlers-do-not-reach-downstream',
      '^crawlers/',
      '^(pipeline|indexer|dashboards|digest|app|cli|scheduler)/',
    ),
    rule(
      'pipeline-takes-only-crawler-types',
      '^pipeline/',
      '^(indexer|dashboards|digest|app|cli|scheduler)/|^crawlers/(?!types\\.ts$)',
    ),
    rule(
      'indexer-takes-only-pipeline-types',
      '^indexer/',
      '^(dashboards|digest|app|cli|scheduler)/|^crawlers/|^pipeline/(?!types\\.ts$)',
    ),
    // The scheduler decides when jobs run; what they do (crawl, digest) is injected by app/.
    rule(
      'scheduler-knows-only-config-and-indexer',
      '^scheduler/',
      '^(crawlers|pipeline|dashboards|digest|app|cli)/',
    ),
    rule('only-composition-imports-the-scheduler', '^(?!scheduler/|app/|cli/)', '^scheduler/'),
    rule('nothing-imports-dashboards', '^(?!dashboards/|app/|cli/)', '^dashboards/'),
    rule('nothing-imports-digest', '^(?!digest/|app/|cli/|scheduler/|dashboards/)', '^digest/'),
    rule('nothing-imports-the-composition-roots', '^(?!app/|cli/|bin/)', '^(app|cli)/'),
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

function rule(name, from, to) {
  return { name, severity: 'error', from: { path: from }, to: { path: to } };
}
