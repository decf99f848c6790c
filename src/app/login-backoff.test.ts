// The sign-in back-off schedule: free attempts first, then a doubling wait with a ceiling (never a hard lock).
import { describe, expect, it } from 'vitest';
import { BACKOFF_FIRST_SECONDS, BACKOFF_MAX_SECONDS, backoffSeconds, FAILURES_BEFORE_BACKOFF } from './auth.service.ts';

describe('backoffSeconds', () => {
  it('lets the first failures pass, then doubles the wait up to the ceiling', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => backoffSeconds(i + 1));
    expect(schedule.slice(0, FAILURES_BEFORE_BACKOFF - 1).every((s) => s === 0)).toBe(true);
    expect(backoffSeconds(FAILURES_BEFORE_BACKOFF)).toBe(BACKOFF_FIRST_SECONDS);
    expect(backoffSeconds(FAILURES_BEFORE_BACKOFF + 1)).toBe(2 * BACKOFF_FIRST_SECONDS);
    for (let i = 1; i < schedule.length; i++) expect(schedule[i]).toBeGreaterThanOrEqual(schedule[i - 1] as number);
    expect(Math.max(...schedule)).toBe(BACKOFF_MAX_SECONDS);
    expect(backoffSeconds(1_000)).toBe(BACKOFF_MAX_SECONDS);
  });
});
