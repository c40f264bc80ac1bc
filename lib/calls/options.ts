// Where a call stands at a moment, and the calls offered in the proposal form. Pure.
import { formatDateTime } from '@/lib/domain/format';

export type CallState = 'open' | 'upcoming' | 'closed';
/** A call offered in a form, its times also as the form shows them (so the browser needs no date library). */
export type CallOption = {
  id: string;
  title: string;
  year: number;
  opensAt: string;
  closesAt: string;
  opens: string;
  closes: string;
  state: CallState;
};

/** Whether a call is not open yet, open (submissions accepted), or closed, at `now`. */
export function callState(call: { opensAt: Date; closesAt: Date }, now = new Date()): CallState {
  if (now < call.opensAt) return 'upcoming';
  return now > call.closesAt ? 'closed' : 'open';
}

const ORDER: Record<CallState, number> = { open: 0, upcoming: 1, closed: 2 };

/** The proposal form's calls: open ones first (closing soonest first), then upcoming, then closed. */
export function callOptions(calls: { id: string; title: string; year: number; opensAt: Date; closesAt: Date }[], now: Date): CallOption[] {
  return calls
    .map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      opens: formatDateTime(c.opensAt),
      closes: formatDateTime(c.closesAt),
      state: callState(c, now),
    }))
    .sort(
      (a, b) =>
        ORDER[a.state] - ORDER[b.state] ||
        (a.state === 'closed' ? b.closesAt.localeCompare(a.closesAt) : a.closesAt.localeCompare(b.closesAt)),
    );
}
