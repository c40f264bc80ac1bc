import 'server-only';
// use-intl's core (what next-intl is built on): no React, so the worker (react-server condition) can load it.
import { createTranslator } from 'use-intl/core';
import { loadMessages } from '@/lib/i18n/catalog';
import { DEFAULT_LOCALE, formatDayParam, isLocale, type Locale } from '@/lib/domain/format';

// A mail's subject, plain text and HTML, from the same catalog as the notice it repeats (notifications.<kind>),
// in the recipient's language, with an absolute link to the record.

export type MailContent = { subject: string; text: string; html: string };

export type MailInput = {
  kind: string;
  params: Record<string, unknown>;
  /** The recipient's name, for the greeting. */
  name: string;
  /** Absolute links: the record, and the profile where the user chooses the mails they receive. */
  link: string;
  preferencesLink: string;
};

type Translate = (key: string, values?: Record<string, string>) => string;

const translators = new Map<Locale, Promise<Translate>>();

/** The catalog's translator of a language (loaded once per process). */
export function mailTranslator(locale: string | null | undefined): Promise<Translate> {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(lang);
  if (!t) {
    t = loadMessages(lang).then((messages) => createTranslator({ locale: lang, messages: messages as never }) as unknown as Translate);
    translators.set(lang, t);
  }
  return t;
}

/** Every parameter a notice's message may name, as text (a missing one is empty, an unknown stage "other"). */
function messageParams(params: Record<string, unknown>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {
    title: '',
    code: '',
    name: '',
    stage: 'other',
    dueDate: '',
    score: '',
    rank: '',
    year: '',
    email: '',
  };
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  out.stage ||= 'other';
  out.dueDate = formatDayParam(out.dueDate, locale);
  return out;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The mail of one notice for one recipient. */
export function buildMail(t: Translate, locale: Locale, input: MailInput): MailContent {
  const params = messageParams(input.params, locale);
  const message = t(`notifications.${input.kind}`, params);
  const subject = t(`mail.subjects.${input.kind}`, params).replace(/\s+/g, ' ').trim();
  const department = t('common.departmentName');
  const greeting = t('mail.greeting', { name: input.name });
  const open = t('mail.open');
  const footer = t('mail.footer', { department });
  const preferences = t('mail.preferences');
  const text = [
    greeting,
    '',
    message,
    '',
    `${open}: ${input.link}`,
    '',
    '-- ',
    footer,
    `${preferences}: ${input.preferencesLink}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#0f172a">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(message)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(open)}</a></p>`,
    `<hr><p style="font-size:12px;color:#475569">${escapeHtml(footer)}<br>`,
    `<a href="${escapeHtml(input.preferencesLink)}">${escapeHtml(preferences)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
