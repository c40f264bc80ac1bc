// Fictional demo content for the seed: organizations, people and task titles of a provincial Department.
// Every person and organization here is invented.
import type { OrganizationKind, ScienceField, TaskType } from '../lib/domain/task-status';

export const DEMO_PASSWORD = 'Demo@12345';

export const ORGANIZATIONS: {
  key: string;
  name: string;
  kind: OrganizationKind;
  taxCode: string;
  address: string;
  phone: string;
  status?: 'PENDING' | 'ACTIVE';
}[] = [
  {
    key: 'uni',
    name: 'Trường Đại học An Phú',
    kind: 'UNIVERSITY',
    taxCode: '4300100101',
    address: '12 Nguyễn Huệ, phường Phú Thịnh, tỉnh An Phú',
    phone: '0257 3822 101',
  },
  {
    key: 'agri',
    name: 'Viện Nghiên cứu Nông nghiệp Duyên hải',
    kind: 'INSTITUTE',
    taxCode: '4300100202',
    address: '45 Lê Lợi, phường Hòa Bình, tỉnh An Phú',
    phone: '0257 3822 202',
  },
  {
    key: 'hosp',
    name: 'Bệnh viện Đa khoa tỉnh An Phú',
    kind: 'HOSPITAL',
    taxCode: '4300100303',
    address: '88 Trần Hưng Đạo, phường Phú Thịnh, tỉnh An Phú',
    phone: '0257 3822 303',
  },
  {
    key: 'bio',
    name: 'Công ty Cổ phần Công nghệ Sinh học Hải Đăng',
    kind: 'ENTERPRISE',
    taxCode: '4300100404',
    address: 'Lô B3, Khu công nghiệp Hòa Hiệp, tỉnh An Phú',
    phone: '0257 3822 404',
  },
  {
    key: 'college',
    name: 'Trường Cao đẳng Kỹ thuật Công nghiệp An Phú',
    kind: 'UNIVERSITY',
    taxCode: '4300100505',
    address: '230 Hùng Vương, phường Xuân Phú, tỉnh An Phú',
    phone: '0257 3822 505',
  },
  {
    key: 'center',
    name: 'Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ An Phú',
    kind: 'AGENCY',
    taxCode: '4300100606',
    address: '3 Phan Đình Phùng, phường Phú Thịnh, tỉnh An Phú',
    phone: '0257 3822 606',
  },
  {
    key: 'mech',
    name: 'Công ty TNHH Cơ khí Chính xác Minh Phát',
    kind: 'ENTERPRISE',
    taxCode: '4300100707',
    address: 'Cụm công nghiệp An Thạch, tỉnh An Phú',
    phone: '0257 3822 707',
  },
  {
    key: 'social',
    name: 'Viện Khoa học Xã hội vùng Nam Trung Bộ',
    kind: 'INSTITUTE',
    taxCode: '4300100808',
    address: '17 Bạch Đằng, phường Xuân Phú, tỉnh An Phú',
    phone: '0257 3822 808',
  },
  {
    key: 'pending',
    name: 'Công ty TNHH Giải pháp Số Sao Mai',
    kind: 'ENTERPRISE',
    taxCode: '4300100909',
    address: '56 Độc Lập, phường Hòa Bình, tỉnh An Phú',
    phone: '0257 3822 909',
    status: 'PENDING',
  },
];

export const DEPARTMENT_USERS = [
  { email: 'admin@khcn.demo', name: 'Trần Quốc Hưng', role: 'DEPARTMENT_ADMIN' as const },
  { email: 'staff@khcn.demo', name: 'Nguyễn Thị Thanh Hương', role: 'DEPARTMENT_STAFF' as const },
  { email: 'staff2@khcn.demo', name: 'Lê Minh Khoa', role: 'DEPARTMENT_STAFF' as const },
];

export const ORGANIZATION_USERS = [
  { email: 'org@khcn.demo', name: 'Phạm Văn Thành', org: 'uni' },
  { email: 'vien.nongnghiep@khcn.demo', name: 'Võ Thị Hồng Nhung', org: 'agri' },
  { email: 'benhvien@khcn.demo', name: 'Đặng Quốc Bảo', org: 'hosp' },
  { email: 'haidang@khcn.demo', name: 'Bùi Thanh Tùng', org: 'bio' },
  { email: 'caodang@khcn.demo', name: 'Hồ Ngọc Hải', org: 'college' },
  { email: 'trungtam@khcn.demo', name: 'Dương Thị Lan', org: 'center' },
  { email: 'minhphat@khcn.demo', name: 'Lưu Quang Vinh', org: 'mech' },
  { email: 'vienxahoi@khcn.demo', name: 'Tạ Thị Thu Trang', org: 'social' },
  { email: 'saomai@khcn.demo', name: 'Châu Minh Khoa', org: 'pending' },
];

// Evaluators work at organizations outside the province's host pool (given as text), or at one of the hosts
// (org key): the council screens refuse them for that host's tasks.
export type DemoEvaluator = {
  email: string;
  name: string;
  degree: string;
  field: ScienceField;
  expertise: string;
  affiliation: string;
  org?: string;
};

export const EVALUATORS: DemoEvaluator[] = [
  {
    email: 'evaluator@khcn.demo',
    name: 'PGS.TS. Nguyễn Văn An',
    degree: 'PGS.TS.',
    field: 'ENGINEERING',
    expertise: 'Tự động hóa, IoT trong công nghiệp',
    affiliation: 'Trường Đại học Bách khoa miền Trung',
  },
  {
    email: 'chuyengia02@khcn.demo',
    name: 'TS. Trần Thị Bích Ngọc',
    degree: 'TS.',
    field: 'AGRICULTURAL',
    expertise: 'Bảo vệ thực vật, canh tác bền vững',
    affiliation: 'Học viện Nông nghiệp miền Trung',
  },
  {
    email: 'chuyengia03@khcn.demo',
    name: 'GS.TS. Lê Hoàng Minh',
    degree: 'GS.TS.',
    field: 'MEDICAL',
    expertise: 'Dịch tễ học, y tế công cộng',
    affiliation: 'Trường Đại học Y Dược Trung Bộ',
  },
  {
    email: 'chuyengia04@khcn.demo',
    name: 'TS. Phạm Thu Hà',
    degree: 'TS.',
    field: 'NATURAL',
    expertise: 'Hóa phân tích, môi trường nước',
    affiliation: 'Viện Hóa học ứng dụng',
    org: 'uni',
  },
  {
    email: 'chuyengia05@khcn.demo',
    name: 'PGS.TS. Hoàng Đức Thắng',
    degree: 'PGS.TS.',
    field: 'ENGINEERING',
    expertise: 'Cơ khí chế tạo, vật liệu',
    affiliation: 'Trường Đại học Kỹ thuật Duyên hải',
  },
  {
    email: 'chuyengia06@khcn.demo',
    name: 'TS. Vũ Thị Mai Anh',
    degree: 'TS.',
    field: 'SOCIAL',
    expertise: 'Kinh tế phát triển, chính sách công',
    affiliation: 'Học viện Chính sách vùng',
  },
  {
    email: 'chuyengia07@khcn.demo',
    name: 'ThS. Đỗ Minh Tuấn',
    degree: 'ThS.',
    field: 'ENGINEERING',
    expertise: 'Công nghệ thông tin, chuyển đổi số',
    affiliation: 'Trung tâm Chuyển đổi số tỉnh',
  },
  {
    email: 'chuyengia08@khcn.demo',
    name: 'TS. Ngô Thị Kim Oanh',
    degree: 'TS.',
    field: 'AGRICULTURAL',
    expertise: 'Thủy sản, nuôi trồng ven biển',
    affiliation: 'Viện Nghiên cứu Nuôi trồng Thủy sản III',
    org: 'agri',
  },
  {
    email: 'chuyengia09@khcn.demo',
    name: 'PGS.TS. Lý Văn Hùng',
    degree: 'PGS.TS.',
    field: 'NATURAL',
    expertise: 'Sinh học phân tử, công nghệ sinh học',
    affiliation: 'Trường Đại học Khoa học Tự nhiên miền Trung',
  },
  {
    email: 'chuyengia10@khcn.demo',
    name: 'TS. Mai Xuân Trường',
    degree: 'TS.',
    field: 'HUMANITIES',
    expertise: 'Văn hóa học, di sản',
    affiliation: 'Viện Văn hóa và Nghệ thuật miền Trung',
  },
  {
    email: 'chuyengia11@khcn.demo',
    name: 'BSCKII. Đinh Thị Thanh Hương',
    degree: 'BSCKII.',
    field: 'MEDICAL',
    expertise: 'Nội khoa, quản lý bệnh viện',
    affiliation: 'Bệnh viện Trung ương khu vực',
    org: 'hosp',
  },
  {
    email: 'chuyengia12@khcn.demo',
    name: 'TS. Phan Quốc Việt',
    degree: 'TS.',
    field: 'ENGINEERING',
    expertise: 'Năng lượng tái tạo, điện',
    affiliation: 'Viện Năng lượng miền Trung',
  },
];

export const PRINCIPAL_INVESTIGATORS: Record<string, { name: string; degree: string; title: string; email: string; phone: string }[]> = {
  uni: [
    { name: 'Phạm Văn Thành', degree: 'TS.', title: 'Trưởng khoa Cơ khí', email: 'thanh.pv@anphu.edu.vn', phone: '0905 111 201' },
    { name: 'Nguyễn Thị Diệu Linh', degree: 'PGS.TS.', title: 'Phó Hiệu trưởng', email: 'linh.ntd@anphu.edu.vn', phone: '0905 111 202' },
  ],
  agri: [
    { name: 'Võ Thị Hồng Nhung', degree: 'TS.', title: 'Trưởng phòng Cây trồng', email: 'nhung.vth@vnnduyenhai.vn', phone: '0905 111 203' },
  ],
  hosp: [{ name: 'Đặng Quốc Bảo', degree: 'BSCKII.', title: 'Phó Giám đốc', email: 'bao.dq@bvdkanphu.vn', phone: '0905 111 204' }],
  bio: [{ name: 'Bùi Thanh Tùng', degree: 'ThS.', title: 'Giám đốc kỹ thuật', email: 'tung.bt@haidangbio.vn', phone: '0905 111 205' }],
  college: [{ name: 'Hồ Ngọc Hải', degree: 'ThS.', title: 'Trưởng khoa Điện', email: 'hai.hn@cdktcn.edu.vn', phone: '0905 111 206' }],
  center: [{ name: 'Dương Thị Lan', degree: 'KS.', title: 'Giám đốc Trung tâm', email: 'lan.dt@ttudkhcn.gov.vn', phone: '0905 111 207' }],
  mech: [{ name: 'Lưu Quang Vinh', degree: 'KS.', title: 'Giám đốc', email: 'vinh.lq@minhphat.vn', phone: '0905 111 208' }],
  social: [
    { name: 'Tạ Thị Thu Trang', degree: 'TS.', title: 'Trưởng ban Xã hội học', email: 'trang.ttt@vkhxh-ntb.vn', phone: '0905 111 209' },
  ],
};

export const TASK_TITLES: { title: string; field: ScienceField; type: TaskType; org: string }[] = [
  {
    title: 'Nghiên cứu chế tạo hệ thống tưới nhỏ giọt thông minh ứng dụng IoT cho cây ăn quả vùng đồi',
    field: 'ENGINEERING',
    type: 'RESEARCH',
    org: 'uni',
  },
  {
    title: 'Ứng dụng chế phẩm vi sinh xử lý phụ phẩm nông nghiệp làm phân bón hữu cơ',
    field: 'AGRICULTURAL',
    type: 'PILOT_PRODUCTION',
    org: 'bio',
  },
  {
    title: 'Đánh giá thực trạng và giải pháp phòng chống bệnh đái tháo đường type 2 tại cộng đồng',
    field: 'MEDICAL',
    type: 'RESEARCH',
    org: 'hosp',
  },
  {
    title: 'Tuyển chọn giống lúa chịu mặn năng suất cao cho vùng ven biển tỉnh An Phú',
    field: 'AGRICULTURAL',
    type: 'RESEARCH',
    org: 'agri',
  },
  {
    title: 'Xây dựng cơ sở dữ liệu số về di sản văn hóa phi vật thể của đồng bào dân tộc thiểu số',
    field: 'HUMANITIES',
    type: 'SCHEME',
    org: 'social',
  },
  {
    title: 'Thiết kế, chế tạo máy bóc vỏ hạt điều bán tự động năng suất 500 kg/giờ',
    field: 'ENGINEERING',
    type: 'PILOT_PRODUCTION',
    org: 'mech',
  },
  {
    title: 'Nghiên cứu quy trình nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn khép kín',
    field: 'AGRICULTURAL',
    type: 'RESEARCH',
    org: 'agri',
  },
  { title: 'Ứng dụng trí tuệ nhân tạo hỗ trợ chẩn đoán hình ảnh X-quang phổi', field: 'MEDICAL', type: 'RESEARCH', org: 'hosp' },
  { title: 'Giải pháp chuyển đổi số trong quản lý hợp tác xã nông nghiệp tỉnh An Phú', field: 'SOCIAL', type: 'SCHEME', org: 'center' },
  { title: 'Nghiên cứu sản xuất gạch không nung từ tro xỉ nhiệt điện', field: 'ENGINEERING', type: 'PILOT_PRODUCTION', org: 'college' },
  {
    title: 'Đánh giá chất lượng nước ngầm và đề xuất giải pháp cấp nước sạch vùng khô hạn',
    field: 'NATURAL',
    type: 'RESEARCH',
    org: 'uni',
  },
  {
    title: 'Nhân giống cây dược liệu sâm Bố Chính bằng kỹ thuật nuôi cấy mô',
    field: 'AGRICULTURAL',
    type: 'PILOT_PRODUCTION',
    org: 'center',
  },
  {
    title: 'Nghiên cứu phát triển du lịch cộng đồng gắn với bảo tồn làng nghề truyền thống',
    field: 'SOCIAL',
    type: 'RESEARCH',
    org: 'social',
  },
  { title: 'Hệ thống giám sát năng lượng điện mặt trời áp mái cho hộ gia đình', field: 'ENGINEERING', type: 'RESEARCH', org: 'college' },
  {
    title: 'Sản xuất thử nghiệm chế phẩm sinh học phòng trừ tuyến trùng hại hồ tiêu',
    field: 'AGRICULTURAL',
    type: 'PILOT_PRODUCTION',
    org: 'bio',
  },
  { title: 'Nghiên cứu tỷ lệ kháng kháng sinh của vi khuẩn gây nhiễm khuẩn bệnh viện', field: 'MEDICAL', type: 'RESEARCH', org: 'hosp' },
  { title: 'Chế tạo robot hàn tự động cho sản xuất kết cấu thép cỡ nhỏ', field: 'ENGINEERING', type: 'PILOT_PRODUCTION', org: 'mech' },
  { title: 'Xây dựng bản đồ nguy cơ sạt lở đất các huyện miền núi tỉnh An Phú', field: 'NATURAL', type: 'RESEARCH', org: 'uni' },
  { title: 'Nghiên cứu giải pháp nâng cao sinh kế cho ngư dân ven biển', field: 'SOCIAL', type: 'RESEARCH', org: 'social' },
  {
    title: 'Ứng dụng công nghệ sấy bơm nhiệt bảo quản nông sản sau thu hoạch',
    field: 'ENGINEERING',
    type: 'PILOT_PRODUCTION',
    org: 'center',
  },
  { title: 'Nghiên cứu bảo tồn nguồn gen bò vàng địa phương', field: 'AGRICULTURAL', type: 'RESEARCH', org: 'agri' },
  { title: 'Mô hình chăm sóc sức khỏe người cao tuổi tại nhà dựa vào cộng đồng', field: 'MEDICAL', type: 'SCHEME', org: 'hosp' },
  {
    title: 'Phát triển phần mềm quản lý hồ sơ đất đai cấp xã trên nền tảng mã nguồn mở',
    field: 'ENGINEERING',
    type: 'RESEARCH',
    org: 'uni',
  },
  { title: 'Nghiên cứu chiết xuất tinh dầu sả chanh quy mô công nghiệp', field: 'NATURAL', type: 'PILOT_PRODUCTION', org: 'bio' },
  {
    title: 'Lịch sử Đảng bộ và phong trào cách mạng các xã ven biển giai đoạn 1930–1975',
    field: 'HUMANITIES',
    type: 'RESEARCH',
    org: 'social',
  },
  {
    title: 'Thiết kế hệ thống xử lý nước thải chế biến thủy sản quy mô vừa và nhỏ',
    field: 'ENGINEERING',
    type: 'RESEARCH',
    org: 'college',
  },
  { title: 'Nghiên cứu trồng nấm linh chi trên giá thể mùn cưa cây keo', field: 'AGRICULTURAL', type: 'PILOT_PRODUCTION', org: 'center' },
  {
    title: 'Đánh giá hiệu quả can thiệp dinh dưỡng cho trẻ dưới 5 tuổi suy dinh dưỡng thấp còi',
    field: 'MEDICAL',
    type: 'RESEARCH',
    org: 'hosp',
  },
  { title: 'Chế tạo thiết bị đo độ mặn cầm tay giá thành thấp cho nông dân', field: 'ENGINEERING', type: 'RESEARCH', org: 'uni' },
  {
    title: 'Khảo sát đa dạng sinh học rừng phòng hộ ven biển và đề xuất giải pháp bảo tồn',
    field: 'NATURAL',
    type: 'RESEARCH',
    org: 'agri',
  },
  { title: 'Nghiên cứu văn hóa ẩm thực truyền thống phục vụ phát triển du lịch', field: 'HUMANITIES', type: 'RESEARCH', org: 'social' },
  { title: 'Hoàn thiện công nghệ đúc gang cầu cho phụ tùng máy nông nghiệp', field: 'ENGINEERING', type: 'PILOT_PRODUCTION', org: 'mech' },
  { title: 'Ứng dụng chỉ thị phân tử chọn tạo giống dưa lưới kháng bệnh phấn trắng', field: 'AGRICULTURAL', type: 'RESEARCH', org: 'bio' },
  { title: 'Đề án nâng cao năng lực đổi mới sáng tạo cho doanh nghiệp nhỏ và vừa', field: 'SOCIAL', type: 'SCHEME', org: 'center' },
  { title: 'Nghiên cứu quy trình phục hồi chức năng sau đột quỵ tại tuyến huyện', field: 'MEDICAL', type: 'RESEARCH', org: 'hosp' },
  { title: 'Hệ thống cảnh báo sớm lũ quét dựa trên mạng cảm biến không dây', field: 'ENGINEERING', type: 'RESEARCH', org: 'college' },
  { title: 'Sản xuất thử nghiệm giống gà ri lai năng suất cao', field: 'AGRICULTURAL', type: 'PILOT_PRODUCTION', org: 'agri' },
  { title: 'Nghiên cứu vật liệu hấp phụ từ vỏ trấu xử lý kim loại nặng trong nước', field: 'NATURAL', type: 'RESEARCH', org: 'uni' },
  { title: 'Bảo tồn và phát huy nghệ thuật bài chòi trong trường học', field: 'HUMANITIES', type: 'SCHEME', org: 'social' },
  {
    title: 'Nghiên cứu thiết kế khuôn ép nhựa chính xác cho linh kiện điện tử',
    field: 'ENGINEERING',
    type: 'PILOT_PRODUCTION',
    org: 'mech',
  },
];

/** Needs proposals (phiếu đề xuất đặt hàng) in the open needs call: where each stands now. */
export const NEEDS_PROPOSALS: {
  org: string;
  field: ScienceField;
  title: string;
  problem: string;
  applyingUnits: string;
  months: number;
  budgetMillions: number;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'WITHDRAWN' | 'MERGED';
  /** For MERGED: the index of the proposal that absorbed it. */
  mergedInto?: number;
}[] = [
  {
    org: 'agri',
    field: 'AGRICULTURAL',
    title: 'Xây dựng mô hình canh tác lúa thích ứng xâm nhập mặn tại các huyện ven biển',
    problem: 'Xâm nhập mặn ngày càng sâu làm giảm năng suất lúa vụ đông xuân ở các huyện ven biển; chưa có quy trình canh tác phù hợp.',
    applyingUnits: 'Sở Nông nghiệp và Môi trường; UBND các huyện ven biển',
    months: 30,
    budgetMillions: 2_400,
    status: 'SUBMITTED',
  },
  {
    org: 'uni',
    field: 'ENGINEERING',
    title: 'Hệ thống giám sát chất lượng nước sông theo thời gian thực bằng cảm biến IoT',
    problem: 'Các điểm quan trắc nước sông hiện lấy mẫu thủ công, không phát hiện kịp thời sự cố xả thải.',
    applyingUnits: 'Sở Nông nghiệp và Môi trường; các khu công nghiệp',
    months: 24,
    budgetMillions: 3_100,
    status: 'SUBMITTED',
  },
  {
    org: 'hosp',
    field: 'MEDICAL',
    title: 'Sàng lọc sớm bệnh đái tháo đường type 2 trong cộng đồng tại tuyến xã',
    problem: 'Tỷ lệ người bệnh đái tháo đường được phát hiện muộn còn cao; trạm y tế xã thiếu quy trình sàng lọc.',
    applyingUnits: 'Sở Y tế; trung tâm y tế các huyện',
    months: 24,
    budgetMillions: 1_800,
    status: 'SUBMITTED',
  },
  {
    org: 'center',
    field: 'SOCIAL',
    title: 'Giải pháp số hóa thủ tục hành chính cấp xã gắn với cơ sở dữ liệu dân cư',
    problem: 'Người dân vẫn phải nộp giấy tờ nhiều lần; dữ liệu cấp xã chưa kết nối với cơ sở dữ liệu quốc gia về dân cư.',
    applyingUnits: 'Văn phòng UBND tỉnh; UBND các xã',
    months: 18,
    budgetMillions: 1_500,
    status: 'RETURNED',
  },
  {
    org: 'bio',
    field: 'AGRICULTURAL',
    title: 'Sản xuất chế phẩm vi sinh xử lý phụ phẩm nông nghiệp làm phân bón hữu cơ',
    problem: 'Rơm rạ và phụ phẩm bị đốt bỏ gây ô nhiễm; nông dân thiếu chế phẩm giá rẻ để ủ phân tại chỗ.',
    applyingUnits: 'Các hợp tác xã nông nghiệp trong tỉnh',
    months: 24,
    budgetMillions: 2_000,
    status: 'SUBMITTED',
  },
  {
    org: 'agri',
    field: 'AGRICULTURAL',
    title: 'Mô hình lúa chịu mặn cho vùng ven biển của tỉnh',
    problem: 'Năng suất lúa giảm do nhiễm mặn ở vùng ven biển.',
    applyingUnits: 'UBND các huyện ven biển',
    months: 24,
    budgetMillions: 1_900,
    status: 'MERGED',
    mergedInto: 0,
  },
  {
    org: 'college',
    field: 'ENGINEERING',
    title: 'Chế tạo máy sấy nông sản sử dụng năng lượng mặt trời kết hợp sinh khối',
    problem: 'Nông sản sau thu hoạch hao hụt lớn do phơi sấy thủ công, nhất là mùa mưa.',
    applyingUnits: 'Các hợp tác xã nông nghiệp; hộ sản xuất',
    months: 20,
    budgetMillions: 1_700,
    status: 'SUBMITTED',
  },
  {
    org: 'mech',
    field: 'ENGINEERING',
    title: 'Ứng dụng robot hàn tự động trong sản xuất kết cấu thép tại doanh nghiệp nhỏ và vừa',
    problem: 'Doanh nghiệp cơ khí nhỏ thiếu thợ hàn lành nghề; chất lượng mối hàn không đồng đều.',
    applyingUnits: 'Các doanh nghiệp cơ khí trong tỉnh',
    months: 24,
    budgetMillions: 2_800,
    status: 'WITHDRAWN',
  },
  {
    org: 'social',
    field: 'HUMANITIES',
    title: 'Bảo tồn và phát huy giá trị nghề dệt thổ cẩm của đồng bào dân tộc thiểu số',
    problem: 'Nghề dệt truyền thống mai một do lớp trẻ không theo nghề; sản phẩm chưa có thị trường ổn định.',
    applyingUnits: 'Sở Văn hóa, Thể thao và Du lịch; UBND các huyện miền núi',
    months: 24,
    budgetMillions: 1_200,
    status: 'SUBMITTED',
  },
  {
    org: 'uni',
    field: 'NATURAL',
    title: 'Đánh giá nguy cơ sạt lở bờ sông và đề xuất giải pháp phòng chống',
    problem: '',
    applyingUnits: '',
    months: 24,
    budgetMillions: 0,
    status: 'DRAFT',
  },
];
