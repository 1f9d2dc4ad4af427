import { describe, expect, it } from 'vitest';
import { parseTimeZone } from '../../../src/core/windows/time-zone-name.ts';

describe('parseTimeZone accepts IANA names, in their usual spelling', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['europe/berlin', 'Europe/Berlin'],
    ['  Asia/Tokyo ', 'Asia/Tokyo'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Etc/UTC', 'Etc/UTC'],
    ['Australia/Lord_Howe', 'Australia/Lord_Howe'],
  ])('%j → %j', (name, zone) => {
    expect(parseTimeZone(name)).toEqual({ ok: true, zone });
  });
});

describe('parseTimeZone refuses', () => {
  it.each([
    ['Europe/Berln', 'unknown time zone `Europe/Berln`: did you mean `Europe/Berlin`?'],
    ['America/NewYork', 'unknown time zone `America/NewYork`: did you mean `America/New_York`?'],
    ['Mars/Olympus_Mons', 'unknown time zone `Mars/Olympus_Mons`: use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`'],
    ['CEST', 'unknown time zone `CEST`: use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`'],
    ['', 'missing time zone: use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`'],
    ['+01:00', '`+01:00` is a fixed offset, not a time zone: use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`, which follows daylight saving time'],
    ['-05:00', '`-05:00` is a fixed offset, not a time zone: use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`, which follows daylight saving time'],
  ])('%j', (name, message) => {
    expect(parseTimeZone(name)).toEqual({ ok: false, message });
  });
});
