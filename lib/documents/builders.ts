// One builder per document the department issues (domain.md, "Documents the department issues"). Each takes a
// plain view model the service filled from the record and returns the .docx; none reads the database.
import {
  amountInDong,
  documentDate,
  documentNumber,
  ISSUER,
  POSITION_TITLE,
  RATING_TITLE,
  RECOMMENDATION_TITLE,
  shortDate,
  STAGE_TITLE,
} from '@/lib/domain/documents';
import { centered, grid, heading, labelled, para, renderDocument } from './layout';

type Position = keyof typeof POSITION_TITLE;
type RatingKey = keyof typeof RATING_TITLE;
type RecommendationKey = keyof typeof RECOMMENDATION_TITLE;
type Stage = keyof typeof STAGE_TITLE;

/** What every task document names. */
export type TaskHead = {
  code: string | null;
  title: string;
  host: string;
  piName: string | null;
};

const DIRECTOR = 'GIÁM ĐỐC';
const DEPARTMENT_SIGNER = (name: string | null) => ({ title: DIRECTOR, name: name ?? '' });
const taskLine = (t: TaskHead) => `${t.code ? `${t.code} - ` : ''}${t.title}`;
const orDots = (v: string | null | undefined) => (v && v.trim() ? v : '..............................');

function taskFacts(t: TaskHead) {
  return [labelled('Tên nhiệm vụ', taskLine(t)), labelled('Tổ chức chủ trì', t.host), labelled('Chủ nhiệm nhiệm vụ', orDots(t.piName))];
}

// --- Council formation decision --------------------------------------------------------------------------

export type CouncilDecisionModel = {
  stage: Stage;
  task: TaskHead;
  formedAt: Date;
  members: { name: string; position: Position; affiliation: string | null }[];
  signer: string | null;
};

export function councilDecision(m: CouncilDecisionModel) {
  return renderDocument({
    number: documentNumber(null, 'QĐ'),
    date: m.formedAt,
    kind: 'QUYẾT ĐỊNH',
    subject: [`Về việc thành lập Hội đồng ${STAGE_TITLE[m.stage]}`, `nhiệm vụ khoa học và công nghệ cấp tỉnh`],
    body: [
      centered(`GIÁM ĐỐC ${ISSUER.department}`, { bold: true }),
      para('Căn cứ Luật Khoa học, Công nghệ và Đổi mới sáng tạo ngày 27 tháng 6 năm 2025;'),
      para('Căn cứ các quy định hiện hành về quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh;'),
      para('Theo đề nghị của Trưởng phòng Quản lý khoa học.'),
      centered('QUYẾT ĐỊNH:', { bold: true }),
      para(`Điều 1. Thành lập Hội đồng ${STAGE_TITLE[m.stage]} nhiệm vụ khoa học và công nghệ cấp tỉnh:`, { bold: true }),
      ...taskFacts(m.task),
      para('Thành phần Hội đồng gồm các ông (bà) có tên sau:'),
      grid(
        ['TT', 'Họ và tên', 'Đơn vị công tác', 'Chức danh trong hội đồng'],
        m.members.map((x, i) => [String(i + 1), x.name, x.affiliation ?? '', POSITION_TITLE[x.position]]),
        [8, 35, 32, 25],
      ),
      para(
        'Điều 2. Hội đồng có nhiệm vụ đánh giá nhiệm vụ theo quy định, kiến nghị kết quả với Giám đốc Sở. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.',
      ),
      para(
        'Điều 3. Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học, tổ chức chủ trì và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      ),
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

// --- Member evaluation form (blank or filled) -----------------------------------------------------------

export type EvaluationFormModel = {
  stage: Stage;
  task: TaskHead;
  criteria: { label: string; max: number }[];
  products: string[];
  /** Absent: the blank form. */
  filled?: {
    memberName: string;
    position: Position;
    submittedAt: Date | null;
    scores: (number | null)[];
    totalScore: number | null;
    recommendation: RecommendationKey | null;
    productRatings: (RatingKey | null)[];
    reportRating: RatingKey | null;
    overallRating: RatingKey | null;
    comments: string;
  };
};

export function evaluationForm(m: EvaluationFormModel) {
  const f = m.filled;
  const rating = (r: RatingKey | null | undefined) => (r ? RATING_TITLE[r] : '');
  const body =
    m.stage === 'PROPOSAL'
      ? [
          heading('I. Điểm đánh giá theo tiêu chí'),
          grid(
            ['TT', 'Tiêu chí', 'Điểm tối đa', 'Điểm đánh giá'],
            [
              ...m.criteria.map((c, i) => [String(i + 1), c.label, String(c.max), f?.scores[i] != null ? String(f.scores[i]) : '']),
              ['', 'Tổng cộng', String(m.criteria.reduce((a, c) => a + c.max, 0)), f?.totalScore != null ? String(f.totalScore) : ''],
            ],
            [8, 52, 20, 20],
          ),
          heading('II. Kiến nghị'),
          ...(['APPROVE', 'APPROVE_WITH_REVISIONS', 'REJECT'] as const).map((r) =>
            para(`${f?.recommendation === r ? '☒' : '☐'} ${RECOMMENDATION_TITLE[r]}`),
          ),
        ]
      : [
          heading('I. Đánh giá sản phẩm và báo cáo tổng hợp'),
          grid(
            ['TT', 'Sản phẩm', 'Xuất sắc / Đạt / Không đạt'],
            [
              ...m.products.map((p, i) => [String(i + 1), p, rating(f?.productRatings[i])]),
              [String(m.products.length + 1), 'Báo cáo tổng hợp kết quả', rating(f?.reportRating)],
            ],
            [8, 62, 30],
          ),
          heading('II. Đánh giá chung'),
          ...(['EXCELLENT', 'PASS', 'FAIL'] as const).map((r) => para(`${f?.overallRating === r ? '☒' : '☐'} ${RATING_TITLE[r]}`)),
        ];
  return renderDocument({
    number: '',
    date: f?.submittedAt ?? null,
    kind: 'PHIẾU ĐÁNH GIÁ',
    subject: [`Hội đồng ${STAGE_TITLE[m.stage]} nhiệm vụ khoa học và công nghệ cấp tỉnh`],
    body: [
      labelled('Họ và tên thành viên hội đồng', orDots(f?.memberName)),
      labelled('Chức danh trong hội đồng', f ? POSITION_TITLE[f.position] : orDots(null)),
      ...taskFacts(m.task),
      ...body,
      heading('III. Ý kiến khác'),
      para(f?.comments?.trim() ? f.comments : '..............................................................................'),
    ],
    signatures: [{ title: 'THÀNH VIÊN HỘI ĐỒNG', name: f?.memberName ?? '' }],
  });
}

// --- Council minutes with attendance and the vote count -------------------------------------------------

export type MinutesModel = {
  stage: Stage;
  task: TaskHead;
  meeting: { heldAt: Date; place: string; online: boolean; presiding: string } | null;
  attendance: { name: string; position: Position; present: boolean; online: boolean }[];
  votes:
    | {
        stage: 'PROPOSAL';
        members: number;
        cast: number;
        mean: number | null;
        passMark: number;
        recommending: number;
        ballots: { name: string; total: number | null; recommendation: RecommendationKey | null }[];
      }
    | {
        stage: 'ACCEPTANCE';
        members: number;
        cast: number;
        counts: Record<RatingKey, number>;
        grade: RatingKey | null;
        ballots: { name: string; overall: RatingKey | null }[];
      };
  secretary: string | null;
  chair: string | null;
};

export function councilMinutes(m: MinutesModel) {
  const present = m.attendance.filter((a) => a.present).length;
  const v = m.votes;
  const count =
    v.stage === 'PROPOSAL'
      ? [
          para(`Số phiếu phát ra: ${v.members}; số phiếu thu về hợp lệ: ${v.cast}.`),
          para(`Điểm trung bình: ${v.mean === null ? '...' : v.mean.toFixed(2).replace('.', ',')} / 100 (điểm đạt: ${v.passMark}).`),
          para(`Số phiếu đề nghị thực hiện (kể cả có chỉnh sửa): ${v.recommending}/${v.cast}.`),
          grid(
            ['TT', 'Thành viên', 'Tổng điểm', 'Kiến nghị'],
            v.ballots.map((b, i) => [
              String(i + 1),
              b.name,
              b.total === null ? '' : String(b.total),
              b.recommendation ? RECOMMENDATION_TITLE[b.recommendation] : '',
            ]),
            [8, 40, 17, 35],
          ),
        ]
      : [
          para(`Số phiếu phát ra: ${v.members}; số phiếu thu về hợp lệ: ${v.cast}.`),
          para(`Xuất sắc: ${v.counts.EXCELLENT}; Đạt: ${v.counts.PASS}; Không đạt: ${v.counts.FAIL}.`),
          para(`Kết quả đánh giá của hội đồng: ${v.grade ? RATING_TITLE[v.grade] : '...'}.`, { bold: true }),
          grid(
            ['TT', 'Thành viên', 'Đánh giá chung'],
            v.ballots.map((b, i) => [String(i + 1), b.name, b.overall ? RATING_TITLE[b.overall] : '']),
            [8, 57, 35],
          ),
        ];
  return renderDocument({
    number: documentNumber(null, 'BB'),
    date: m.meeting?.heldAt ?? null,
    kind: 'BIÊN BẢN',
    subject: [`Họp Hội đồng ${STAGE_TITLE[m.stage]} và kiểm phiếu`, 'nhiệm vụ khoa học và công nghệ cấp tỉnh'],
    body: [
      ...taskFacts(m.task),
      heading('I. Thời gian, địa điểm'),
      para(
        m.meeting
          ? `Vào lúc ${m.meeting.heldAt.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} ${documentDate(m.meeting.heldAt)}, tại ${m.meeting.online ? 'họp trực tuyến' : orDots(m.meeting.place)}. Chủ trì: ${m.meeting.presiding}.`
          : 'Thời gian, địa điểm: ..............................',
      ),
      heading('II. Thành phần tham dự'),
      para(`Có mặt ${present}/${m.attendance.length} thành viên hội đồng.`),
      grid(
        ['TT', 'Họ và tên', 'Chức danh', 'Tham dự'],
        m.attendance.map((a, i) => [
          String(i + 1),
          a.name,
          POSITION_TITLE[a.position],
          a.present ? (a.online ? 'Có mặt (trực tuyến)' : 'Có mặt') : 'Vắng mặt',
        ]),
        [8, 37, 30, 25],
      ),
      heading('III. Kết quả kiểm phiếu'),
      ...count,
    ],
    signatures: [
      { title: 'THƯ KÝ KHOA HỌC', name: m.secretary ?? '' },
      { title: 'CHỦ TỊCH HỘI ĐỒNG', name: m.chair ?? '' },
    ],
  });
}

// --- The list proposed to UBND ----------------------------------------------------------------------------

export type OrderListModel = {
  planYear: number;
  title: string;
  letterNumber: string | null;
  submittedAt: Date | null;
  items: {
    code: string | null;
    title: string;
    objectives: string;
    products: string;
    method: 'SELECTION' | 'DIRECT';
    directOrganization: string | null;
    durationMonths: number | null;
    budgetEstimate: bigint | null;
  }[];
  signer: string | null;
};

export function orderList(m: OrderListModel) {
  return renderDocument({
    number: documentNumber(m.letterNumber, 'TTr'),
    date: m.submittedAt,
    kind: 'DANH MỤC NHIỆM VỤ ĐỀ NGHỊ ĐẶT HÀNG',
    subject: [
      `Nhiệm vụ khoa học và công nghệ cấp tỉnh thực hiện từ năm ${m.planYear}`,
      `(Kèm theo Tờ trình ${documentNumber(m.letterNumber, 'TTr').replace('Số: ', 'số ')} của ${ISSUER.department})`,
    ],
    body: [
      grid(
        ['TT', 'Tên nhiệm vụ', 'Mục tiêu', 'Sản phẩm', 'Phương thức', 'Thời gian (tháng)', 'Kinh phí dự kiến từ ngân sách nhà nước'],
        m.items.map((x, i) => [
          String(i + 1),
          x.title,
          x.objectives,
          x.products,
          x.method === 'DIRECT' ? `Giao trực tiếp${x.directOrganization ? `: ${x.directOrganization}` : ''}` : 'Tuyển chọn',
          x.durationMonths === null ? '' : String(x.durationMonths),
          x.budgetEstimate === null ? '' : amountInDong(x.budgetEstimate),
        ]),
        [5, 22, 20, 17, 13, 8, 15],
      ),
      para(`Tổng số: ${m.items.length} nhiệm vụ.`, { italics: true }),
    ],
    recipients: ['UBND tỉnh', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

// --- Decisions and records addressed to the host organization --------------------------------------------

export type ApprovalDecisionModel = {
  task: TaskHead;
  decisionNo: string | null;
  decisionDate: Date | null;
  approvedBudget: bigint | null;
  durationMonths: number | null;
  signer: string | null;
};

export function approvalDecision(m: ApprovalDecisionModel) {
  return renderDocument({
    number: documentNumber(m.decisionNo, 'QĐ'),
    date: m.decisionDate,
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc phê duyệt tổ chức chủ trì, chủ nhiệm, kinh phí', 'và thời gian thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh'],
    body: [
      centered(`GIÁM ĐỐC ${ISSUER.department}`, { bold: true }),
      para('Căn cứ kết quả làm việc của Hội đồng tư vấn tuyển chọn, giao trực tiếp và Tổ thẩm định nội dung, kinh phí;'),
      para('Theo đề nghị của Trưởng phòng Quản lý khoa học.'),
      centered('QUYẾT ĐỊNH:', { bold: true }),
      para('Điều 1. Phê duyệt tổ chức chủ trì, chủ nhiệm, kinh phí và thời gian thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sau:', {
        bold: true,
      }),
      ...taskFacts(m.task),
      labelled('Kinh phí từ ngân sách nhà nước', amountInDong(m.approvedBudget)),
      labelled('Thời gian thực hiện', m.durationMonths === null ? '... tháng' : `${m.durationMonths} tháng`),
      para('Điều 2. Tổ chức chủ trì và chủ nhiệm nhiệm vụ có trách nhiệm ký hợp đồng và thực hiện nhiệm vụ theo đúng quy định.'),
      para(
        'Điều 3. Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học, Trưởng phòng Kế hoạch - Tài chính, tổ chức chủ trì và chủ nhiệm nhiệm vụ chịu trách nhiệm thi hành Quyết định này.',
      ),
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

export type ExtensionDecisionModel = {
  task: TaskHead;
  contractNo: string | null;
  currentEndDate: Date;
  newEndDate: Date;
  reason: string;
  decidedAt: Date | null;
  signer: string | null;
};

export function extensionDecision(m: ExtensionDecisionModel) {
  return renderDocument({
    number: documentNumber(null, 'QĐ'),
    date: m.decidedAt,
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc gia hạn thời gian thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh'],
    body: [
      centered(`GIÁM ĐỐC ${ISSUER.department}`, { bold: true }),
      para(`Căn cứ Hợp đồng thực hiện nhiệm vụ ${m.contractNo ? `số ${m.contractNo}` : '...'};`),
      para(`Xét đề nghị gia hạn của ${m.task.host}.`),
      centered('QUYẾT ĐỊNH:', { bold: true }),
      para('Điều 1. Gia hạn thời gian thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sau:', { bold: true }),
      ...taskFacts(m.task),
      labelled('Thời gian kết thúc theo hợp đồng', shortDate(m.currentEndDate)),
      labelled('Thời gian kết thúc sau gia hạn', shortDate(m.newEndDate)),
      labelled('Lý do', m.reason),
      para('Điều 2. Các nội dung khác của hợp đồng giữ nguyên.'),
      para('Điều 3. Trưởng phòng Quản lý khoa học, tổ chức chủ trì và chủ nhiệm nhiệm vụ chịu trách nhiệm thi hành Quyết định này.'),
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

export type RecognitionDecisionModel = {
  task: TaskHead;
  decisionNo: string | null;
  decisionDate: Date | null;
  grade: RatingKey | null;
  signer: string | null;
};

export function recognitionDecision(m: RecognitionDecisionModel) {
  return renderDocument({
    number: documentNumber(m.decisionNo, 'QĐ'),
    date: m.decisionDate,
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc công nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh'],
    body: [
      centered(`GIÁM ĐỐC ${ISSUER.department}`, { bold: true }),
      para('Căn cứ kết quả đánh giá, nghiệm thu của Hội đồng đánh giá, nghiệm thu nhiệm vụ;'),
      para('Theo đề nghị của Trưởng phòng Quản lý khoa học.'),
      centered('QUYẾT ĐỊNH:', { bold: true }),
      para('Điều 1. Công nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sau:', { bold: true }),
      ...taskFacts(m.task),
      labelled('Kết quả đánh giá', m.grade ? RATING_TITLE[m.grade] : '...'),
      para('Điều 2. Tổ chức chủ trì có trách nhiệm đăng ký, lưu giữ kết quả và báo cáo ứng dụng kết quả theo quy định.'),
      para('Điều 3. Trưởng phòng Quản lý khoa học, tổ chức chủ trì và chủ nhiệm nhiệm vụ chịu trách nhiệm thi hành Quyết định này.'),
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

export type LiquidationRecordModel = {
  task: TaskHead;
  contractNo: string | null;
  contractSignedAt: Date | null;
  fundedAmount: bigint | null;
  recordNo: string;
  liquidatedOn: Date;
  disbursed: bigint;
  spent: bigint;
  refunded: bigint;
  note: string | null;
};

export function liquidationRecord(m: LiquidationRecordModel) {
  return renderDocument({
    number: documentNumber(m.recordNo, 'BB'),
    date: m.liquidatedOn,
    kind: 'BIÊN BẢN THANH LÝ HỢP ĐỒNG',
    subject: [`Hợp đồng thực hiện nhiệm vụ khoa học và công nghệ ${m.contractNo ? `số ${m.contractNo}` : ''}`.trim()],
    body: [
      para(`Căn cứ Hợp đồng ${m.contractNo ? `số ${m.contractNo}` : '...'} ký ${documentDate(m.contractSignedAt)};`),
      para(`Hôm nay, ${documentDate(m.liquidatedOn)}, chúng tôi gồm:`),
      labelled('Bên giao (Bên A)', `${ISSUER.department} tỉnh ${ISSUER.province}`),
      labelled('Bên nhận (Bên B)', m.task.host),
      para('Hai bên thống nhất thanh lý hợp đồng thực hiện nhiệm vụ:'),
      ...taskFacts(m.task),
      grid(
        ['Nội dung', 'Số tiền'],
        [
          ['Kinh phí theo hợp đồng', amountInDong(m.fundedAmount)],
          ['Kinh phí đã cấp', amountInDong(m.disbursed)],
          ['Kinh phí đã sử dụng', amountInDong(m.spent)],
          ['Kinh phí phải nộp trả ngân sách nhà nước', amountInDong(m.refunded)],
        ],
        [60, 40],
      ),
      ...(m.note?.trim() ? [labelled('Ghi chú', m.note)] : []),
      para('Biên bản được lập thành 04 bản có giá trị như nhau, mỗi bên giữ 02 bản.'),
    ],
    signatures: [
      { title: `ĐẠI DIỆN BÊN B`, name: '' },
      { title: `ĐẠI DIỆN BÊN A`, name: '' },
    ],
  });
}

// --- The task identification council (over a call's needs proposals) ---------------------------------------

export type IdentificationProposal = { code: string | null; title: string; organization: string };

export type IdentificationDecisionModel = {
  councilName: string;
  year: number;
  formedAt: Date;
  members: { name: string; position: Position; affiliation: string | null }[];
  proposals: IdentificationProposal[];
  signer: string | null;
};

const proposalGrid = (proposals: IdentificationProposal[]) =>
  grid(
    ['TT', 'Mã', 'Tên đề xuất đặt hàng', 'Tổ chức, cá nhân đề xuất'],
    proposals.map((p, i) => [String(i + 1), p.code ?? '', p.title, p.organization]),
    [8, 17, 45, 30],
  );

export function identificationDecision(m: IdentificationDecisionModel) {
  return renderDocument({
    number: documentNumber(null, 'QĐ'),
    date: m.formedAt,
    kind: 'QUYẾT ĐỊNH',
    subject: ['Về việc thành lập Hội đồng tư vấn xác định nhiệm vụ', `khoa học và công nghệ cấp tỉnh năm ${m.year}`],
    body: [
      centered(`GIÁM ĐỐC ${ISSUER.department}`, { bold: true }),
      para('Căn cứ Luật Khoa học, Công nghệ và Đổi mới sáng tạo ngày 27 tháng 6 năm 2025;'),
      para('Căn cứ các quy định hiện hành về xác định nhiệm vụ khoa học và công nghệ cấp tỉnh;'),
      para('Theo đề nghị của Trưởng phòng Quản lý khoa học.'),
      centered('QUYẾT ĐỊNH:', { bold: true }),
      para(`Điều 1. Thành lập ${m.councilName} gồm các ông (bà) có tên sau:`, { bold: true }),
      grid(
        ['TT', 'Họ và tên', 'Đơn vị công tác', 'Chức danh trong hội đồng'],
        m.members.map((x, i) => [String(i + 1), x.name, x.affiliation ?? '', POSITION_TITLE[x.position]]),
        [8, 35, 32, 25],
      ),
      para(
        `Điều 2. Hội đồng có nhiệm vụ tư vấn xác định ${m.proposals.length} đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh năm ${m.year} tại Phụ lục kèm theo, kiến nghị với Giám đốc Sở danh mục nhiệm vụ đặt hàng. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.`,
      ),
      para(
        'Điều 3. Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      ),
      heading('Phụ lục. Các đề xuất đặt hàng hội đồng xem xét'),
      proposalGrid(m.proposals),
    ],
    recipients: ['Như Điều 3', 'Lưu: VT, QLKH'],
    signatures: [DEPARTMENT_SIGNER(m.signer)],
  });
}

export type IdentificationMinutesModel = {
  councilName: string;
  year: number;
  meeting: { heldAt: Date; place: string; online: boolean; presiding: string } | null;
  attendance: { name: string; position: Position; present: boolean; online: boolean }[];
  proposals: (IdentificationProposal & {
    voters: number;
    recommending: number;
    outcome: 'RECOMMEND' | 'NOT_RECOMMEND' | null;
    method: 'SELECTION' | 'DIRECT' | null;
    directOrganization: string | null;
  })[];
  secretary: string | null;
  chair: string | null;
};

const OUTCOME_TITLE = { RECOMMEND: 'Đề nghị đặt hàng', NOT_RECOMMEND: 'Không đề nghị đặt hàng' } as const;
const METHOD_TITLE = { SELECTION: 'tuyển chọn', DIRECT: 'giao trực tiếp' } as const;

export function identificationMinutes(m: IdentificationMinutesModel) {
  const present = m.attendance.filter((a) => a.present).length;
  return renderDocument({
    number: documentNumber(null, 'BB'),
    date: m.meeting?.heldAt ?? null,
    kind: 'BIÊN BẢN',
    subject: [`Họp ${m.councilName} và kiểm phiếu`, `đề xuất đặt hàng nhiệm vụ khoa học và công nghệ năm ${m.year}`],
    body: [
      heading('I. Thời gian, địa điểm'),
      para(
        m.meeting
          ? `Vào lúc ${m.meeting.heldAt.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} ${documentDate(m.meeting.heldAt)}, tại ${m.meeting.online ? 'họp trực tuyến' : orDots(m.meeting.place)}. Chủ trì: ${m.meeting.presiding}.`
          : 'Thời gian, địa điểm: ..............................',
      ),
      heading('II. Thành phần tham dự'),
      para(`Có mặt ${present}/${m.attendance.length} thành viên hội đồng.`),
      grid(
        ['TT', 'Họ và tên', 'Chức danh', 'Tham dự'],
        m.attendance.map((a, i) => [
          String(i + 1),
          a.name,
          POSITION_TITLE[a.position],
          a.present ? (a.online ? 'Có mặt (trực tuyến)' : 'Có mặt') : 'Vắng mặt',
        ]),
        [8, 37, 30, 25],
      ),
      heading('III. Kết quả kiểm phiếu'),
      grid(
        ['TT', 'Đề xuất đặt hàng', 'Phiếu đề nghị / hợp lệ', 'Kết luận của hội đồng'],
        m.proposals.map((p, i) => [
          String(i + 1),
          `${p.code ? `${p.code} - ` : ''}${p.title} (${p.organization})`,
          `${p.recommending}/${p.voters}`,
          p.outcome
            ? `${OUTCOME_TITLE[p.outcome]}${p.method ? `; phương thức ${METHOD_TITLE[p.method]}${p.directOrganization ? `: ${p.directOrganization}` : ''}` : ''}`
            : 'Chưa đủ phiếu',
        ]),
        [8, 47, 17, 28],
      ),
    ],
    signatures: [
      { title: 'THƯ KÝ KHOA HỌC', name: m.secretary ?? '' },
      { title: 'CHỦ TỊCH HỘI ĐỒNG', name: m.chair ?? '' },
    ],
  });
}
