import 'server-only';
import ExcelJS from 'exceljs';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import { yearInVietnam } from '@/lib/domain/format';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { parseYearRange } from '@/lib/domain/statistics';
import { ISSUER } from '@/lib/domain/documents';
import { formFigures, type FormRow } from '@/lib/statistics/figures';
import type { Actor } from '@/lib/server/actor';

// The provincial S&T statistics form of the year (Biểu 04/TKTH-KHCN-ĐP: the provincial-level S&T tasks by field
// and state, and their budgets) as an .xlsx the department sends on: the form's header, rows and columns in
// Vietnamese, as the form is filed. Every task this app manages is a provincial-level task.

export const REPORTING_UNIT = `Sở Khoa học và Công nghệ tỉnh ${ISSUER.province}`;

const FIELD_HEADERS: Record<(typeof SCIENCE_FIELDS)[number], string> = {
  NATURAL: 'Khoa học tự nhiên',
  ENGINEERING: 'Khoa học kỹ thuật và công nghệ',
  MEDICAL: 'Khoa học y, dược',
  AGRICULTURAL: 'Khoa học nông nghiệp',
  SOCIAL: 'Khoa học xã hội',
  HUMANITIES: 'Khoa học nhân văn',
};

type Line = { label: string; code: string; value: (r: FormRow) => number | bigint; money?: boolean; indent?: number; bold?: boolean };
const MILLION = 1_000_000n;
const millions = (v: bigint) => Number(v / MILLION) + Number(v % MILLION) / 1_000_000;

export const FORM_04_LINES: Line[] = [
  { label: 'Số nhiệm vụ thực hiện trong năm', code: '01', value: (r) => r.running, bold: true },
  { label: 'Mở mới', code: '02', value: (r) => r.started, indent: 1 },
  { label: 'Chuyển tiếp', code: '03', value: (r) => r.continuing, indent: 1 },
  { label: 'Số nhiệm vụ được đánh giá, nghiệm thu trong năm', code: '04', value: (r) => r.assessed, bold: true },
  { label: 'Đạt', code: '05', value: (r) => r.accepted, indent: 1 },
  { label: 'Trong đó: Xuất sắc', code: '06', value: (r) => r.acceptedExcellent, indent: 2 },
  { label: 'Trong đó: Đạt', code: '07', value: (r) => r.acceptedPass, indent: 2 },
  { label: 'Không đạt', code: '08', value: (r) => r.notAccepted, indent: 1 },
  { label: 'Số nhiệm vụ chấm dứt hợp đồng trong năm', code: '09', value: (r) => r.terminated, bold: true },
  { label: 'Kinh phí từ ngân sách nhà nước (triệu đồng)', code: '10', value: () => 0n, money: true, bold: true },
  { label: 'Kinh phí theo hợp đồng của nhiệm vụ mở mới', code: '11', value: (r) => r.startedBudget, money: true, indent: 1 },
  { label: 'Kinh phí đã cấp của nhiệm vụ thanh lý trong năm', code: '12', value: (r) => r.disbursed, money: true, indent: 1 },
  { label: 'Kinh phí nộp trả ngân sách', code: '13', value: (r) => r.refunded, money: true, indent: 1 },
];

const ZERO: FormRow = {
  running: 0,
  started: 0,
  continuing: 0,
  assessed: 0,
  accepted: 0,
  acceptedExcellent: 0,
  acceptedPass: 0,
  notAccepted: 0,
  terminated: 0,
  startedBudget: 0n,
  disbursed: 0n,
  refunded: 0n,
};

/** The form of a year (`year` from the URL; the current year otherwise), for the department. */
export async function exportForm04(actor: Actor, rawYear: unknown, now = new Date()): Promise<Response> {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const { from: year } = parseYearRange({ year: rawYear }, yearInVietnam(now));
  const figures = await formFigures(prisma, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = REPORTING_UNIT;
  const ws = wb.addWorksheet('Biểu 04', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true } });
  const lastCol = 3 + SCIENCE_FIELDS.length;
  ws.columns = [{ width: 52 }, { width: 8 }, { width: 12 }, ...SCIENCE_FIELDS.map(() => ({ width: 16 }))];

  ws.getCell('A1').value = 'Biểu 04/TKTH-KHCN-ĐP';
  ws.getCell('A1').font = { bold: true };
  ws.getCell('A2').value = 'Ban hành theo chế độ báo cáo thống kê tổng hợp ngành khoa học và công nghệ';
  ws.getCell('A3').value = 'Ngày nhận báo cáo: ngày 15 tháng 3 năm sau';
  ws.mergeCells(1, 4, 1, lastCol);
  ws.getCell(1, 4).value = `Đơn vị báo cáo: ${REPORTING_UNIT}`;
  ws.mergeCells(2, 4, 2, lastCol);
  ws.getCell(2, 4).value = 'Đơn vị nhận báo cáo: Bộ Khoa học và Công nghệ';
  ws.mergeCells(5, 1, 5, lastCol);
  ws.getCell(5, 1).value = 'NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH';
  ws.getCell(5, 1).font = { bold: true, size: 14 };
  ws.getCell(5, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(6, 1, 6, lastCol);
  ws.getCell(6, 1).value = `Năm ${year}`;
  ws.getCell(6, 1).alignment = { horizontal: 'center' };

  // The table's head: two rows (the fields under "Chia theo lĩnh vực"), then the column numbers.
  const head = 8;
  ws.mergeCells(head, 1, head + 1, 1);
  ws.getCell(head, 1).value = 'Chỉ tiêu';
  ws.mergeCells(head, 2, head + 1, 2);
  ws.getCell(head, 2).value = 'Mã số';
  ws.mergeCells(head, 3, head + 1, 3);
  ws.getCell(head, 3).value = 'Tổng số';
  ws.mergeCells(head, 4, head, lastCol);
  ws.getCell(head, 4).value = 'Chia theo lĩnh vực khoa học và công nghệ';
  SCIENCE_FIELDS.forEach((f, i) => (ws.getCell(head + 1, 4 + i).value = FIELD_HEADERS[f]));
  ['A', 'B', ...Array.from({ length: SCIENCE_FIELDS.length + 1 }, (_, i) => String(i + 1))].forEach(
    (v, i) => (ws.getCell(head + 2, i + 1).value = v),
  );
  for (let r = head; r <= head + 2; r++)
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: r < head + 2, italic: r === head + 2 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }

  FORM_04_LINES.forEach((line, i) => {
    const row = ws.getRow(head + 3 + i);
    const value = (r: FormRow) => (line.code === '10' ? null : line.money ? millions(line.value(r) as bigint) : Number(line.value(r)));
    row.values = [line.label, line.code, value(figures.total), ...SCIENCE_FIELDS.map((f) => value(figures.byField[f] ?? ZERO))];
    row.getCell(1).alignment = { indent: line.indent ?? 0 };
    row.getCell(2).alignment = { horizontal: 'center' };
    if (line.bold) row.font = { bold: true };
    for (let c = 3; c <= lastCol; c++) row.getCell(c).numFmt = line.money ? '#,##0.###' : '#,##0';
  });
  const last = head + 2 + FORM_04_LINES.length;
  for (let r = head; r <= last; r++)
    for (let c = 1; c <= lastCol; c++)
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const note = last + 2;
  ws.getCell(note, 1).value =
    'Ghi chú: số liệu tính theo ngày của sự kiện trong năm (ngày ký hợp đồng, ngày quyết định công nhận kết quả, ngày chấm dứt, ngày thanh lý).';
  ws.mergeCells(note + 2, 4, note + 2, lastCol);
  ws.getCell(note + 2, 4).value = `${ISSUER.place}, ngày ... tháng ... năm ${year + 1}`;
  ws.getCell(note + 2, 4).alignment = { horizontal: 'center' };
  ws.mergeCells(note + 3, 4, note + 3, lastCol);
  ws.getCell(note + 3, 4).value = 'THỦ TRƯỞNG ĐƠN VỊ';
  ws.getCell(note + 3, 4).font = { bold: true };
  ws.getCell(note + 3, 4).alignment = { horizontal: 'center' };
  ws.getCell(note + 3, 1).value = 'Người lập biểu';
  ws.getCell(note + 3, 1).font = { bold: true };

  const bytes = await wb.xlsx.writeBuffer();
  const name = `Bieu-04-TKTH-KHCN-DP-${year}.xlsx`;
  return new Response(new Uint8Array(bytes as ArrayBuffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
