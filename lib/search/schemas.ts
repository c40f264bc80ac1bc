import * as z from '@/lib/domain/zod';
import { searchText } from '@/lib/domain/inputs';

/** The header search's query (`/department/search?q=`): anything unusable is no query. */
export const ZSearchQuery = z.object({ q: searchText(200) });
