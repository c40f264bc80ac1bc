import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';

/**
 * The messages for the components that translate in the browser (forms, action buttons), given by the pages that
 * render such components: `export default withClientIntl(Page)`. The layouts do not provide them, so a page without
 * such a component (the lists, the dashboards) ships neither next-intl's runtime nor the message catalog to the
 * browser. A page that forgets it fails loudly (next-intl throws without its provider), and
 * tests/unit/client-intl.test.ts finds such pages from their imports.
 */
export function withClientIntl<P extends object>(Page: (props: P) => ReactNode | Promise<ReactNode>) {
  return function PageWithClientIntl(props: P) {
    return (
      <NextIntlClientProvider>
        <Page {...props} />
      </NextIntlClientProvider>
    );
  };
}
