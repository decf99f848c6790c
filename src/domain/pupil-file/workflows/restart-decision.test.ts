// The keuzeschema after the taxatie (seed 002 §2.1–2.3): each branch with the answers that lead to it.
import { describe, expect, it } from 'vitest';
import { checkTaxatie, decideRestart, type TaxatieAnswers } from './restart-decision.ts';

const ready: TaxatieAnswers = {
  absence: 'recent',
  perspectives: 'yes',
  pivot: 'yes',
  connection: 'yes',
  complaints: 'not-needed',
  readiness: 'ready',
  severity: 'no',
  externalHelp: 'not-needed',
};

describe('the keuzeschema', () => {
  it('everything in place: a gradual return; after a long absence with small steps', () => {
    expect(decideRestart(ready).outcome).toBe('gradual-return');
    expect(decideRestart({ ...ready, absence: 'long' }).reasons).toHaveLength(2);
  });
  it('school impossible now, or no connection and not ready: phase 3', () => {
    expect(decideRestart({ ...ready, severity: 'yes' }).outcome).toBe('let-go');
    expect(decideRestart({ ...ready, connection: 'no', readiness: 'not-ready' }).outcome).toBe('let-go');
  });
  it('no perspectives, spilfiguur or connection: prepare first, each named as a reason', () => {
    const d = decideRestart({ ...ready, perspectives: 'no', pivot: 'no' });
    expect(d.outcome).toBe('prepare');
    expect(d.reasons).toHaveLength(2);
  });
  it('not ready, help needed or no work on the complaints: a dual track first', () => {
    expect(decideRestart({ ...ready, readiness: 'not-ready' }).outcome).toBe('care-first');
    expect(decideRestart({ ...ready, externalHelp: 'needed' }).outcome).toBe('care-first');
    expect(decideRestart({ ...ready, complaints: 'no' }).outcome).toBe('care-first');
  });
  it('every question must be answered with one of its options', () => {
    expect(checkTaxatie(ready)).toEqual([]);
    expect(checkTaxatie({ ...ready, severity: 'maybe' }).map((p) => p.field)).toEqual(['taxatie.severity']);
  });
});
