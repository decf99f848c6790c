// Optional timing of import phases: AANWEZIG_PROFILE=1 prints them to stderr, =collect keeps them for benchmarks.
export interface PhaseTiming {
  label: string;
  phase: string;
  ms: number;
  /** When the phase ended (performance.now()). */
  at: number;
}

const collected: PhaseTiming[] = [];

/** Returns and forgets the phases timed so far (AANWEZIG_PROFILE=collect or 1). */
export function takePhaseTimings(): PhaseTiming[] {
  return collected.splice(0);
}

export function phaseTimer(label: string): (phase: string) => void {
  const mode = process.env.AANWEZIG_PROFILE;
  if (mode !== '1' && mode !== 'collect') return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    collected.push({ label, phase, ms: now - last, at: now });
    if (mode === '1') process.stderr.write(`[${label}] ${phase}: ${(now - last).toFixed(0)} ms\n`);
    last = now;
  };
}
