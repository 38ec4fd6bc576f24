import { TIME_LIMITS } from '../limits.js';
import type { AppLogger } from '../logger.js';
import { openStore, parseDatabaseUrl, StoreError } from './index.js';
import type { Store } from './store.js';

/** `ok`: the last call to the database succeeded. `unavailable`: it is not open yet, or the last call failed. */
export type StoreState = 'ok' | 'unavailable';

/** What the rest of the bot may ask about the store's health (/healthz, work waiting for the database). */
export interface StoreStatus {
  state(): StoreState;
  /** Calls `listener` once, the next time the store works again (at once when it works now). */
  onceAvailable(listener: () => void): void;
}

export interface ResilientStore extends Store {
  readonly status: StoreStatus;
}

export interface ResilientStoreOptions {
  /** How a database is opened; openStore unless a test stands in for it. */
  open?: (databaseUrl: string | undefined, logger: AppLogger) => Promise<Store>;
  /** First and longest wait between attempts; TIME_LIMITS' unless a test needs them short. */
  reopenFirstMs?: number;
  reopenMaxMs?: number;
}

/**
 * The store DATABASE_URL names, for a bot that answers whether or not the database is there: answers
 * need no database, only recording does. A database that cannot be opened at start (PostgreSQL down,
 * not yet accepting connections) is logged and opened again in the background, with waits doubling from
 * TIME_LIMITS.storeReopenFirstMs to storeReopenMaxMs, until it opens; meanwhile every call fails at once
 * with DATABASE_UNAVAILABLE, which the conversation layer logs and answers past. Only a DATABASE_URL that
 * cannot be read fails the start (parseDatabaseUrl throws): no wait would fix it.
 */
export async function openResilientStore(
  databaseUrl: string | undefined,
  logger: AppLogger,
  options: ResilientStoreOptions = {},
): Promise<ResilientStore> {
  parseDatabaseUrl(databaseUrl);
  const open = options.open ?? openStore;
  const firstWait = options.reopenFirstMs ?? TIME_LIMITS.storeReopenFirstMs;
  const longestWait = options.reopenMaxMs ?? TIME_LIMITS.storeReopenMaxMs;

  let inner: Store | undefined;
  let state: StoreState = 'unavailable';
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt: Promise<void> | undefined;
  let waiting: (() => void)[] = [];

  const becameAvailable = () => {
    for (const listener of waiting.splice(0)) listener();
  };
  const setState = (next: StoreState, error?: unknown) => {
    if (next === state) return;
    state = next;
    if (next === 'ok') {
      logger.log('info', 'store available again');
      becameAvailable();
    } else {
      logger.log('error', 'store unavailable: answering without it; questions and feedback are not stored', {
        error,
      });
    }
  };

  const tryOpen = async (wait: number): Promise<void> => {
    try {
      const opened = await open(databaseUrl, logger);
      if (closed) {
        await opened.close();
        return;
      }
      inner = opened;
      state = 'ok';
      logger.log('info', 'store opened');
      becameAvailable();
    } catch (error) {
      if (closed) return;
      logger.log('error', 'could not open the store: answering without it, trying again in the background', {
        error,
        retry_in_ms: wait,
      });
      retry = setTimeout(() => {
        attempt = tryOpen(Math.min(wait * 2, longestWait));
      }, wait);
      retry.unref();
    }
  };

  attempt = tryOpen(firstWait);
  await attempt;

  /** Runs a call on the open store, keeping the state: a failure (but a refused argument) marks it unavailable. */
  const call = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
    if (!inner) {
      throw new StoreError('DATABASE_UNAVAILABLE', 'The database is not open yet; it is being opened again.');
    }
    try {
      const result = await work(inner);
      setState('ok');
      return result;
    } catch (error) {
      if (!(error instanceof RangeError)) setState('unavailable', error);
      throw error;
    }
  };

  return {
    status: {
      state: () => state,
      onceAvailable(listener) {
        if (state === 'ok') listener();
        else waiting.push(listener);
      },
    },
    claimDelivery: (key, at) => call((store) => store.claimDelivery(key, at)),
    markDelivered: (key, at) => call((store) => store.markDelivered(key, at)),
    recordQuestion: (entry) => call((store) => store.recordQuestion(entry)),
    recordFeedback: (entry) => call((store) => store.recordFeedback(entry)),
    listQuestions: (since) => call((store) => store.listQuestions(since)),
    listFeedback: (since) => call((store) => store.listFeedback(since)),
    prune: (before) => call((store) => store.prune(before)),
    saveQuizSubscription: (subscription) => call((store) => store.saveQuizSubscription(subscription)),
    removeQuizSubscription: (channel) => call((store) => store.removeQuizSubscription(channel)),
    getQuizSubscription: (channel) => call((store) => store.getQuizSubscription(channel)),
    listQuizSubscriptions: () => call((store) => store.listQuizSubscriptions()),
    pauseQuizSubscription: (channel, reason) => call((store) => store.pauseQuizSubscription(channel, reason)),
    saveTipSubscription: (subscription) => call((store) => store.saveTipSubscription(subscription)),
    removeTipSubscription: (channel) => call((store) => store.removeTipSubscription(channel)),
    getTipSubscription: (channel) => call((store) => store.getTipSubscription(channel)),
    listTipSubscriptions: () => call((store) => store.listTipSubscriptions()),
    pauseTipSubscription: (channel, reason) => call((store) => store.pauseTipSubscription(channel, reason)),
    recordQuizPost: (post) => call((store) => store.recordQuizPost(post)),
    getQuizPost: (channel, localDate) => call((store) => store.getQuizPost(channel, localDate)),
    listQuizPosts: (channel) => call((store) => store.listQuizPosts(channel)),
    answerQuizPost: (answer) => call((store) => store.answerQuizPost(answer)),
    tallyQuizPost: (channel, localDate) => call((store) => store.tallyQuizPost(channel, localDate)),
    saveQuizQuestion: (question) => call((store) => store.saveQuizQuestion(question)),
    getQuizQuestion: (id) => call((store) => store.getQuizQuestion(id)),
    answerQuizQuestion: (id, correct, at) => call((store) => store.answerQuizQuestion(id, correct, at)),
    listQuizAnswers: (userId) => call((store) => store.listQuizAnswers(userId)),
    markLessonDone: (userId, topic, at) => call((store) => store.markLessonDone(userId, topic, at)),
    listLessonsDone: (userId) => call((store) => store.listLessonsDone(userId)),
    resetStudyProgress: (userId) => call((store) => store.resetStudyProgress(userId)),
    claimTipSlot: (channel, localDate, at) => call((store) => store.claimTipSlot(channel, localDate, at)),
    recordTipPosted: (channel, localDate, topic, cycle) =>
      call((store) => store.recordTipPosted(channel, localDate, topic, cycle)),
    tipRotation: (channel) => call((store) => store.tipRotation(channel)),
    startTipCycle: (channel, cycle) => call((store) => store.startTipCycle(channel, cycle)),
    getSetting: (name) => call((store) => store.getSetting(name)),
    saveSetting: (name, value, at) => call((store) => store.saveSetting(name, value, at)),
    saveHelpRequest: (request) => call((store) => store.saveHelpRequest(request)),
    findHelpRequest: (channel, ts) => call((store) => store.findHelpRequest(channel, ts)),
    claimHelpNotification: (id, at) => call((store) => store.claimHelpNotification(id, at)),
    saveLearnedPhrasing: (phrasing) => call((store) => store.saveLearnedPhrasing(phrasing)),
    listLearnedPhrasings: () => call((store) => store.listLearnedPhrasings()),
    removeLearnedPhrasing: (id) => call((store) => store.removeLearnedPhrasing(id)),
    learnedVersion: () => call((store) => store.learnedVersion()),
    saveDraftTopic: (draft) => call((store) => store.saveDraftTopic(draft)),
    listDraftTopics: () => call((store) => store.listDraftTopics()),
    removeDraftTopic: (id) => call((store) => store.removeDraftTopic(id)),
    recordSuggestionClick: (click) => call((store) => store.recordSuggestionClick(click)),
    listSuggestionClicks: (since) => call((store) => store.listSuggestionClicks(since)),
    async close() {
      closed = true;
      clearTimeout(retry);
      waiting = [];
      await attempt?.catch(() => {});
      await inner?.close();
    },
  };
}
