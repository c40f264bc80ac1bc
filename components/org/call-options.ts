// The calls offered in the proposal form: open ones first (closing soonest first), then upcoming, then closed.
export type CallState = 'open' | 'upcoming' | 'closed';
export type CallOption = { id: string; title: string; year: number; opensAt: string; closesAt: string; state: CallState };

const ORDER: Record<CallState, number> = { open: 0, upcoming: 1, closed: 2 };

export function callOptions(calls: { id: string; title: string; year: number; opensAt: Date; closesAt: Date }[], now: Date): CallOption[] {
  return calls
    .map((c) => ({
      id: c.id,
      title: c.title,
      year: c.year,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      state: (now < c.opensAt ? 'upcoming' : now > c.closesAt ? 'closed' : 'open') as CallState,
    }))
    .sort(
      (a, b) =>
        ORDER[a.state] - ORDER[b.state] ||
        (a.state === 'closed' ? b.closesAt.localeCompare(a.closesAt) : a.closesAt.localeCompare(b.closesAt)),
    );
}
