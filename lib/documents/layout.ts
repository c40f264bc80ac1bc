// The administrative layout every document shares (Decree 30/2020/ND-CP): the issuing body and the national
// header side by side, the number and the place and date below them, the title, the body, then the recipients
// ("Nơi nhận:") beside the signature block. Pure: a builder passes a plain view model and gets a .docx buffer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { ISSUER, NATIONAL_HEADER, placeAndDate } from '@/lib/domain/documents';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt header lines, 11 pt recipients. */
const BODY = 26;

export type Signature = {
  /** "GIÁM ĐỐC", "CHỦ TỊCH HỘI ĐỒNG" ... */ title: string;
  /** "KT. GIÁM ĐỐC" line, if any. */ on?: string;
  name: string;
};

export type Layout = {
  /** "Số: 12/QĐ-SKHCN" */
  number: string;
  date: Date | null;
  /** "QUYẾT ĐỊNH", "BIÊN BẢN" ... */
  kind: string;
  /** The line(s) under the kind: "Về việc ..." */
  subject: string[];
  body: FileChild[];
  recipients?: string[];
  signatures: Signature[];
};

type RunOpts = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });

export function centered(text: string, o: RunOpts = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });
}

/** A justified body paragraph, first line indented. */
export function para(text: string, o: RunOpts = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 80, line: 300 },
    children: [run(text, o)],
  });
}

/** "Label: value" with the label in bold. */
export function labelled(label: string, value: string) {
  return new Paragraph({ indent: { firstLine: 567 }, spacing: { after: 80 }, children: [run(`${label}: `, { bold: true }), run(value)] });
}

export function heading(text: string) {
  return new Paragraph({ spacing: { before: 120, after: 80 }, children: [run(text, { bold: true })] });
}

const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });

/** A bordered table: a bold header row, then text rows. */
export function grid(header: string[], rows: string[][], widths?: number[]) {
  const w = widths ?? header.map(() => Math.floor(100 / header.length));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell([centered(h, { bold: true, size: 24 })], w[i])) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((c, i) => cell([new Paragraph({ children: [run(c, { size: 24 })] })], w[i])),
          }),
      ),
    ],
  });
}

function header(number: string, date: Date | null) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered(ISSUER.superior, { size: 24 }),
              centered(ISSUER.department, { bold: true, size: 24 }),
              centered('―――――', { size: 20 }),
            ],
            40,
          ),
          cell(
            [
              centered(NATIONAL_HEADER.state, { bold: true, size: 24 }),
              centered(NATIONAL_HEADER.motto, { bold: true }),
              centered('―――――――――', { size: 20 }),
            ],
            60,
          ),
        ],
      }),
      new TableRow({
        children: [cell([centered(number, { size: 24 })], 40), cell([centered(placeAndDate(date), { italics: true })], 60)],
      }),
    ],
  });
}

function signatureBlock(recipients: string[] | undefined, signatures: Signature[]) {
  const recipientCell = recipients?.length
    ? [
        new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
        ...recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 22 })] })),
      ]
    : [new Paragraph({ children: [] })];
  const signs = signatures.map((s) =>
    cell(
      [
        ...(s.on ? [centered(s.on, { bold: true })] : []),
        centered(s.title, { bold: true }),
        centered('(Ký, ghi rõ họ tên)', { italics: true, size: 22 }),
        new Paragraph({ children: [] }),
        new Paragraph({ children: [] }),
        new Paragraph({ children: [] }),
        centered(s.name, { bold: true }),
      ],
      Math.floor((recipients?.length ? 55 : 100) / Math.max(1, signatures.length)),
    ),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: recipients?.length ? [cell(recipientCell, 45), ...signs] : signs })],
  });
}

/** The whole document as an editable .docx. */
export async function renderDocument(l: Layout): Promise<Buffer> {
  const doc = new Document({
    creator: `${ISSUER.department} ${ISSUER.superior}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header(l.number, l.date),
          new Paragraph({ children: [] }),
          centered(l.kind, { bold: true, size: 28 }),
          ...l.subject.map((s) => centered(s, { bold: true })),
          new Paragraph({ children: [] }),
          ...l.body,
          new Paragraph({ children: [] }),
          signatureBlock(l.recipients, l.signatures),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
