// The department's identity and the wording of its administrative documents (Decree 30/2020/ND-CP form): pure,
// so the builders and their tests share one rule.
import { TZDate } from '@date-fns/tz';
import { moneyInputValue, TIME_ZONE } from './format';

/** Who issues the documents: the province's People's Committee above the department. */
export const ISSUER = {
  province: 'An Phú',
  superior: 'UBND TỈNH AN PHÚ',
  department: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  /** The department's abbreviation in a document number: "Số: 12/QĐ-SKHCN". */
  abbreviation: 'SKHCN',
  /** The place written before the date: the province's name. */
  place: 'An Phú',
} as const;

export const NATIONAL_HEADER = { state: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' } as const;

/**
 * "ngày 05 tháng 3 năm 2027": the day in Vietnam; a day below 10 and the months 1 and 2 take a leading zero
 * (Decree 30/2020/ND-CP, Appendix I), the other months do not. Null: blanks for the clerk to fill in.
 */
export function documentDate(value: Date | null | undefined): string {
  if (!value) return 'ngày ... tháng ... năm ...';
  const d = new TZDate(value.getTime(), TIME_ZONE);
  const day = String(d.getDate()).padStart(2, '0');
  const month = d.getMonth() + 1;
  return `ngày ${day} tháng ${month < 3 ? `0${month}` : month} năm ${d.getFullYear()}`;
}

/** "An Phú, ngày 05 tháng 3 năm 2027". */
export function placeAndDate(value: Date | null | undefined): string {
  return `${ISSUER.place}, ${documentDate(value)}`;
}

/** "Số: 12/QĐ-SKHCN" from a recorded number; a number without a kind gets the kind; none leaves a blank. */
export function documentNumber(recorded: string | null | undefined, kind: 'QĐ' | 'BB' | 'TTr' | 'DM'): string {
  const n = recorded?.trim();
  if (!n) return `Số: ....../${kind}-${ISSUER.abbreviation}`;
  return n.includes('/') ? `Số: ${n}` : `Số: ${n}/${kind}-${ISSUER.abbreviation}`;
}

/** 1200000000n -> "1.200.000.000 đồng"; null -> a blank. */
export function amountInDong(value: bigint | number | null | undefined): string {
  return value === null || value === undefined ? '............ đồng' : `${moneyInputValue(value)} đồng`;
}

/** dd/mm/yyyy of a calendar day in Vietnam, for tables inside a document. */
export function shortDate(value: Date | null | undefined): string {
  if (!value) return '...';
  const d = new TZDate(value.getTime(), TIME_ZONE);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

export const POSITION_TITLE = {
  CHAIR: 'Chủ tịch hội đồng',
  VICE_CHAIR: 'Phó Chủ tịch hội đồng',
  REVIEWER: 'Ủy viên phản biện',
  SECRETARY: 'Ủy viên thư ký khoa học',
  MEMBER: 'Ủy viên',
} as const;

export const RATING_TITLE = { EXCELLENT: 'Xuất sắc', PASS: 'Đạt', FAIL: 'Không đạt' } as const;

export const RECOMMENDATION_TITLE = {
  APPROVE: 'Đề nghị thực hiện',
  APPROVE_WITH_REVISIONS: 'Đề nghị thực hiện, có chỉnh sửa',
  REJECT: 'Đề nghị không thực hiện',
} as const;

export const STAGE_TITLE = {
  PROPOSAL: 'tư vấn tuyển chọn, giao trực tiếp',
  ACCEPTANCE: 'đánh giá, nghiệm thu',
} as const;

/** A file name a Vietnamese clerk recognises, safe on every system: no path or control characters. */
export function documentFileName(title: string, reference: string | null | undefined): string {
  const ref = [...(reference ?? '')]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c))
    .join('')
    .replace(/-+/g, '-')
    .trim();
  return `${title}${ref ? ` ${ref}` : ''}.docx`;
}

/** The documents the department issues, as the route names them (`/api/documents/<kind>/<id>`). */
export const DOCUMENT_KINDS = [
  'council-decision',
  'evaluation-form',
  'ballot',
  'minutes',
  'order-list',
  'approval-decision',
  'extension-decision',
  'recognition-decision',
  'liquidation-record',
  'identification-decision',
  'identification-minutes',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A download a page offers; `stage` and `member` tell the council documents apart. */
export type DocumentLink = { kind: DocumentKind; id: string; href: string; stage?: 'PROPOSAL' | 'ACCEPTANCE'; member?: string };
