// The client's address as the nearest trusted proxy saw it. Next.js fills X-Forwarded-For with the socket's
// address when no proxy set it; a reverse proxy in front (nginx `proxy_add_x_forwarded_for`) appends the
// address it saw. TRUSTED_PROXY_HOPS (default 1) says how many entries from the right were written by
// trusted hops: the entry that many places from the right is the client. Entries further left were sent by
// the client itself and are never believed.
export function clientAddress(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 1)): string | null {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return headers.get('x-real-ip')?.trim() || null;
  const index = Math.max(0, chain.length - Math.max(1, Math.floor(hops) || 1));
  const address = chain[index];
  return /^[0-9a-fA-F:.]{2,64}$/.test(address) ? address : null;
}
