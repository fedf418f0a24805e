/**
 * Shows, for one evaluation page, the gold paragraphs pressmon missed and the
 * extracted blocks that are not in the gold text (for error analysis of the
 * worst pages). Usage: node bench/extract/diff-page.ts SET ID-PREFIX
 */
import { loadSet, type SetName } from './datasets.ts';
import { pressmonExtractor } from './extractors.ts';
import { tokenize } from './metrics.ts';

const [set, prefix] = process.argv.slice(2);
const page = loadSet(set as SetName).find((p) => p.id.startsWith(prefix ?? '\u0000'));
if (page === undefined) {
  console.error(`no page ${prefix} in ${set}`);
  process.exit(1);
}
const prediction = pressmonExtractor.extract(page);
const key = (text: string): string => tokenize(text).join(' ');
const goldText = key(page.gold.body);
const predictedText = key(prediction.body);
console.log(`${page.url}\nrejection: ${prediction.rejection ?? 'none'}; title: ${prediction.title}`);
console.log('\n--- gold paragraphs missed:');
for (const line of page.gold.body.split(/\n+/))
  if (key(line) !== '' && !predictedText.includes(key(line))) console.log(`- ${line.slice(0, 160)}`);
console.log('\n--- extracted blocks not in gold:');
for (const block of prediction.body.split(/\n+/))
  if (key(block) !== '' && !goldText.includes(key(block))) console.log(`+ ${block.slice(0, 160)}`);
