import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, TIME_ZONE } from '@/lib/domain/format';
import { loadMessages } from './catalog';

export const LOCALE_COOKIE = 'NEXT_LOCALE';

// No locale in the URL: the language is a per-browser choice kept in a cookie (Vietnamese by default).
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
  };
});
