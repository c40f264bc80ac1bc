'use server';
import { cookies } from 'next/headers';
import { isLocale } from '@/lib/domain/locale';
import { LOCALE_COOKIE } from './request';

/** The language switch: kept for a year in a cookie, so the choice survives visits and logins. */
export async function setLocaleAction(locale: unknown) {
  if (!isLocale(locale)) return { ok: false as const };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
  return { ok: true as const };
}
