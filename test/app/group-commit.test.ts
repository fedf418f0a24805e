import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../app/group-commit.ts';

describe('GroupCommit', () => {
  it('writes the first item at once and the items that arrive meanwhile together; each add resolves once written', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 10);
    let firstDone = false;
    const first = writer.add(1).then(() => (firstDone = true));
    const rest = [writer.add(2), writer.add(3)];
    await Promise.resolve();
    expect(firstDone).toBe(false);
    release();
    await Promise.all([first, ...rest]);
    await writer.settle();
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('rejects the items of a failed write and goes on with the next', async () => {
    let calls = 0;
    const writer = new GroupCommit<string>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    }, 2);
    await expect(writer.add('a')).rejects.toThrow('disk full');
    await expect(writer.add('b')).resolves.toBeUndefined();
  });
});
