// The signals CLI's CSV reader (csv-scan.ts) against the import's reader (tabular-file.ts) on the same small files:
// the same header, the same rows with the same row numbers and values, or both refuse the file.
import { describe, expect, it } from 'vitest';
import { openTabularFile } from '../app/import/tabular-file.ts';
import { tempDir, writeTemp } from '../app/temp-files.ts';
import { scanTabular } from './csv-scan.ts';

type Read = { header: string[]; rows: [number, string[]][] } | { refused: true };

async function byImport(path: string): Promise<Read> {
  try {
    const file = await openTabularFile(path);
    const rows: [number, string[]][] = [];
    for await (const batch of file.rows) for (const { row, values } of batch) rows.push([row, values]);
    return { header: file.header, rows };
  } catch {
    return { refused: true };
  }
}

async function byCli(path: string): Promise<Read> {
  let header: string[] = [];
  const rows: [number, string[]][] = [];
  try {
    await scanTabular(path, {
      header(names) {
        header = names;
        return true;
      },
      row(row, record) {
        rows.push([row, Array.from({ length: record.count }, (_, f) => record.text(f))]);
      },
    });
    return { header, rows };
  } catch {
    return { refused: true };
  }
}

const HEADER = 'pupil_id,date,half,code,note';

const FILES: Record<string, string> = {
  plain: `${HEADER}\nP1,2025-09-01,AM,B,\nP2,2025-09-01,PM,Z,ziek\n`,
  'CR LF': `${HEADER}\r\nP1,2025-09-01,AM,B,\r\nP2,2025-09-01,PM,Z,ziek\r\n`,
  'quoted values with "" and a quoted line break': `${HEADER}\nP1,2025-09-01,AM,B,"zei ""ziek"""\nP2,2025-09-01,PM,Z,"twee\nregels"\n`,
  'blank lines and a line of blanks': `${HEADER}\n\nP1,2025-09-01,AM,B,\n , , , ,\n\nP2,2025-09-01,PM,Z,\n`,
  'a line of only a no-break space': `${HEADER}\nP1,2025-09-01,AM,B,\n\u00a0\nP2,2025-09-01,PM,Z,\n`,
  'a value of only a no-break space': `${HEADER}\nP1,2025-09-01,AM,B,\u00a0\n`,
  'text after a closing quote': `${HEADER}\nP1,2025-09-01,AM,B,"x"y\n`,
  'spaces after a closing quote': `${HEADER}\nP1,2025-09-01,AM,B,"x"  \nP2,2025-09-01,"PM"  ,Z,\n`,
  'an unterminated quote': `${HEADER}\nP1,2025-09-01,AM,B,"x\n`,
  'no final line break': `${HEADER}\nP1,2025-09-01,AM,B,`,
  semicolons: 'pupil_id;date;half;code;note\nP1;01/09/2025;VM;B;\n',
  'a lone LF in a CR LF file': `${HEADER}\r\nP1,2025-09-01,AM,B,zie\nk\r\nP2,2025-09-01,PM,Z,\r\n`,
  'a lone LF after a code in a CR LF file': `${HEADER}\r\nP1,2025-09-01,AM,B\n,\r\nP2,2025-09-01,PM,Z,\r\n`,
  'a quoted value then CR LF in a LF file': `${HEADER}\nP1,2025-09-01,AM,B,"x"\r\nP2,2025-09-01,PM,Z,\n`,
  'a quoted value then a lone LF in a CR LF file': `${HEADER}\r\nP1,2025-09-01,AM,B,"x"\nP2,2025-09-01,PM,Z,\r\n`,
  'lone CRs': `${HEADER}\rP1,2025-09-01,AM,B,"x"\rP2,2025-09-01,PM,Z,zie\nk\r`,
  'mostly CR LF, some LF': `${HEADER}\r\nP1,2025-09-01,AM,B,\r\nP2,2025-09-01,PM,Z,\nP3,2025-09-02,AM,Z,\r\n`,
  'white space after a closing quote': `${HEADER}\nP1,2025-09-01,"AM"\t \r,B,"x" \u00a0\nP2,2025-09-01,PM,Z,\n`,
  'spaces after a closing quote at the end of the file': `${HEADER}\nP1,2025-09-01,AM,B,"x"  `,
  'a closing quote at the end of the file': `${HEADER}\nP1,2025-09-01,AM,B,"x"`,
  'quoted line breaks before the first line break': `"pupil_id","date","half","code","note\r\nx"\nP1,2025-09-01,AM,B,\n`,
};

describe('the signals CLI reads a CSV as the import does', () => {
  const dir = tempDir();
  for (const [name, text] of Object.entries(FILES)) {
    it(name, async () => {
      const path = writeTemp(dir, `${name.replaceAll(/\W+/g, '-')}.csv`, text);
      const expected = await byImport(path);
      expect(await byCli(path)).toEqual(expected);
    });
  }
});
