// The browser's CSV downloads (chart tables, thuiszitters with pupil names) go through the product's one writer.
import { describe, expect, it } from 'vitest';
import { chartCsv } from '../pages/selfscan-data.ts';
import { tableCsv } from './chart-table.tsx';

describe('CSV downloads in the web app', () => {
  it('the thuiszitters table neutralises formulas in pupil and class names', () => {
    const csv = tableCsv(['Leerling', 'Klas', 'Dagen'], [['=HYPERLINK("http://evil.example")', '@1A', 12]]);
    expect(csv).toBe(`Leerling,Klas,Dagen\r\n"'=HYPERLINK(""http://evil.example"")","'@1A",12\r\n`);
  });

  it('the self-scan chart neutralises formulas in goal names', () => {
    const csv = chartCsv(
      { categories: [{ label: '0.1', name: '-Doel' }], series: [{ name: '2024-2025', values: [4] }] },
      '+Doelstelling',
    );
    expect(csv).toBe(`"'+Doelstelling",,2024-2025\r\n0.1,"'-Doel",4\r\n`);
  });
});
