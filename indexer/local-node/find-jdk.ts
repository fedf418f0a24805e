import { execFile } from 'node:child_process';
import { access, constants, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { MissingPrerequisiteError } from '../../core/errors.ts';

const execFileAsync = promisify(execFile);

/** Elasticsearch 8 and 9 need Java 21 or newer. */
export const MIN_JAVA_MAJOR = 21;

export interface Jdk {
  readonly home: string;
  readonly major: number;
  /** How it was found: `ES_JAVA_HOME`, `JAVA_HOME` or `scan`. */
  readonly source: 'ES_JAVA_HOME' | 'JAVA_HOME' | 'scan';
}

export interface FindJdkOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder whose sub-folders are JDKs; default `/usr/lib/jvm`. */
  readonly jvmRoot?: string;
}

/**
 * The major Java version from `JAVA_VERSION="…"` in a JDK's `release` file
 * (`"1.8.0_292"` → 8, `"25.0.3"` → 25), or null; pure.
 */
export function parseReleaseJavaMajor(release: string): number | null {
  const version = /^JAVA_VERSION="?([^"\n]+)"?/m.exec(release)?.[1];
  return version === undefined ? null : parseJavaMajor(version);
}

/** The major of a version string such as `21.0.2`, `1.8.0_292` or `25`; pure. */
export function parseJavaMajor(version: string): number | null {
  const parts = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (parts === null) return null;
  const first = Number(parts[1]);
  return first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
}

/**
 * The Java major of the JDK at `home`: its `release` file, or else the output
 * of `bin/java -version`; null when `bin/java` is missing or says nothing usable.
 */
export async function readJdkMajor(home: string): Promise<number | null> {
  const java = path.join(home, 'bin', 'java');
  if (!(await isExecutable(java))) return null;
  const release = await readFile(path.join(home, 'release'), 'utf8').catch(() => null);
  const fromRelease = release === null ? null : parseReleaseJavaMajor(release);
  if (fromRelease !== null) return fromRelease;
  try {
    const { stdout, stderr } = await execFileAsync(java, ['-version'], { timeout: 20_000 });
    const version = /version "([^"]+)"/.exec(`${stderr}\n${stdout}`)?.[1];
    return version === undefined ? null : parseJavaMajor(version);
  } catch {
    return null;
  }
}

/**
 * Finds a JDK >= 21 for Elasticsearch: ES_JAVA_HOME if set (it must qualify),
 * then JAVA_HOME, then the newest under /usr/lib/jvm.
 * @throws MissingPrerequisiteError naming every place looked at.
 */
export async function findJdk(options: FindJdkOptions = {}): Promise<Jdk> {
  const env = options.env ?? process.env;
  const jvmRoot = options.jvmRoot ?? '/usr/lib/jvm';
  const esJavaHome = env.ES_JAVA_HOME;
  if (esJavaHome !== undefined && esJavaHome !== '') {
    const major = await readJdkMajor(esJavaHome);
    if (major !== null && major >= MIN_JAVA_MAJOR) return { home: esJavaHome, major, source: 'ES_JAVA_HOME' };
    throw new MissingPrerequisiteError(
      `finding a JDK for Elasticsearch: ES_JAVA_HOME=${esJavaHome} is ${describe(major)}; point ES_JAVA_HOME at a JDK ${MIN_JAVA_MAJOR} or newer, or unset it`,
    );
  }
  const lookedAt: string[] = [];
  const javaHome = env.JAVA_HOME;
  if (javaHome !== undefined && javaHome !== '') {
    const major = await readJdkMajor(javaHome);
    if (major !== null && major >= MIN_JAVA_MAJOR) return { home: javaHome, major, source: 'JAVA_HOME' };
    lookedAt.push(`JAVA_HOME=${javaHome} (${describe(major)})`);
  }
  const found = await scanJvmRoot(jvmRoot);
  const best = found
    .filter((jdk) => jdk.major !== null && jdk.major >= MIN_JAVA_MAJOR)
    .sort((a, b) => (b.major ?? 0) - (a.major ?? 0) || a.home.localeCompare(b.home))[0];
  if (best?.major != null) return { home: best.home, major: best.major, source: 'scan' };
  lookedAt.push(
    found.length === 0
      ? `${jvmRoot} (no JDK)`
      : `${jvmRoot}: ${found.map((jdk) => `${path.basename(jdk.home)} (${describe(jdk.major)})`).join(', ')}`,
  );
  throw new MissingPrerequisiteError(
    `finding a JDK for Elasticsearch: need Java ${MIN_JAVA_MAJOR} or newer; looked at ${lookedAt.join('; ')}. Install one (e.g. apt-get install openjdk-21-jdk-headless or temurin-21-jdk) or set ES_JAVA_HOME to its folder`,
  );
}

/** Every JDK folder under the root (symlinks to the same JDK counted once), with its major. */
async function scanJvmRoot(jvmRoot: string): Promise<{ home: string; major: number | null }[]> {
  const names = await readdir(jvmRoot).catch(() => [] as string[]);
  const seen = new Set<string>();
  const result: { home: string; major: number | null }[] = [];
  for (const name of names.sort()) {
    const home = path.join(jvmRoot, name);
    const real = await realpath(home).catch(() => null);
    if (real === null || seen.has(real)) continue;
    seen.add(real);
    const major = await readJdkMajor(home);
    if (major !== null || (await isExecutable(path.join(home, 'bin', 'java')))) result.push({ home, major });
  }
  return result;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

function describe(major: number | null): string {
  return major === null ? 'no usable bin/java' : `Java ${major}`;
}
