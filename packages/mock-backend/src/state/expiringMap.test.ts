import { describe, expect, it } from 'vitest';
import { createExpiringMap } from './expiringMap.ts';

function setup() {
  const clock = { time: 1_000_000 };
  const map = createExpiringMap<string, number>(() => clock.time);
  return { clock, map };
}

describe('createExpiringMap', () => {
  it('should keep an entry until the clock reaches its time, then forget it', () => {
    const { clock, map } = setup();
    map.set('a', 1, clock.time + 100);
    clock.time += 99;
    expect(map.size).toBe(1);
    expect(map.get('a')).toBe(1);
    clock.time += 1;
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
  });

  it('should forget entries of equal lifetime in the order they were set', () => {
    const { clock, map } = setup();
    for (let index = 0; index < 10; index++) {
      map.set(`k${index}`, index, clock.time + 1000);
      clock.time += 10;
    }
    clock.time += 1000 - 100 + 45;
    expect(map.size).toBe(5);
    expect(map.get('k4')).toBeUndefined();
    expect(map.get('k5')).toBe(5);
  });

  it('should forget a short-lived entry on time behind a long-lived one', () => {
    const { clock, map } = setup();
    map.set('day', 1, clock.time + 24 * 60 * 60_000);
    map.set('minute', 2, clock.time + 60_000);
    clock.time += 60_000;
    expect(map.size).toBe(1);
    expect(map.get('day')).toBe(1);
  });

  it('should keep a key set again with a later time, and forget a deleted one', () => {
    const { clock, map } = setup();
    map.set('again', 1, clock.time + 100);
    map.set('gone', 2, clock.time + 100);
    map.delete('gone');
    expect(map.get('gone')).toBeUndefined();
    clock.time += 50;
    map.set('again', 3, clock.time + 100);
    clock.time += 60;
    expect(map.get('again')).toBe(3);
    expect(map.size).toBe(1);
  });

  it('should never forget an entry set until Infinity', () => {
    const { clock, map } = setup();
    map.set('forever', 1, Number.POSITIVE_INFINITY);
    clock.time += 1e15;
    expect(map.size).toBe(1);
  });

  it('should stay bounded by the live entries while many come and go', () => {
    const { clock, map } = setup();
    for (let index = 0; index < 100_000; index++) {
      map.set(`k${index}`, index, clock.time + 1000);
      if (index % 2 === 0) map.delete(`k${index}`);
      clock.time += 1;
    }
    expect(map.size).toBeLessThanOrEqual(501);
    clock.time += 1000;
    expect(map.size).toBe(0);
  });
});
