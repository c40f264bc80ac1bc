import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { identificationDocuments, listDocuments, seatDocuments, taskDocuments } from './service';

// What each page offers to download: the same rule the route applies, so a link shown is a file given.

/** A task's documents, for the department's or the host organization's task page. */
export async function loadTaskDocuments(area: 'department' | 'org', taskId: string) {
  return load(taskDocuments(await requireArea(area), taskId));
}

/** An evaluator's seat: the blank form, and their own ballot once submitted. */
export async function loadSeatDocuments(memberId: string) {
  return load(seatDocuments(await requireArea('evaluator'), memberId));
}

/** The list to UBND, on its page. */
export async function loadListDocuments(listId: string) {
  return listDocuments(await requireArea('department'), listId);
}

/** An identification council's decision and minutes, on its page. */
export async function loadIdentificationDocuments(councilId: string) {
  return identificationDocuments(await requireArea('department'), councilId);
}
