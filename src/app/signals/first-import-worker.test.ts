// The spare worker's warm-up (first-import-worker.ts) evaluates a made-up school: it must reach the code a real
// school reaches (many rules, certificates, sentences, COPY tuples), or V8 would optimise little before the real one.
import { describe, expect, it } from 'vitest';
import { evaluateFirstImport, type FirstImportMessage, warmUpTask } from './first-import-worker.ts';

describe('first import worker warm-up', () => {
  it('finds signals of many rules in the made-up school', () => {
    const messages: FirstImportMessage[] = [];
    evaluateFirstImport(warmUpTask('2025-2026', '2026-06-30'), (m) => messages.push(m));
    const year = messages.find((m) => m.type === 'year');
    const done = messages.find((m) => m.type === 'year-done');
    const bytes = messages.reduce((sum, m) => sum + (m.type === 'chunk' ? m.tuples.length : 0), 0);
    expect(year).toMatchObject({ schoolYear: '2025-2026' });
    expect(year?.type === 'year' && year.count).toBeGreaterThan(2_000);
    const rules = done?.type === 'year-done' ? Object.keys(done.rules) : [];
    expect(rules.length).toBeGreaterThanOrEqual(8);
    expect(rules).toEqual(expect.arrayContaining(['B5_CLB', 'CERT_MISSING']));
    expect(bytes).toBeGreaterThan(1_000_000);
  });
});
