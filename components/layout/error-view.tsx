'use client';
import { lazy, Suspense, useSyncExternalStore } from 'react';

const LocalizedErrorView = lazy(() => import('./localized-error-view'));
const noChanges = () => () => {};

/**
 * What a page shows when it could not be loaded (most often: the database did not answer for a moment). Every page
 * carries this boundary, and most pages ship no translations to the browser (components/i18n/client-intl.tsx), so
 * the view and its messages are loaded in the browser when an error happens, not with the page.
 */
export function ErrorView(props: { digest?: string; retry: () => void }) {
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  return inBrowser ? (
    <Suspense>
      <LocalizedErrorView {...props} />
    </Suspense>
  ) : null;
}
