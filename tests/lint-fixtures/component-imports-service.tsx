// A component that reads the database through a service: what the layers forbid. Linted by
// tests/unit/lint-boundaries.test.ts as if it lived under components/.
import { listQueue } from '@/lib/tasks/service';
import type { Actor } from '@/lib/server/actor';

export async function QueueWidget({ actor }: { actor: Actor }) {
  const queue = await listQueue(actor, {});
  return <p>{queue.total}</p>;
}
