import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../src/github/requests/rate-budget.ts';
import { PacingRefused, RequestPacer } from '../../src/github/requests/request-pacer.ts';
import { runPool } from '../../src/gate/pool.ts';

const headers = (remaining: number, reset = 5_000_000_000, extra: Record<string, string> = {}) => ({
  'x-ratelimit-limit': '1000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(reset),
  'x-ratelimit-resource': 'core',
  date: new Date().toUTCString(),
  ...extra,
});

describe('RateBudget: what is left of the hour, from the answers alone', () => {
  it('is unknown (unbounded) before the first answer', () => {
    expect(new RateBudget().available()).toBe(Infinity);
  });

  it('counts requests in flight as spent, and 304s apart', () => {
    const budget = new RateBudget();
    budget.sent();
    budget.answered(headers(900), 200);
    budget.sent();
    budget.sent();
    expect(budget.available()).toBe(898);
    budget.answered(headers(899), 304);
    budget.failed();
    expect(budget.available()).toBe(899);
    expect({ counted: budget.counted, notModified: budget.notModified }).toEqual({ counted: 1, notModified: 1 });
  });

  it('keeps the lowest remaining of one window, whatever order the answers come in', () => {
    const budget = new RateBudget();
    for (const remaining of [500, 498, 499]) {
      budget.sent();
      budget.answered(headers(remaining), 200);
    }
    expect(budget.reading).toEqual({ limit: 1000, remaining: 498, reset: 5_000_000_000 });
  });

  it('starts afresh with a new window', () => {
    const budget = new RateBudget();
    budget.answered(headers(3, 5_000_000_000), 200);
    budget.answered(headers(999, 5_000_003_600), 200);
    expect(budget.available()).toBe(999);
  });

  it('counts on nothing once the reset is past, by GitHub’s clock', () => {
    const budget = new RateBudget();
    const past = Math.floor(Date.now() / 1000) - 10;
    budget.answered(headers(0, past), 403);
    expect(budget.available()).toBe(Infinity);
  });

  it('ignores the budgets of other resources (search, GraphQL)', () => {
    const budget = new RateBudget();
    budget.answered(headers(3, 5_000_000_000, { 'x-ratelimit-resource': 'search' }), 200);
    expect(budget.reading).toBeNull();
  });
});

describe('RequestPacer: GitHub’s secondary limits, and no slower', () => {
  function pacer(maxWaitMs = 90_000) {
    let now = 0;
    const waits: number[] = [];
    const instance = new RequestPacer({
      clock: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
      maxWaitMs,
    });
    return { instance, waits, advance: (ms: number) => (now += ms) };
  }

  it('lets 80 writes through at once, then waits for the first to leave the minute', async () => {
    const { instance, waits, advance } = pacer();
    for (let i = 0; i < 80; i++) await instance.take('POST');
    expect(waits).toEqual([]);
    advance(10_000);
    await instance.take('PATCH');
    // A second of margin: GitHub counts a request when it arrives.
    expect(waits).toEqual([51_000]);
  });

  it('counts a read as 1 point and a write as 5, at most 900 a minute', async () => {
    const { instance, waits, advance } = pacer();
    for (let i = 0; i < 40; i++) await instance.take('POST');
    advance(1_000);
    for (let i = 0; i < 700; i++) await instance.take('GET');
    expect(waits).toEqual([]);
    // 200 + 700 = 900 points: the next read waits until the writes' minute is over.
    await instance.take('GET');
    expect(waits).toEqual([60_000]);
  });

  it('counts a request from its answer: one that waited in a queue arrived late, and its minute ends late', async () => {
    const { instance, waits, advance } = pacer();
    const settles = [];
    for (let i = 0; i < 80; i++) settles.push(await instance.take('POST'));
    // The writes were answered 5 s after they were let out.
    advance(5_000);
    for (const settle of settles) settle();
    await instance.take('POST');
    expect(waits).toEqual([61_000]);
  });

  it('never waits when requests are spread out', async () => {
    const { instance, waits, advance } = pacer();
    for (let i = 0; i < 300; i++) {
      await instance.take(i % 2 ? 'GET' : 'POST');
      advance(750);
    }
    expect(waits).toEqual([]);
  });

  it('refuses a request that would wait past its limit (the 501st write of an hour)', async () => {
    const { instance, advance } = pacer(90_000);
    for (let i = 0; i < 500; i++) {
      await instance.take('POST');
      advance(1_000);
    }
    await expect(instance.take('POST')).rejects.toThrow('GitHub allows at most 500 content-creating requests an hour; the next request would have to wait');
    // The refusal does not jam the queue: reads still go, and later writes are judged afresh.
    await expect(instance.take('GET')).resolves.toBeTypeOf('function');
    advance(3_600_000);
    await expect(instance.take('POST')).resolves.toBeTypeOf('function');
  });

  it('refuses a request that would wait longer than 20 s by default (a PR’s time limit is not for waiting)', async () => {
    const instance = new RequestPacer({ clock: () => 0, sleep: async () => {} });
    for (let i = 0; i < 80; i++) await instance.take('DELETE');
    await expect(instance.take('POST')).rejects.toBeInstanceOf(PacingRefused);
    await expect(instance.take('POST')).rejects.toThrow('GitHub allows at most 80 content-creating requests a minute; the next request would have to wait 61 s');
  });

  it('tells when there is room for a PR’s writes, without taking it', async () => {
    const { instance, waits, advance } = pacer();
    for (let i = 0; i < 78; i++) {
      await instance.take('POST');
      advance(100);
    }
    // 2 slots are free: room for 2 at once, for 3 only when the first write leaves the minute.
    expect(await instance.room(2, 90_000)).toBe(true);
    expect(waits).toEqual([]);
    expect(await instance.room(3, 90_000)).toBe(true);
    expect(waits).toEqual([61_000 - 7_800]);
    expect(await instance.room(3, 1_000)).toBe(true);
    // The hour: 500 writes leave no room for a PR however long it waits for the minute.
    const full = pacer();
    for (let i = 0; i < 500; i++) {
      await full.instance.take('POST');
      full.advance(1_000);
    }
    expect(await full.instance.room(1, 90_000)).toBe(false);
  });

  it('lets concurrent requests through one at a time, in order', async () => {
    const { instance } = pacer();
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => instance.take(n === 2 ? 'GET' : 'POST').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('runPool', () => {
  it('never runs more than the limit at once, and runs every item once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(item);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
