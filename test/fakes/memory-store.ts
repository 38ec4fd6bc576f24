import type {
  FeedbackRecord,
  QuestionRecord,
  Store,
  TipRotation,
  TipSubscription,
} from '../../src/store/store.js';

/** Any store call can be made to fail, as a database that is down would. */
type FailableMethod = Exclude<keyof Store, 'close'>;

/**
 * The Store interface kept in plain collections, with the SQLite store's semantics, so a test can read
 * what a listener stored and make a call fail.
 */
export interface MemoryStore extends Store {
  readonly questions: QuestionRecord[];
  readonly feedback: FeedbackRecord[];
  readonly claims: Map<string, Date>;
  readonly subscriptions: Map<string, TipSubscription>;
  /** Makes every later call to `method` reject with `error`. */
  failWith(method: FailableMethod, error: Error): void;
}

export function createMemoryStore(): MemoryStore {
  const questions: QuestionRecord[] = [];
  const feedback: FeedbackRecord[] = [];
  const claims = new Map<string, Date>();
  const subscriptions = new Map<string, TipSubscription>();
  const slots = new Map<string, { topic?: string; cycle?: number }>();
  const rotations = new Map<string, { seed: string; cycle: number }>();
  const failures = new Map<FailableMethod, Error>();
  const failIfAsked = (method: FailableMethod) => {
    const error = failures.get(method);
    if (error) throw error;
  };
  const slotKey = (channel: string, localDate: string) => `${channel}\u0000${localDate}`;

  return {
    questions,
    feedback,
    claims,
    subscriptions,
    failWith: (method, error) => void failures.set(method, error),

    async claimDelivery(key, at) {
      failIfAsked('claimDelivery');
      if (claims.has(key)) return false;
      claims.set(key, at);
      return true;
    },
    async recordQuestion(entry) {
      failIfAsked('recordQuestion');
      questions.push(entry);
    },
    async recordFeedback(entry) {
      failIfAsked('recordFeedback');
      feedback.push(entry);
    },
    async listQuestions(since) {
      failIfAsked('listQuestions');
      return questions.filter((entry) => entry.at >= since).sort((a, b) => +a.at - +b.at);
    },
    async listFeedback(since) {
      failIfAsked('listFeedback');
      return feedback.filter((entry) => entry.at >= since).sort((a, b) => +a.at - +b.at);
    },
    async prune(before) {
      failIfAsked('prune');
      const keepRecent = <T extends { at: Date }>(list: T[]) =>
        list.splice(0, list.length, ...list.filter((entry) => entry.at >= before));
      keepRecent(questions);
      keepRecent(feedback);
      for (const [key, at] of claims) if (at < before) claims.delete(key);
    },

    async saveTipSubscription(subscription) {
      failIfAsked('saveTipSubscription');
      subscriptions.set(subscription.channel, { ...subscription, pausedReason: null });
    },
    async removeTipSubscription(channel) {
      failIfAsked('removeTipSubscription');
      return subscriptions.delete(channel);
    },
    async getTipSubscription(channel) {
      failIfAsked('getTipSubscription');
      const found = subscriptions.get(channel);
      return found ? { ...found } : null;
    },
    async listTipSubscriptions() {
      failIfAsked('listTipSubscriptions');
      return [...subscriptions.values()]
        .sort((a, b) => a.channel.localeCompare(b.channel))
        .map((subscription) => ({ ...subscription }));
    },
    async pauseTipSubscription(channel, reason) {
      failIfAsked('pauseTipSubscription');
      const found = subscriptions.get(channel);
      if (found) found.pausedReason = reason;
    },
    async claimTipSlot(channel, localDate) {
      failIfAsked('claimTipSlot');
      const key = slotKey(channel, localDate);
      if (slots.has(key)) return false;
      slots.set(key, {});
      return true;
    },
    async recordTipPosted(channel, localDate, topic, cycle) {
      failIfAsked('recordTipPosted');
      const slot = slots.get(slotKey(channel, localDate));
      if (slot) Object.assign(slot, { topic, cycle });
    },
    async tipRotation(channel): Promise<TipRotation> {
      const rotation = rotations.get(channel) ?? { seed: `seed-${channel}`, cycle: 0 };
      rotations.set(channel, rotation);
      const posted = [...slots.entries()]
        .filter(([key, slot]) => key.startsWith(`${channel}\u0000`) && slot.cycle === rotation.cycle)
        .flatMap(([, slot]) => (slot.topic === undefined ? [] : [slot.topic]));
      return { seed: rotation.seed, cycle: rotation.cycle, posted };
    },
    async startTipCycle(channel, cycle) {
      failIfAsked('startTipCycle');
      const rotation = rotations.get(channel);
      if (rotation) rotation.cycle = Math.max(rotation.cycle, cycle);
    },

    async close() {},
  };
}
