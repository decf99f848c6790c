// Tests for the seeded pseudo-random generator: reproducible streams and sane ranges.
import { describe, expect, it } from 'vitest';
import { deriveRandom, mixSeed, Random } from './random.ts';

const draw = (random: Random, count: number) => Array.from({ length: count }, () => random.next());

describe('Random', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    expect(draw(new Random(42), 100)).toEqual(draw(new Random(42), 100));
    expect(draw(new Random(42), 100)).not.toEqual(draw(new Random(43), 100));
  });

  it('keeps numbers in range', () => {
    const random = new Random(7);
    for (let i = 0; i < 10_000; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      const whole = random.int(-3, 5);
      expect(Number.isInteger(whole) && whole >= -3 && whole <= 5).toBe(true);
    }
  });

  it('draws weighted indexes in proportion to their weights (given cumulatively)', () => {
    const random = new Random(1);
    const counts = new Int32Array(3);
    for (let i = 0; i < 30_000; i++) {
      const index = random.weightedIndex([1, 3, 6]); // weights 1, 2, 3
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect((counts[2] as number) / 30_000).toBeCloseTo(0.5, 1);
    expect((counts[0] as number) / 30_000).toBeCloseTo(1 / 6, 1);
  });

  it('draws Poisson counts with the requested mean', () => {
    const random = new Random(3);
    for (const mean of [0.5, 4, 60]) {
      let total = 0;
      for (let i = 0; i < 20_000; i++) total += random.poisson(mean);
      expect(total / 20_000).toBeGreaterThan(mean * 0.95);
      expect(total / 20_000).toBeLessThan(mean * 1.05);
    }
  });

  it('derives independent streams from labels', () => {
    expect(mixSeed(1, 'a', 2)).toBe(mixSeed(1, 'a', 2));
    expect(mixSeed(1, 'ab')).not.toBe(mixSeed(1, 'a', 'b'));
    expect(mixSeed(1, 2 ** 40)).not.toBe(mixSeed(1, 0));
    expect(draw(deriveRandom(5, 'pupil', 1), 5)).not.toEqual(draw(deriveRandom(5, 'pupil', 2), 5));
  });
});
