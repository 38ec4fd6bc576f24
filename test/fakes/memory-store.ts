import { randomUUID } from 'node:crypto';
import { TIME_LIMITS } from '../../src/limits.js';
import { epochMs } from '../../src/store/rows.js';
import type {
  DraftTopic,
  LearnedPhrasing,
  SuggestionClick,
  FeedbackRecord,
  HelpRequest,
  QuestionRecord,
  QuizAnswer,
  QuizQuestion,
  QuizPost,
  QuizSubscription,
  Store,
  TipRotation,
  TipSubscription,
} from '../../src/store/store.js';

/** Any store call can be made to fail, as a database that is down would. */
type FailableMethod = Exclude<keyof Store, 'close'>;
/** A claimed tip slot; the topic and cycle are set once the tip is posted. */
type TipSlot = { topic?: string; cycle?: number };
/** A shown quiz question and, once answered, how. */
type ShownQuestion = QuizQuestion & { answer?: { correct: boolean; at: Date } };

/**
 * What a memory "database" holds. Every store opened on one shares it, as processes share a database
 * file, so test/store/contract.test.ts runs the same contract against it as against SQLite and PostgreSQL.
 */
export interface MemoryDatabase {
  readonly questions: QuestionRecord[];
  readonly feedback: FeedbackRecord[];
  readonly claims: Map<string, Date>;
  /** The claimed keys whose delivery was made. */
  readonly delivered: Set<string>;
  readonly subscriptions: Map<string, TipSubscription>;
  /** Weekly quiz subscriptions by channel. */
  readonly quizSubscriptions: Map<string, QuizSubscription>;
  /** Claimed tip slots by channel, then local date (YYYY-MM-DD). */
  readonly slots: Map<string, Map<string, TipSlot>>;
  readonly rotations: Map<string, { seed: string; cycle: number }>;
  /** Shown quiz questions by instance id. */
  readonly quiz: Map<string, ShownQuestion>;
  /** Lessons done by user, then topic. */
  readonly lessons: Map<string, Map<string, Date>>;
  /** Weekly quiz posts by `channel local-date`. */
  readonly quizPosts: Map<string, QuizPost>;
  /** Answers to weekly quiz posts by `channel local-date`, then user. */
  readonly quizPostAnswers: Map<string, Map<string, { correct: boolean; at: Date }>>;
  /** Settings made in Slack, by name. */
  readonly settings: Map<string, string>;
  /** Help requests by id. */
  readonly helpRequests: Map<string, HelpRequest>;
  /** Learned phrasings, oldest first; `next` ids are never given twice, as AUTOINCREMENT's. */
  readonly learned: LearnedPhrasing[];
  readonly drafts: DraftTopic[];
  readonly clicks: SuggestionClick[];
  readonly nextId: { learned: number; draft: number };
}

export function createMemoryDatabase(): MemoryDatabase {
  return {
    questions: [],
    feedback: [],
    claims: new Map(),
    delivered: new Set(),
    subscriptions: new Map(),
    quizSubscriptions: new Map(),
    slots: new Map(),
    rotations: new Map(),
    quiz: new Map(),
    lessons: new Map(),
    quizPosts: new Map(),
    quizPostAnswers: new Map(),
    settings: new Map(),
    helpRequests: new Map(),
    learned: [],
    drafts: [],
    clicks: [],
    nextId: { learned: 1, draft: 1 },
  };
}

/**
 * The Store interface kept in plain collections, keeping the store contract, so a test can read what a
 * listener stored and make a call fail.
 */
export interface MemoryStore extends Store {
  readonly questions: QuestionRecord[];
  readonly feedback: FeedbackRecord[];
  readonly claims: Map<string, Date>;
  readonly delivered: Set<string>;
  readonly subscriptions: Map<string, TipSubscription>;
  /** Makes every later call to `method` reject with `error`. */
  failWith(method: FailableMethod, error: Error): void;
  /** Makes every later call to `method` wait forever, as a query on a paused database server does. */
  hang(method: FailableMethod): void;
}

/** Code point order, as SQLite sorts text and PostgreSQL with COLLATE "C". */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createMemoryStore(database: MemoryDatabase = createMemoryDatabase()): MemoryStore {
  const { questions, feedback, claims, delivered, subscriptions, slots, rotations, quiz, lessons } = database;
  const { quizSubscriptions, quizPosts, quizPostAnswers, settings, helpRequests } = database;
  const { learned, drafts, clicks, nextId } = database;
  const postKey = (channel: string, localDate: string) => `${channel} ${localDate}`;
  const failures = new Map<FailableMethod, Error>();
  const hanging = new Set<FailableMethod>();
  const failIfAsked = (method: FailableMethod) => {
    const error = failures.get(method);
    if (error) throw error;
  };
  /** A call to a hanging method never settles; every other call goes on as usual. */
  const orHang = <T>(method: FailableMethod, call: () => Promise<T>): Promise<T> =>
    hanging.has(method) ? new Promise<T>(() => {}) : call();
  // Records are copied in and out, as a database does: a caller changing an object changes nothing stored.
  const copy = <T extends { at: Date }>(entry: T): T => ({ ...entry, at: new Date(epochMs(entry.at)) });

  const store: MemoryStore = {
    questions,
    feedback,
    claims,
    delivered,
    subscriptions,
    failWith: (method, error) => void failures.set(method, error),
    hang: (method) => void hanging.add(method),

    async claimDelivery(key, at) {
      failIfAsked('claimDelivery');
      const ms = epochMs(at);
      const held = claims.get(key);
      if (held && (delivered.has(key) || ms - +held < TIME_LIMITS.deliveryLeaseMs)) return false;
      claims.set(key, new Date(ms));
      return true;
    },
    async markDelivered(key, at) {
      failIfAsked('markDelivered');
      epochMs(at);
      if (claims.has(key)) delivered.add(key);
    },
    async recordQuestion(entry) {
      failIfAsked('recordQuestion');
      questions.push(copy(entry));
    },
    async recordFeedback(entry) {
      failIfAsked('recordFeedback');
      // One vote per user per answer, as the SQL stores' unique index keeps it: the last click counts.
      const earlier = feedback.findIndex(
        (vote) =>
          vote.userId === entry.userId &&
          vote.topic === entry.topic &&
          vote.channel === entry.channel &&
          vote.question === entry.question,
      );
      if (earlier === -1) feedback.push(copy(entry));
      else feedback[earlier] = { ...feedback[earlier]!, helpful: entry.helpful, at: copy(entry).at };
    },
    // Filtering keeps the order recorded, and sorting is stable: oldest first, then as recorded.
    async listQuestions(since) {
      failIfAsked('listQuestions');
      const from = epochMs(since);
      return questions
        .filter((entry) => +entry.at >= from)
        .sort((a, b) => +a.at - +b.at)
        .map(copy);
    },
    async listFeedback(since) {
      failIfAsked('listFeedback');
      const from = epochMs(since);
      return feedback
        .filter((entry) => +entry.at >= from)
        .sort((a, b) => +a.at - +b.at)
        .map(copy);
    },
    async prune(before) {
      failIfAsked('prune');
      const cutoff = epochMs(before);
      const keepRecent = <T extends { at: Date }>(list: T[]) =>
        list.splice(0, list.length, ...list.filter((entry) => +entry.at >= cutoff));
      keepRecent(questions);
      keepRecent(feedback);
      for (const [key, at] of claims) {
        if (+at < cutoff) {
          claims.delete(key);
          delivered.delete(key);
        }
      }
      for (const [id, shown] of quiz) if (+shown.shownAt < cutoff) quiz.delete(id);
      for (const answers of quizPostAnswers.values()) {
        for (const [user, answer] of answers) if (+answer.at < cutoff) answers.delete(user);
      }
      for (const [id, request] of helpRequests) if (+request.createdAt < cutoff) helpRequests.delete(id);
      keepRecent(clicks);
    },

    async getSetting(name) {
      failIfAsked('getSetting');
      return settings.get(name) ?? null;
    },
    async saveSetting(name, value, at) {
      failIfAsked('saveSetting');
      epochMs(at);
      if (value === null) settings.delete(name);
      else settings.set(name, value);
    },
    async saveHelpRequest(request) {
      failIfAsked('saveHelpRequest');
      epochMs(request.createdAt);
      const taken = [...helpRequests.values()].some(
        (other) => other.helpChannel === request.helpChannel && other.helpTs === request.helpTs,
      );
      if (helpRequests.has(request.id) || taken) throw new Error(`help request ${request.id} exists`);
      helpRequests.set(request.id, copyHelpRequest(request));
    },
    async findHelpRequest(helpChannel, helpTs) {
      failIfAsked('findHelpRequest');
      for (const request of helpRequests.values()) {
        if (request.helpChannel === helpChannel && request.helpTs === helpTs) return copyHelpRequest(request);
      }
      return null;
    },
    async claimHelpNotification(id, at) {
      failIfAsked('claimHelpNotification');
      const ms = epochMs(at);
      const request = helpRequests.get(id);
      if (!request || request.notifiedAt !== null) return false;
      request.notifiedAt = new Date(ms);
      return true;
    },

    async saveLearnedPhrasing(phrasing) {
      failIfAsked('saveLearnedPhrasing');
      const taughtAt = new Date(epochMs(phrasing.taughtAt));
      const held = learned.find((entry) => entry.normalized === phrasing.normalized);
      if (held) return { phrasing: { ...held }, created: false };
      const stored = { ...phrasing, taughtAt, id: nextId.learned++ };
      learned.push(stored);
      return { phrasing: { ...stored }, created: true };
    },
    async listLearnedPhrasings() {
      failIfAsked('listLearnedPhrasings');
      return learned.map((entry) => ({ ...entry }));
    },
    async removeLearnedPhrasing(id) {
      failIfAsked('removeLearnedPhrasing');
      const at = learned.findIndex((entry) => entry.id === id);
      if (at === -1) return false;
      learned.splice(at, 1);
      return true;
    },
    async learnedVersion() {
      failIfAsked('learnedVersion');
      return `${learned.length}:${Math.max(0, ...learned.map((entry) => entry.id))}`;
    },
    async saveDraftTopic(draft) {
      failIfAsked('saveDraftTopic');
      const stored = structuredClone({
        ...draft,
        createdAt: new Date(epochMs(draft.createdAt)),
        id: nextId.draft++,
      });
      drafts.push(stored);
      return structuredClone(stored);
    },
    async listDraftTopics() {
      failIfAsked('listDraftTopics');
      return drafts.map((draft) => structuredClone(draft));
    },
    async removeDraftTopic(id) {
      failIfAsked('removeDraftTopic');
      const at = drafts.findIndex((entry) => entry.id === id);
      if (at === -1) return false;
      drafts.splice(at, 1);
      return true;
    },
    async recordSuggestionClick(click) {
      failIfAsked('recordSuggestionClick');
      const entry = copy(click);
      const held = clicks.some(
        (other) =>
          other.normalized === entry.normalized &&
          other.topic === entry.topic &&
          other.userId === entry.userId,
      );
      if (!held) clicks.push(entry);
    },
    async listSuggestionClicks(since) {
      failIfAsked('listSuggestionClicks');
      const from = epochMs(since);
      const key = (click: SuggestionClick) => [click.normalized, click.topic, click.userId].join('\u0000');
      return clicks
        .filter((entry) => +entry.at >= from)
        .sort((a, b) => +a.at - +b.at || byCodePoint(key(a), key(b)))
        .map(copy);
    },

    async saveQuizQuestion(question) {
      failIfAsked('saveQuizQuestion');
      const shownAt = new Date(epochMs(question.shownAt));
      if (quiz.has(question.id)) throw new Error(`quiz question ${question.id} exists`);
      quiz.set(question.id, { ...question, shownAt });
    },
    async getQuizQuestion(id) {
      failIfAsked('getQuizQuestion');
      const shown = quiz.get(id);
      if (!shown) return null;
      const { answer: _answer, ...question } = shown;
      return { ...question, shownAt: new Date(+question.shownAt) };
    },
    async answerQuizQuestion(id, correct, at) {
      failIfAsked('answerQuizQuestion');
      const ms = epochMs(at);
      const shown = quiz.get(id);
      if (!shown || shown.answer) return false;
      shown.answer = { correct, at: new Date(ms) };
      return true;
    },
    async listQuizAnswers(userId) {
      failIfAsked('listQuizAnswers');
      const answers: (QuizAnswer & { id: string })[] = [];
      for (const shown of quiz.values()) {
        if (shown.userId !== userId || !shown.answer) continue;
        const { topic, item } = shown;
        answers.push({
          id: shown.id,
          topic,
          item,
          correct: shown.answer.correct,
          at: new Date(+shown.answer.at),
        });
      }
      // By time, then instance id in code point order, as the SQL stores sort.
      return answers
        .sort((a, b) => +a.at - +b.at || byCodePoint(a.id, b.id))
        .map(({ id: _id, ...answer }) => answer);
    },
    async markLessonDone(userId, topic, at) {
      failIfAsked('markLessonDone');
      const ms = epochMs(at);
      const done = lessons.get(userId) ?? new Map<string, Date>();
      lessons.set(userId, done);
      if (!done.has(topic)) done.set(topic, new Date(ms));
    },
    async listLessonsDone(userId) {
      failIfAsked('listLessonsDone');
      return [...(lessons.get(userId) ?? [])]
        .map(([topic, at]) => ({ topic, at: new Date(+at) }))
        .sort((a, b) => +a.at - +b.at || byCodePoint(a.topic, b.topic));
    },
    async resetStudyProgress(userId) {
      failIfAsked('resetStudyProgress');
      for (const [id, shown] of quiz) if (shown.userId === userId) quiz.delete(id);
      lessons.delete(userId);
    },

    async saveQuizSubscription(subscription) {
      failIfAsked('saveQuizSubscription');
      quizSubscriptions.set(subscription.channel, { ...subscription, pausedReason: null });
    },
    async removeQuizSubscription(channel) {
      failIfAsked('removeQuizSubscription');
      return quizSubscriptions.delete(channel);
    },
    async getQuizSubscription(channel) {
      failIfAsked('getQuizSubscription');
      const found = quizSubscriptions.get(channel);
      return found ? { ...found } : null;
    },
    async listQuizSubscriptions() {
      failIfAsked('listQuizSubscriptions');
      return [...quizSubscriptions.values()]
        .sort((a, b) => byCodePoint(a.channel, b.channel))
        .map((subscription) => ({ ...subscription }));
    },
    async pauseQuizSubscription(channel, reason) {
      failIfAsked('pauseQuizSubscription');
      const found = quizSubscriptions.get(channel);
      if (found) found.pausedReason = reason;
    },
    async recordQuizPost(post) {
      failIfAsked('recordQuizPost');
      const postedAt = new Date(epochMs(post.postedAt));
      quizPosts.set(postKey(post.channel, post.localDate), { ...post, postedAt });
    },
    async getQuizPost(channel, localDate) {
      failIfAsked('getQuizPost');
      const found = quizPosts.get(postKey(channel, localDate));
      return found ? { ...found } : null;
    },
    async listQuizPosts(channel) {
      failIfAsked('listQuizPosts');
      return [...quizPosts.values()]
        .filter((post) => post.channel === channel)
        .sort((a, b) => byCodePoint(a.localDate, b.localDate))
        .map((post) => ({ ...post }));
    },
    async answerQuizPost({ channel, localDate, userId, correct, at }) {
      failIfAsked('answerQuizPost');
      epochMs(at);
      const key = postKey(channel, localDate);
      const answers = quizPostAnswers.get(key) ?? new Map<string, { correct: boolean; at: Date }>();
      quizPostAnswers.set(key, answers);
      if (answers.has(userId)) return false;
      answers.set(userId, { correct, at });
      return true;
    },
    async tallyQuizPost(channel, localDate) {
      failIfAsked('tallyQuizPost');
      const answers = [...(quizPostAnswers.get(postKey(channel, localDate))?.values() ?? [])];
      return { answered: answers.length, right: answers.filter((answer) => answer.correct).length };
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
        .sort((a, b) => byCodePoint(a.channel, b.channel))
        .map((subscription) => ({ ...subscription }));
    },
    async pauseTipSubscription(channel, reason) {
      failIfAsked('pauseTipSubscription');
      const found = subscriptions.get(channel);
      if (found) found.pausedReason = reason;
    },
    async claimTipSlot(channel, localDate, at) {
      failIfAsked('claimTipSlot');
      epochMs(at); // refuses an invalid date, as the SQL stores do
      const claimed = slots.get(channel) ?? new Map<string, TipSlot>();
      slots.set(channel, claimed);
      if (claimed.has(localDate)) return false;
      claimed.set(localDate, {});
      return true;
    },
    async recordTipPosted(channel, localDate, topic, cycle) {
      failIfAsked('recordTipPosted');
      const slot = slots.get(channel)?.get(localDate);
      if (slot) Object.assign(slot, { topic, cycle });
    },
    async tipRotation(channel): Promise<TipRotation> {
      const rotation = rotations.get(channel) ?? { seed: randomUUID(), cycle: 0 };
      rotations.set(channel, rotation);
      // By local date, as the SQL stores list them.
      const posted = [...(slots.get(channel) ?? [])]
        .sort(([a], [b]) => byCodePoint(a, b))
        .flatMap(([, slot]) =>
          slot.cycle === rotation.cycle && slot.topic !== undefined ? [slot.topic] : [],
        );
      return { seed: rotation.seed, cycle: rotation.cycle, posted };
    },
    async startTipCycle(channel, cycle) {
      failIfAsked('startTipCycle');
      const rotation = rotations.get(channel);
      if (rotation) rotation.cycle = Math.max(rotation.cycle, cycle);
    },

    async close() {},
  };
  for (const [method, call] of Object.entries(store) as [FailableMethod, unknown][]) {
    if (typeof call !== 'function' || ['close', 'failWith', 'hang'].includes(method)) continue;
    // Each method's type differs; the wrapper passes the arguments through unchanged.
    const original = call as (...args: unknown[]) => Promise<unknown>;
    Object.assign(store, { [method]: (...args: unknown[]) => orHang(method, () => original(...args)) });
  }
  return store;
}

function copyHelpRequest(request: HelpRequest): HelpRequest {
  return {
    ...request,
    askedIn: request.askedIn ? { ...request.askedIn } : null,
    createdAt: new Date(+request.createdAt),
    notifiedAt: request.notifiedAt === null ? null : new Date(+request.notifiedAt),
  };
}
