'use server';
import { refresh } from 'next/cache';
import { cookies } from 'next/headers';
import { isLocale } from '@/lib/domain/locale';
import { LOCALE_COOKIE } from './request';

/**
 * The language switch, the action of the header's form (the pressed button's `locale`): kept for a year in a cookie,
 * so the choice survives visits and logins. `refresh()` has the browser's router fetch the page again, in the new
 * language; without scripts the form posts and the page comes back rendered the same way.
 */
export async function setLocaleAction(form: unknown) {
  // Anyone may post anything to an action: only a form's `locale` field naming a language is taken.
  const locale = form instanceof FormData ? form.get('locale') : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax' });
  refresh();
}
