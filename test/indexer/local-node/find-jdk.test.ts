import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MissingPrerequisiteError } from '../../../core/errors.ts';
import {
  findJdk,
  parseJavaMajor,
  parseReleaseJavaMajor,
  readJdkMajor,
} from '../../../indexer/local-node/find-jdk.ts';

/** A fake JDK folder: an executable bin/java and, optionally, a `release` file. */
async function fakeJdk(
  root: string,
  name: string,
  javaVersion: string | null,
  javaScript = '#!/bin/sh\nexit 1\n',
) {
  const home = path.join(root, name);
  await mkdir(path.join(home, 'bin'), { recursive: true });
  await writeFile(path.join(home, 'bin', 'java'), javaScript);
  await chmod(path.join(home, 'bin', 'java'), 0o755);
  if (javaVersion !== null) {
    await writeFile(
      path.join(home, 'release'),
      `IMPLEMENTOR="Test"\nJAVA_VERSION="${javaVersion}"\nOS_NAME="Linux"\n`,
    );
  }
  return home;
}

describe('parseReleaseJavaMajor / parseJavaMajor', () => {
  it('reads old and new version schemes', () => {
    expect(parseReleaseJavaMajor('JAVA_VERSION="25.0.3"\n')).toBe(25);
    expect(parseReleaseJavaMajor('IMPLEMENTOR="x"\nJAVA_VERSION="1.8.0_292"\n')).toBe(8);
    expect(parseReleaseJavaMajor('OS_NAME="Linux"\n')).toBeNull();
    expect(parseJavaMajor('21')).toBe(21);
    expect(parseJavaMajor('17.0.15')).toBe(17);
  });
});

describe('findJdk', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pressmon-jvm-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('chooses the newest JDK >= 21 under the JVM folder, ignoring Java 17 and folders without bin/java', async () => {
    await fakeJdk(root, 'java-17-openjdk-amd64', '17.0.15');
    await fakeJdk(root, 'temurin-21-jdk-amd64', '21.0.7');
    const newest = await fakeJdk(root, 'temurin-25-jdk-amd64', '25.0.3');
    await mkdir(path.join(root, 'openjdk-17'));
    await symlink(path.join(root, 'java-17-openjdk-amd64'), path.join(root, 'java-1.17.0-openjdk-amd64'));
    expect(await findJdk({ env: {}, jvmRoot: root })).toEqual({ home: newest, major: 25, source: 'scan' });
  });

  it('asks `java -version` when a JDK has no release file', async () => {
    const home = await fakeJdk(
      root,
      'custom-jdk',
      null,
      '#!/bin/sh\necho \'openjdk version "22.0.1" 2024-04-16\' >&2\n',
    );
    expect(await readJdkMajor(home)).toBe(22);
    expect(await findJdk({ env: {}, jvmRoot: root })).toEqual({ home, major: 22, source: 'scan' });
  });

  it('prefers ES_JAVA_HOME, then JAVA_HOME, over the scan', async () => {
    const jdk21 = await fakeJdk(root, 'jdk-21', '21.0.2');
    const jdk23 = await fakeJdk(root, 'jdk-23', '23.0.1');
    await fakeJdk(root, 'jdk-25', '25.0.3');
    expect(await findJdk({ env: { ES_JAVA_HOME: jdk21, JAVA_HOME: jdk23 }, jvmRoot: root })).toEqual({
      home: jdk21,
      major: 21,
      source: 'ES_JAVA_HOME',
    });
    expect(await findJdk({ env: { JAVA_HOME: jdk23 }, jvmRoot: root })).toEqual({
      home: jdk23,
      major: 23,
      source: 'JAVA_HOME',
    });
  });

  it('skips a JAVA_HOME older than 21 and scans instead', async () => {
    const jdk17 = await fakeJdk(root, 'jdk-17', '17.0.15');
    const jdk21 = await fakeJdk(root, 'jdk-21', '21.0.2');
    expect(await findJdk({ env: { JAVA_HOME: jdk17 }, jvmRoot: root })).toMatchObject({
      home: jdk21,
      source: 'scan',
    });
  });

  it('rejects an ES_JAVA_HOME older than 21, naming it', async () => {
    const jdk17 = await fakeJdk(root, 'jdk-17', '17.0.15');
    await fakeJdk(root, 'jdk-25', '25.0.3');
    const failure = findJdk({ env: { ES_JAVA_HOME: jdk17 }, jvmRoot: root });
    await expect(failure).rejects.toThrow(MissingPrerequisiteError);
    await expect(failure).rejects.toThrow(`ES_JAVA_HOME=${jdk17} is Java 17`);
  });

  it('fails naming every place looked at and how to fix it when only Java 17 exists', async () => {
    const jdk17 = await fakeJdk(root, 'java-17-openjdk-amd64', '17.0.15');
    const failure = findJdk({ env: { JAVA_HOME: jdk17 }, jvmRoot: root });
    await expect(failure).rejects.toThrow(MissingPrerequisiteError);
    await expect(failure).rejects.toThrow(
      new RegExp(`JAVA_HOME=${jdk17} \\(Java 17\\).*java-17-openjdk-amd64 \\(Java 17\\).*ES_JAVA_HOME`),
    );
  });

  it('fails when the JVM folder does not exist', async () => {
    await expect(findJdk({ env: {}, jvmRoot: path.join(root, 'missing') })).rejects.toThrow(/no JDK/);
  });
});
