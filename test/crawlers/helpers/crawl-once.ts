// Runs one crawl of the local test source in its own process and prints its report as JSON:
// node crawl-once.ts <site origin> <data dir>
import { loadSettings } from '../../../config/settings.ts';
import { silentLogger } from '../../../core/logger.ts';
import { crawlSource } from '../../../crawlers/index.ts';
import { localSource } from './local-site.ts';

const [origin, dataDir] = process.argv.slice(2);
if (origin === undefined || dataDir === undefined)
  throw new Error('usage: crawl-once.ts <origin> <data dir>');
const report = await crawlSource({
  source: localSource(origin),
  settings: loadSettings({ PRESSMON_DATA_DIR: dataDir, PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }),
  logger: silentLogger(),
  lookupKnown: async () => new Map(),
  onPage: async () => {},
});
process.stdout.write(`${JSON.stringify(report)}\n`);
