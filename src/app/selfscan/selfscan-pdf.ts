// Renders the self-scan layout to PDF with pdfkit (standard fonts: the text stays extractable, e.g. pdftotext).
import PDFDocument from 'pdfkit';
import type { Block } from './selfscan-layout.ts';

const MARGIN = 50;

export function renderPdf(blocks: readonly Block[], meta: { title: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: meta.title }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const text = (value: string, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor('#000')
      .text(value, { width, ...options });
  let pageHasContent = false;
  for (const block of blocks) {
    switch (block.kind) {
      case 'page-break':
        if (pageHasContent) doc.addPage();
        pageHasContent = false;
        continue;
      case 'title':
        text(block.text, 'Helvetica-Bold', 22);
        break;
      case 'subtitle':
        text(block.text, 'Helvetica', 16).moveDown(0.5);
        break;
      case 'phase':
        text(block.text, 'Helvetica-Bold', 16).moveDown(0.4);
        break;
      case 'track':
        doc.moveDown(0.4);
        text(block.text, 'Helvetica-Bold', 13).moveDown(0.3);
        break;
      case 'goal':
        doc.moveDown(0.5);
        text(`• ${block.text}`, 'Helvetica-Bold', 11.5).moveDown(0.2);
        break;
      case 'theme':
        text(block.text, 'Helvetica-BoldOblique', 11).moveDown(0.2);
        break;
      case 'paragraph':
        text(block.bullet ? `• ${block.text}` : block.text, block.italic ? 'Helvetica-Oblique' : 'Helvetica', 10, {
          indent: block.bullet ? 12 : 0,
        }).moveDown(0.3);
        break;
      case 'question':
        text(`• ${block.text}`, 'Helvetica', 10, { indent: 12 });
        if (block.answer) text(block.answer, 'Helvetica-Oblique', 10, { indent: 28 });
        doc.moveDown(0.3);
        break;
      case 'score':
        doc.moveDown(0.2);
        text(`${block.label} ${block.score}`, 'Helvetica-Bold', 10.5);
        break;
      case 'focus':
        text(block.label, 'Helvetica-Bold', 10.5);
        text(block.text || ' ', 'Helvetica', 10, { indent: 12 }).moveDown(0.5);
        break;
      case 'table': {
        doc.moveDown(0.5);
        text(block.title, 'Helvetica-Bold', 12).moveDown(0.2);
        doc.font('Helvetica').fontSize(8.5);
        const data: (string | PDFKit.Mixins.CellOptions)[][] = [
          block.header.map((h) => ({ text: h, font: { family: 'Helvetica-Bold' }, type: 'TH' as const })),
          ...block.rows.map((row) =>
            'heading' in row
              ? [{ text: row.heading, colSpan: 6, font: { family: 'Helvetica-Bold' }, backgroundColor: '#e8eef5' }]
              : row.cells,
          ),
        ];
        doc.table({ data, columnStyles: [150, 40, '*', 60, 60, 60], position: { x: MARGIN } });
        doc.x = MARGIN;
        break;
      }
    }
    pageHasContent = true;
  }
  doc.end();
  return done;
}
