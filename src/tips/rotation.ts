import { createHash } from 'node:crypto';

/**
 * A channel's shuffled order of topics: each topic ranked by a hash of the channel's seed and its id.
 * The order is kept per channel without storing it, and a topic added to knowledge/ slots into it
 * without disturbing the others.
 */
export function rotationOrder(topicIds: readonly string[], seed: string): string[] {
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...topicIds].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/**
 * The next tip for a channel: the first topic in its order not yet posted this cycle. When every topic
 * has been posted the cycle is complete: `nextCycle` says so and the pick starts the order again.
 */
export function pickNextTip(
  topicIds: readonly string[],
  rotation: { seed: string; posted: readonly string[] },
): { topic: string; nextCycle: boolean } | null {
  const order = rotationOrder(topicIds, rotation.seed);
  const posted = new Set(rotation.posted);
  const fresh = order.find((id) => !posted.has(id));
  if (fresh) return { topic: fresh, nextCycle: false };
  const first = order[0];
  return first ? { topic: first, nextCycle: true } : null;
}
