import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { MissingPrerequisiteError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { LocalNodeError } from './errors.ts';
import { distributionHome, distributionZip } from './paths.ts';
import { hasCommand, lastLines, runCommand } from './run-command.ts';

const ARTIFACT = 'org.elasticsearch.distribution.integ-test-zip:elasticsearch';

/** Whether an unpacked home looks complete (the launcher and the server jars are there). */
export async function isCompleteHome(home: string): Promise<boolean> {
  const launcher = await stat(path.join(home, 'bin', 'elasticsearch')).catch(() => null);
  const jars = await readdir(path.join(home, 'lib')).catch(() => [] as string[]);
  return launcher?.isFile() === true && jars.some((name) => name.startsWith('elasticsearch-'));
}

/**
 * Makes sure `<distDir>/elasticsearch-<version>/` holds an unpacked
 * integ-test-zip: downloads the zip with Maven when it is not cached, then
 * unpacks it into a temporary folder renamed into place. Returns ES_HOME.
 */
export async function ensureDistribution(options: {
  distDir: string;
  version: string;
  logger: Logger;
}): Promise<string> {
  const { distDir, version, logger } = options;
  const home = distributionHome(distDir, version);
  if (await isCompleteHome(home)) return home;
  await mkdir(distDir, { recursive: true });
  const zip = distributionZip(distDir, version);
  if ((await stat(zip).catch(() => null)) === null) await downloadZip(distDir, version, logger);
  try {
    await unpack(zip, home, distDir, logger);
  } catch (error) {
    // A zip left by an interrupted copy: fetch it again once.
    logger.warn({ zip, err: error }, 'unpacking the cached Elasticsearch zip failed, downloading it again');
    await rm(zip, { force: true });
    await downloadZip(distDir, version, logger);
    await unpack(zip, home, distDir, logger);
  }
  return home;
}

async function downloadZip(distDir: string, version: string, logger: Logger): Promise<void> {
  if (!(await hasCommand('mvn'))) {
    throw new MissingPrerequisiteError(
      `downloading Elasticsearch ${version}: Maven (mvn) is not installed; install it (apt-get install maven) or put elasticsearch-${version}.zip into ${distDir}`,
    );
  }
  const tempDir = await mkdtemp(path.join(distDir, '.download-'));
  try {
    logger.info({ version }, 'downloading Elasticsearch from Maven Central');
    const result = await runCommand(
      'mvn',
      [
        '-q',
        '-B',
        'dependency:copy',
        `-Dartifact=${ARTIFACT}:${version}:zip`,
        `-DoutputDirectory=${tempDir}`,
      ],
      { cwd: tempDir, timeoutMs: 30 * 60_000 },
    );
    const downloaded = path.join(tempDir, `elasticsearch-${version}.zip`);
    if (result.code !== 0 || (await stat(downloaded).catch(() => null)) === null) {
      throw new LocalNodeError(
        `downloading ${ARTIFACT}:${version}:zip with mvn failed (exit ${result.code}): ${lastLines(result.stdout + result.stderr, 15)}; check the network to Maven Central and the version (PRESSMON_ES_VERSION)`,
        { isRetryable: true },
      );
    }
    await rename(downloaded, distributionZip(distDir, version));
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function unpack(zip: string, home: string, distDir: string, logger: Logger): Promise<void> {
  const tempDir = await mkdtemp(path.join(distDir, '.unpack-'));
  try {
    logger.info({ zip }, 'unpacking Elasticsearch');
    await extract(zip, tempDir);
    const unpacked = path.join(tempDir, path.basename(home));
    if (!(await isCompleteHome(unpacked))) {
      throw new LocalNodeError(`unpacking ${zip}: it holds no complete ${path.basename(home)}/ folder`);
    }
    await rm(home, { recursive: true, force: true });
    await rename(unpacked, home);
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** Unzips with `unzip`, else with the JDK's `jar` (which loses file modes, so bin/ is made executable). */
async function extract(zip: string, into: string): Promise<void> {
  if (await hasCommand('unzip')) {
    const result = await runCommand('unzip', ['-q', zip, '-d', into]);
    if (result.code !== 0) throw new LocalNodeError(`unzip ${zip} failed: ${lastLines(result.stderr, 10)}`);
    return;
  }
  if (await hasCommand('jar')) {
    const result = await runCommand('jar', ['xf', zip], { cwd: into });
    if (result.code !== 0) throw new LocalNodeError(`jar xf ${zip} failed: ${lastLines(result.stderr, 10)}`);
    for (const top of await readdir(into)) {
      const bin = path.join(into, top, 'bin');
      for (const name of await readdir(bin).catch(() => [] as string[]))
        await chmod(path.join(bin, name), 0o755);
    }
    return;
  }
  throw new MissingPrerequisiteError(
    `unpacking ${zip}: neither unzip nor jar is on PATH; install unzip (apt-get install unzip)`,
  );
}
