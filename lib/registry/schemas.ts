import * as z from '@/lib/domain/zod';
import { pageField, searchText } from '@/lib/domain/inputs';

/** The public registry's URL: the search words and the page; anything unusable is left out. */
export const ZRegistryFilter = z.object({ q: searchText(200), page: pageField });
