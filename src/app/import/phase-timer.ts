// Optional timing of import phases (AANWEZIG_PROFILE=1 prints them to stderr) for tuning bulk loads.
export function phaseTimer(label: string): (phase: string) => void {
  if (process.env.AANWEZIG_PROFILE !== '1') return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`[${label}] ${phase}: ${(now - last).toFixed(0)} ms\n`);
    last = now;
  };
}
