import { readPupils, readRegister } from './src/cli/signals-input.ts';
import { CALENDAR_PRESETS } from './src/domain/calendar-presets.ts';
import { expandPreset } from './src/domain/calendar.ts';
import { schoolYearOf } from './src/domain/school-year.ts';
const year = schoolYearOf('2026-06-30');
const cal = CALENDAR_PRESETS.filter((p) => p.level === 'secundair').flatMap(expandPreset);
for (let k = 0; k < 2; k++) {
  const problems = [];
  let c0 = process.cpuUsage(); let t0 = performance.now();
  const pupils = await readPupils('/tmp/speed/p300k/pupils.csv', problems, year);
  let c1 = process.cpuUsage(c0); let t1 = performance.now();
  const reg = await readRegister('/tmp/speed/p300k/register.csv', problems, pupils, cal, year);
  let c2 = process.cpuUsage(); let t2 = performance.now();
  console.log('pupils wall', (t1 - t0).toFixed(0), 'cpu', (c1.user / 1000).toFixed(0), 'register wall', (t2 - t1).toFixed(0), 'cpu', ((c2.user - c0.user - c1.user) / 1000).toFixed(0), problems.length, reg.pupil.length);
}
