// A named point where a process can be told to stop and wait (tests only): the crash test kills an import there.
import { writeFileSync } from 'node:fs';

/**
 * When AANWEZIG_TEST_PAUSE_AT names this point, writes the point's name to the file AANWEZIG_TEST_PAUSE_MARKER (if
 * set) and never returns, keeping the process alive until it is killed. Otherwise returns at once. Used by the
 * SIGKILL test (import-acceptance.int.test.ts) to kill an import at a known moment instead of after a delay.
 */
export async function pausePoint(name: string): Promise<void> {
  if (process.env.AANWEZIG_TEST_PAUSE_AT !== name) return;
  const marker = process.env.AANWEZIG_TEST_PAUSE_MARKER;
  if (marker) writeFileSync(marker, name);
  await new Promise<never>(() => {
    setInterval(() => {}, 60_000); // keeps the event loop (and the open transaction) alive until the kill
  });
}
