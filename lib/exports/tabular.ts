import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// Every list the department exports, written the same way: an .xlsx workbook streamed row by row by exceljs (a
// 20 000-row list never sits in memory as a workbook), or a UTF-8 CSV with a byte-order mark so that Excel shows
// Vietnamese as written. Money is a number with a đồng format, dates are dates; in CSV, money is plain digits and
// dates read dd/mm/yyyy.

export type Cell = string | number | bigint | Date | null | undefined;
export type ColumnKind = 'text' | 'int' | 'money' | 'date' | 'datetime';
export type Column<T> = { header: string; kind: ColumnKind; width?: number; value: (row: T) => Cell };
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  int: '#,##0',
  money: '#,##0 "đ"',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** A calendar day stays the day; an instant becomes the wall clock in Vietnam (a workbook has no time zone). */
function xlsxValue(kind: ColumnKind, v: Cell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return kind === 'datetime' ? new Date(v.getTime() + VIETNAM_OFFSET_MS) : v;
  return v;
}

const two = (n: number) => String(n).padStart(2, '0');
function csvValue(kind: ColumnKind, v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = kind === 'datetime' ? new Date(v.getTime() + VIETNAM_OFFSET_MS) : v;
    const date = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    return kind === 'datetime' ? `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : date;
  }
  return String(v);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV lines of a list: the byte-order mark and the header first, CRLF line ends. */
export async function* csvLines<T>(columns: readonly Column<T>[], rows: AsyncIterable<T>): AsyncGenerator<string> {
  yield `\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  for await (const row of rows) yield `${columns.map((c) => csvField(csvValue(c.kind, c.value(row)))).join(',')}\r\n`;
}

/** The .xlsx bytes of a list, as a stream: a title row, the header (frozen), then the rows. */
export function xlsxStream<T>(sheet: string, title: string, columns: readonly Column<T>[], rows: AsyncIterable<T>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({
    width: c.width ?? (c.kind === 'text' ? 30 : 16),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  titleRow.commit();
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  void (async () => {
    try {
      for await (const row of rows) ws.addRow(columns.map((c) => xlsxValue(c.kind, c.value(row)))).commit();
      ws.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

async function* utf8(lines: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const line of lines) yield Buffer.from(line, 'utf8');
}

/** The download: the list in the format asked, named `<base>-<day>.<ext>` (Vietnamese names kept, encoded). */
export function exportResponse<T>(
  format: ExportFormat,
  file: { base: string; sheet: string; title: string },
  columns: readonly Column<T>[],
  rows: AsyncIterable<T>,
  now = new Date(),
): Response {
  const day = new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const name = `${file.base}-${day}.${format}`;
  const body = format === 'xlsx' ? xlsxStream(file.sheet, file.title, columns, rows) : Readable.from(utf8(csvLines(columns, rows)));
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
