// Renders the self-scan layout to DOCX with the `docx` library: headings, bullets and the overview tables.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './selfscan-layout.ts';

const lines = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  value.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));

const cell = (value: string, options: { bold?: boolean; span?: number; shade?: boolean } = {}) =>
  new TableCell({
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } : undefined,
    children: [new Paragraph({ children: lines(value, { bold: options.bold, size: 17 }) })],
  });

export async function renderDocx(blocks: readonly Block[], meta: { title: string }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'page-break':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] }));
        break;
      case 'subtitle':
        children.push(new Paragraph({ children: [new TextRun({ text: block.text, size: 32, color: '444444' })] }));
        break;
      case 'phase':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] }));
        break;
      case 'track':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] }));
        break;
      case 'goal':
        children.push(
          new Paragraph({ heading: HeadingLevel.HEADING_3, bullet: { level: 0 }, children: [new TextRun(block.text)] }),
        );
        break;
      case 'theme':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(block.text)] }));
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            bullet: block.bullet ? { level: 0 } : undefined,
            children: lines(block.text, { italics: block.italic }),
          }),
        );
        break;
      case 'question':
        children.push(new Paragraph({ bullet: { level: 1 }, children: lines(block.text) }));
        if (block.answer)
          children.push(new Paragraph({ indent: { left: 1440 }, children: lines(block.answer, { italics: true }) }));
        break;
      case 'score':
        children.push(
          new Paragraph({
            spacing: { before: 160 },
            children: [new TextRun({ text: `${block.label} `, bold: true }), new TextRun(block.score)],
          }),
        );
        break;
      case 'focus':
        children.push(new Paragraph({ children: [new TextRun({ text: block.label, bold: true })] }));
        children.push(new Paragraph({ indent: { left: 720 }, children: lines(block.text || ' ') }));
        break;
      case 'table': {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.title)] }));
        const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: border,
              bottom: border,
              left: border,
              right: border,
              insideHorizontal: border,
              insideVertical: border,
            },
            rows: [
              new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, { bold: true })) }),
              ...block.rows.map(
                (row) =>
                  new TableRow({
                    children:
                      'heading' in row
                        ? [cell(row.heading, { bold: true, span: 6, shade: true })]
                        : row.cells.map((value) => cell(value)),
                  }),
              ),
            ],
          }),
        );
        children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [] }));
        break;
      }
    }
  }
  const document = new Document({
    title: meta.title,
    creator: 'Aanwezig',
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(document);
}
