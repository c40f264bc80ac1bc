// The e-mail text builder and the tables behind it: each mailed kind has its message and subject in both
// languages, the mail says what the notice says with its link, and the profile's categories decide what is sent.
import { describe, expect, it } from 'vitest';
import { buildMail, mailTranslator } from '@/lib/mail/content';
import { appUrl, devMailboxEnabled, mailFrom, mailMode } from '@/lib/mail/config';
import { describeMailError } from '@/lib/mail/delivery';
import { loadMessages } from '@/lib/i18n/catalog';
import {
  MAIL_CATEGORIES,
  MAIL_CATEGORY_KEYS,
  MAILED_KINDS,
  mailCategoryOf,
  mailPath,
  noticePath,
  optionalMailCategories,
  wantsMail,
} from '@/lib/domain/mail';

const input = {
  name: 'Nguyễn Thị Bình',
  link: 'https://khcn.example.gov.vn/org/tasks/t1',
  preferencesLink: 'https://khcn.example.gov.vn/org/profile',
};

describe('the mail of a notice', () => {
  it('is in Vietnamese: the subject, the greeting, the notice’s own text, the link and the footer', async () => {
    const t = await mailTranslator('vi');
    const mail = buildMail(t, 'vi', { ...input, kind: 'taskReturned', params: { title: 'Ứng dụng AI <thử>' } });
    expect(mail.subject).toBe('Hồ sơ được trả lại để chỉnh sửa: Ứng dụng AI <thử>');
    expect(mail.text).toContain('Kính gửi Nguyễn Thị Bình,');
    expect(mail.text).toContain('Hồ sơ “Ứng dụng AI <thử>” được Sở trả lại để chỉnh sửa, bổ sung.');
    expect(mail.text).toContain('Xem chi tiết: https://khcn.example.gov.vn/org/tasks/t1');
    expect(mail.text).toContain('Sở Khoa học và Công nghệ');
    expect(mail.text).toContain('https://khcn.example.gov.vn/org/profile');
    // The HTML part escapes what the user typed.
    expect(mail.html).toContain('Ứng dụng AI &lt;thử&gt;');
    expect(mail.html).not.toContain('<thử>');
    expect(mail.html).toContain('<a href="https://khcn.example.gov.vn/org/tasks/t1">');
  });

  it('is in English for a user who chose it, with due dates as dd/mm/yyyy and the council stage named', async () => {
    const t = await mailTranslator('en');
    const due = buildMail(t, 'en', { ...input, kind: 'reportOverdue', params: { title: 'Smart farming', dueDate: '2026-07-01' } });
    expect(due.subject).toBe('Progress report overdue: Smart farming');
    expect(due.text).toContain('Dear Nguyễn Thị Bình,');
    expect(due.text).toContain('(due 01/07/2026)');
    const seat = buildMail(t, 'en', { ...input, kind: 'councilSeatAssigned', params: { title: 'Smart farming', stage: 'ACCEPTANCE' } });
    expect(seat.text).toContain('acceptance council of “Smart farming”');
    // A missing parameter leaves a blank, never a broken message; an unknown language falls back to Vietnamese.
    const bare = buildMail(await mailTranslator('fr'), 'vi', { ...input, kind: 'councilSeatAssigned', params: {} });
    expect(bare.text).toContain('Bạn được mời tham gia hội đồng nhiệm vụ “”.');
  });

  it('of an account never carries more than the sign-in address', async () => {
    const mail = buildMail(await mailTranslator('vi'), 'vi', { ...input, kind: 'accountCreated', params: { email: 'a@b.vn' } });
    expect(mail.subject).toBe('Tài khoản của bạn đã được tạo');
    expect(mail.text).toContain('a@b.vn');
  });

  it('exists for every mailed kind, in both languages, with a subject on one line', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const messages = (await loadMessages(locale)) as {
        notifications: Record<string, string>;
        mail: { subjects: Record<string, string> };
      };
      expect(Object.keys(messages.mail.subjects).sort()).toEqual([...MAILED_KINDS].sort());
      for (const kind of MAILED_KINDS) {
        expect(messages.notifications[kind], `${locale} notifications.${kind}`).toBeTruthy();
        const mail = buildMail(await mailTranslator(locale), locale, { ...input, kind, params: { title: 'T', dueDate: '2026-01-02' } });
        expect(mail.subject).not.toMatch(/\n|notifications\.|mail\./);
      }
    }
  });
});

describe('which notices are mailed, to whom, and where their link leads', () => {
  it('each mailed kind has one category; account mails cannot be turned off', () => {
    expect(new Set(MAILED_KINDS).size).toBe(MAILED_KINDS.length);
    expect(mailCategoryOf('proposalSubmitted')).toBe('submissions');
    expect(mailCategoryOf('taskWithdrawn')).toBeNull();
    expect(wantsMail('taskWithdrawn', [])).toBe(false);
    expect(wantsMail('taskReturned', [])).toBe(true);
    expect(wantsMail('taskReturned', ['returns'])).toBe(false);
    expect(wantsMail('passwordReset', [...MAIL_CATEGORY_KEYS])).toBe(true);
    expect(MAIL_CATEGORIES.account.mandatory).toBe(true);
  });

  it('each role is offered the categories that reach it', () => {
    expect(optionalMailCategories('DEPARTMENT_STAFF')).toEqual(['submissions', 'reminders']);
    expect(optionalMailCategories('ORGANIZATION')).toEqual(['returns', 'decisions', 'reminders']);
    expect(optionalMailCategories('EVALUATOR')).toEqual(['councils']);
  });

  it('links to the record in the recipient’s area', () => {
    const seat = () => '/evaluator/seats/s1';
    expect(noticePath('org', { taskId: 't1', params: {} }, seat)).toBe('/org/tasks/t1');
    expect(noticePath('department', { taskId: null, params: { needsId: 'n1' } }, seat)).toBe('/department/needs/n1');
    expect(noticePath('evaluator', { taskId: 't1', params: {} }, seat)).toBe('/evaluator/seats/s1');
    expect(noticePath('evaluator', { taskId: null, params: { seatId: 'm1' } }, seat)).toBe('/evaluator/identification/m1');
    expect(mailPath('org', 'accountCreated', null)).toBe('/login');
    expect(mailPath('department', 'proposalSubmitted', null)).toBe('/department/notifications');
  });
});

describe('the mail configuration', () => {
  it('uses SMTP when SMTP_URL is set, the database mailbox in development, nothing in production', () => {
    expect(mailMode({ SMTP_URL: 'smtp://localhost:25', NODE_ENV: 'production' })).toBe('smtp');
    expect(mailMode({ NODE_ENV: 'development' })).toBe('dev');
    expect(mailMode({ NODE_ENV: 'production' })).toBe('off');
    expect(mailMode({ NODE_ENV: 'production', MAIL_DEV_MAILBOX: '1' })).toBe('dev');
    expect(devMailboxEnabled({ NODE_ENV: 'production' })).toBe(false);
  });

  it('builds links on APP_URL, else AUTH_URL’s origin, else localhost', () => {
    expect(appUrl({ APP_URL: 'https://khcn.gov.vn/' })).toBe('https://khcn.gov.vn');
    expect(appUrl({ AUTH_URL: 'https://khcn.gov.vn/api/auth' })).toBe('https://khcn.gov.vn');
    expect(appUrl({})).toBe('http://localhost:3000');
    expect(mailFrom({})).toContain('Sở Khoa học và Công nghệ');
  });

  it('keeps an error without the credentials of the server', () => {
    expect(describeMailError(new Error('connect failed smtp://khcn:BiMat@mail.gov.vn:465'))).toBe(
      'connect failed smtp://***:***@mail.gov.vn:465',
    );
  });
});
