// The one CSV writer: formula injection neutralised (OWASP), RFC 4180 quoting, and a guard the importer can undo.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvText, neutraliseFormula, removeFormulaGuard } from './csv.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const parse = (text: string) => Papa.parse<string[]>(text, { delimiter: ',' }).data;

describe('CSV writer', () => {
  it('puts a quote in front of text a spreadsheet would evaluate, and quotes the field', () => {
    expect(csvField('=HYPERLINK("http://evil.example","klik")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""klik"")"`,
    );
    expect(csvField('+32 470 12 34 56')).toBe(`"'+32 470 12 34 56"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField("'=1+1")).toBe(`"''=1+1"`);
  });

  it('leaves ordinary text and numbers alone (a negative count is a number, not a formula)', () => {
    expect(csvField("D'Hondt")).toBe("D'Hondt");
    expect(csvField('Noë Çelik')).toBe('Noë Çelik');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes the delimiters of both Excel locales, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;=b')).toBe('"a;=b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(
      csvText([
        ['a', 1],
        ['=b', null],
      ]),
    ).toBe(`a,1\r\n"'=b",\r\n`);
  });

  it('never lets a parsed field start a formula, and the importer gets every text back exactly', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', ';', '\n', 'a', 'ë') }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (values) => {
        const [parsed] = parse(`${csvRecord(values)}\r\n`);
        expect(parsed).toHaveLength(values.length);
        for (const field of parsed ?? []) expect(field).not.toMatch(FORMULA_START);
        expect((parsed ?? []).map(removeFormulaGuard)).toEqual(values);
      }),
      { numRuns: 500 },
    );
  });

  it('removes only a guard it recognises', () => {
    expect(removeFormulaGuard("'=1+1")).toBe('=1+1');
    expect(removeFormulaGuard("''=1+1")).toBe("'=1+1");
    expect(removeFormulaGuard("'t Kofschip")).toBe("'t Kofschip");
    expect(removeFormulaGuard("'")).toBe("'");
    expect(neutraliseFormula("'t Kofschip")).toBe("'t Kofschip");
  });
});
