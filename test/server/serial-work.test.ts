// Work for one PR one piece at a time; a burst folds into the piece still waiting.
import { describe, expect, it } from 'vitest';
import { SerialWork } from '../../src/server/serial-work.ts';

function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('SerialWork', () => {
  it('runs work for one key in order, one at a time, and other keys beside it', async () => {
    const errors: unknown[] = [];
    const work = new SerialWork((error) => errors.push(error));
    const log: string[] = [];
    const first = gate();
    const a1 = work.run('a', async () => {
      log.push('a1 start');
      await first.opened;
      log.push('a1 end');
    });
    await Promise.resolve();
    const a2 = work.run('a', async () => void log.push('a2'));
    const b1 = work.run('b', async () => void log.push('b1'));
    await b1.done;
    expect(log).toEqual(['a1 start', 'b1']);
    first.open();
    await Promise.all([a1.done, a2.done]);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect([a1.folded, a2.folded, b1.folded]).toEqual([false, false, false]);
    expect(errors).toEqual([]);
  });

  it('folds a burst into the piece already waiting: at most two evaluations, the last after the last event', async () => {
    const work = new SerialWork(() => {});
    const running = gate();
    let runs = 0;
    const piece = async () => {
      runs++;
      if (runs === 1) await running.opened;
    };
    work.run('pr', piece);
    await Promise.resolve();
    const burst = Array.from({ length: 10 }, () => work.run('pr', piece));
    expect(burst.map((item) => item.folded)).toEqual([false, ...Array(9).fill(true)]);
    running.open();
    await work.idle();
    expect(runs).toBe(2);
  });

  it('goes on after work that threw, and reports it', async () => {
    const errors: string[] = [];
    const work = new SerialWork((error, key) => errors.push(`${key}: ${(error as Error).message}`));
    await work.run('a', async () => {
      throw new Error('GitHub answered 502');
    }).done;
    let after = false;
    await work.run('a', async () => void (after = true)).done;
    expect([after, errors]).toEqual([true, ['a: GitHub answered 502']]);
    expect(work.active).toBe(0);
    await work.idle();
  });
});
