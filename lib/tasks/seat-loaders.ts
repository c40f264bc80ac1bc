import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { getSeat } from '@/lib/councils/service';
import { listCouncilSeats } from './queries';
import { getTaskDossier } from './service';

// The evaluator's screens: their council seats, and one seat with its declaration, dossier and ballot.

/** The evaluator's home: their council seats, newest first (a task they are recused on is not named). */
export async function loadEvaluatorHome() {
  const actor = await requireArea('evaluator');
  return { seats: await listCouncilSeats(actor) };
}

export type EvaluatorHome = Awaited<ReturnType<typeof loadEvaluatorHome>>;

/**
 * One seat: the council and the declaration; the dossier only once it opens (no conflict declared, not recused
 * on the task: getSeat decides); the ballot, and the others' ballots when the seat may see them.
 */
export async function loadSeatPage(memberId: string) {
  const actor = await requireArea('evaluator');
  const seat = await load(getSeat(actor, memberId));
  const dossier = seat.dossierOpen ? await load(getTaskDossier(actor, seat.seat.council.task.id)) : null;
  return { ...seat, dossier };
}

export type SeatPage = Awaited<ReturnType<typeof loadSeatPage>>;
/** A seat as its evaluator's page shows it: the council, the declaration, the ballot and the others' ballots. */
export type SeatView = Omit<SeatPage, 'dossier'>;
