// The region report as a PDF (pdfkit, standard Helvetica as in the pupil-file export): every section with its
// figures, definition and source; the values are the suppressed ones of the JSON.
import PDFDocument from 'pdfkit';
import { formatBelgianDate } from '../../domain/half-day.ts';
import { figureText, type RegionReport } from '../../domain/monitor/region-report.ts';

export async function regionReportPdf(report: RegionReport): Promise<Buffer> {
  const title = report.scope.kind === 'lop' ? 'Uitsluitingen in het LOP' : 'Thuiszittersrapport';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${title} ${report.scope.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(`${title}: ${report.scope.name}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `Schooljaar ${report.schoolYear}, peildatum ${formatBelgianDate(report.asOf)}, ${report.scope.schoolCount} scholen. ` +
        `Aantallen van 1 tot ${report.minShownCount - 1} worden niet getoond (<${report.minShownCount}).`,
    );
  for (const section of report.sections) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(13).text(section.title.nl);
    doc.font('Helvetica-Oblique').fontSize(9).text(section.definition.nl);
    doc.text(`Bron: ${section.source}`);
    doc.moveDown(0.3);
    for (const f of section.figures)
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`${f.label.nl}: ${figureText(f)}`);
  }
  doc.end();
  return done;
}
