/**
 * Starts the fixture news site and prints its outlets; Ctrl-C stops it.
 * Usage: `node test/fixture-site/serve.ts [--base-port 47801] [--slow-ms 3000] [--article-delay-ms 0]`
 */
import { parseArgs } from 'node:util';
import { startFixtureSite } from './index.ts';

const { values } = parseArgs({
  options: {
    'base-port': { type: 'string' },
    'slow-ms': { type: 'string' },
    'article-delay-ms': { type: 'string' },
  },
});
const articleDelayMs =
  values['article-delay-ms'] === undefined ? undefined : Number(values['article-delay-ms']);
const basePort = values['base-port'] === undefined ? undefined : Number(values['base-port']);
const slowMs = values['slow-ms'] === undefined ? undefined : Number(values['slow-ms']);

const site = await startFixtureSite({
  ...(basePort !== undefined && { basePort }),
  ...(slowMs !== undefined && { slowMs }),
  ...(articleDelayMs !== undefined && { articleDelayMs }),
});
for (const outlet of site.outlets) {
  console.log(`${outlet.id.padEnd(14)} ${outlet.baseUrl}/  (${outlet.languages.join(', ')}) ${outlet.name}`);
}
console.log('fixture site running; Ctrl-C stops it');

const stop = (): void => {
  site.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
