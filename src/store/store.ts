/**
 * Everything the bot remembers, behind one interface: SQLite (embedded default) implements it, and a
 * PostgreSQL store can for several replicas. Every method is async so either fits.
 */
export interface Store {
  /**
   * Claims a delivery key (an Events API `event_id`, a message's `channel:ts`, an interaction id) once.
   * Returns false when the key was already claimed — by this process or another sharing the database —
   * so retries and double deliveries never produce a second reply. A claim never marked delivered is a
   * lease: once it is `TIME_LIMITS.deliveryLeaseMs` old (a process killed between claim and post), the
   * next claim of the key, e.g. Slack's retry, succeeds, so the answer goes out at least once.
   */
  claimDelivery(key: string, at: Date): Promise<boolean>;

  /** Records that a claimed delivery was made, so the claim never expires (until pruned). */
  markDelivered(key: string, at: Date): Promise<void>;

  /** Records one question and what the bot did with it (for the unanswered and most-asked reports). */
  recordQuestion(entry: QuestionRecord): Promise<void>;

  /**
   * Records a helpful / not helpful click: one vote per user per answer (the same question, topic and
   * channel), so a later click replaces the earlier vote and its time instead of adding a row.
   */
  recordFeedback(entry: FeedbackRecord): Promise<void>;

  /** Questions asked since `since`, oldest first (for the maintainers' report). */
  listQuestions(since: Date): Promise<QuestionRecord[]>;
  /** Feedback given since `since`, oldest first. */
  listFeedback(since: Date): Promise<FeedbackRecord[]>;

  /**
   * Deletes stored question text, feedback and quiz answers (shown quiz questions, answers to weekly
   * quiz posts) older than `before`,
   * and expired delivery claims. Lessons done are progress, kept until the learner resets it.
   */
  prune(before: Date): Promise<void>;

  /** Creates or replaces a channel's tip subscription (and un-pauses it). */
  saveTipSubscription(subscription: TipSubscription): Promise<void>;
  /** Removes a channel's subscription; false when there was none. */
  removeTipSubscription(channel: string): Promise<boolean>;
  getTipSubscription(channel: string): Promise<TipSubscription | null>;
  listTipSubscriptions(): Promise<TipSubscription[]>;
  /** Stops posting to a channel until it subscribes again, remembering why. */
  pauseTipSubscription(channel: string, reason: string): Promise<void>;

  /**
   * Claims a channel's tip for one local date (YYYY-MM-DD). Exactly one claim succeeds, across restarts
   * and every process sharing the database; the winner posts.
   */
  claimTipSlot(channel: string, localDate: string, at: Date): Promise<boolean>;
  /** Records which topic the claimed slot posted, in which rotation cycle. */
  recordTipPosted(channel: string, localDate: string, topic: string, cycle: number): Promise<void>;
  /** The channel's rotation: its shuffle seed, current cycle and the topics posted in that cycle. */
  tipRotation(channel: string): Promise<TipRotation>;
  /** Starts the next cycle once every topic has been posted. */
  startTipCycle(channel: string, cycle: number): Promise<void>;

  /** Creates or replaces a channel's weekly quiz subscription (and un-pauses it). */
  saveQuizSubscription(subscription: QuizSubscription): Promise<void>;
  /** Removes a channel's weekly quiz; false when there was none. */
  removeQuizSubscription(channel: string): Promise<boolean>;
  getQuizSubscription(channel: string): Promise<QuizSubscription | null>;
  listQuizSubscriptions(): Promise<QuizSubscription[]>;
  /** Stops posting a channel's weekly quiz until it subscribes again, remembering why. */
  pauseQuizSubscription(channel: string, reason: string): Promise<void>;

  /**
   * Records a weekly quiz post (or, posted, its message ts): one per channel and local date, a second
   * record of the same key replacing the first.
   */
  recordQuizPost(post: QuizPost): Promise<void>;
  /** A channel's weekly quiz post of one local date; null when there is none. */
  getQuizPost(channel: string, localDate: string): Promise<QuizPost | null>;
  /** A channel's weekly quiz posts, oldest first (the rotation, and the latest one's summary). */
  listQuizPosts(channel: string): Promise<QuizPost[]>;
  /**
   * Records one person's answer to a weekly quiz post. Exactly one answer per person and post counts,
   * across double clicks and every process sharing the database: true for it, false for any later one.
   */
  answerQuizPost(answer: QuizPostAnswer): Promise<boolean>;
  /** How many answered a weekly quiz post, and how many of them were right: counts only, never who. */
  tallyQuizPost(channel: string, localDate: string): Promise<{ answered: number; right: number }>;

  /** Remembers a quiz question shown to one user, so that its buttons can be checked and answered once. */
  saveQuizQuestion(question: QuizQuestion): Promise<void>;
  /** A shown question by its instance id; null when there is none (never shown, pruned or reset). */
  getQuizQuestion(id: string): Promise<QuizQuestion | null>;
  /**
   * Records the answer to a shown question. Exactly one answer counts, across double clicks, retries
   * and every process sharing the database: true for it, false for any later one or an unknown id.
   */
  answerQuizQuestion(id: string, correct: boolean, at: Date): Promise<boolean>;
  /** A user's answered questions, oldest first (progress, streaks and spaced repetition). */
  listQuizAnswers(userId: string): Promise<QuizAnswer[]>;
  /** Marks a user's lesson on a topic done; done again keeps the first date. */
  markLessonDone(userId: string, topic: string, at: Date): Promise<void>;
  /** The lessons a user has done, oldest first. */
  listLessonsDone(userId: string): Promise<LessonDone[]>;
  /** Forgets a user's shown questions, answers and lessons (`/docker learn reset`). */
  resetStudyProgress(userId: string): Promise<void>;

  /** A setting an admin made in Slack (`/docker admin help-channel …`); null when it is not set. */
  getSetting(name: SettingName): Promise<string | null>;
  /** Saves a setting, replacing the one before; null clears it. */
  saveSetting(name: SettingName, value: string | null, at: Date): Promise<void>;

  /** Remembers a question posted in the help channel, so a reply in its thread can tell the asker. */
  saveHelpRequest(request: HelpRequest): Promise<void>;
  /** The request whose help post is `helpTs` in `helpChannel`; null when there is none (or it was pruned). */
  findHelpRequest(helpChannel: string, helpTs: string): Promise<HelpRequest | null>;
  /**
   * Claims telling the asker of a request that someone replied. Exactly one claim succeeds, across
   * replies, retries and every process sharing the database: true for it, false for any later one or an
   * unknown id.
   */
  claimHelpNotification(id: string, at: Date): Promise<boolean>;
  /**
   * Stores a phrasing a maintainer taught as meaning a topic. The normalised form is unique: when it is
   * already stored (for this topic or another) nothing is written and the stored phrasing is returned
   * with `created: false`, so the caller can say which topic holds it.
   */
  saveLearnedPhrasing(phrasing: NewLearnedPhrasing): Promise<{ phrasing: LearnedPhrasing; created: boolean }>;
  /** Every learned phrasing, oldest first. */
  listLearnedPhrasings(): Promise<LearnedPhrasing[]>;
  /** Removes one learned phrasing; false when there was none with that id. */
  removeLearnedPhrasing(id: number): Promise<boolean>;
  /**
   * A cheap marker that differs from its previous value whenever learned phrasings were added or
   * removed since (their count and highest id: ids are never given twice, so a kept addition raises the
   * highest id and removals alone lower the count). Replicas poll it and reload only when it changed.
   */
  learnedVersion(): Promise<string>;
  /** Stores a draft topic (never served; exported for review) and returns it with its id. */
  saveDraftTopic(draft: NewDraftTopic): Promise<DraftTopic>;
  /** Every draft topic, oldest first. */
  listDraftTopics(): Promise<DraftTopic[]>;
  /** Removes one draft topic; false when there was none with that id. */
  removeDraftTopic(id: number): Promise<boolean>;
  /**
   * Records that the asker of a question the bot was not sure about clicked one of its suggestions:
   * once per normalised question, topic and user (a second click changes nothing). Pruned with questions.
   */
  recordSuggestionClick(click: SuggestionClick): Promise<void>;
  /** Suggestion clicks since `since`, oldest first. */
  listSuggestionClicks(since: Date): Promise<SuggestionClick[]>;

  close(): Promise<void>;
}

/** The settings an admin may make in Slack; the environment's HELP_CHANNEL and EXPERTS win over them. */
export type SettingName = 'help_channel' | 'experts';

/**
 * A question someone asked the team ("Ask the team"): posted in the help channel, and remembered until
 * someone replies in its thread (then the asker is told, once) or RETENTION_DAYS prunes it.
 */
export interface HelpRequest {
  id: string;
  /**
   * Who asked: kept only to tell them of a reply. For an anonymous request it is never posted or logged;
   * only a direct message goes to it.
   */
  asker: string;
  anonymous: boolean;
  /** The question as asked, cut like stored questions. */
  question: string;
  /** The asker's language: the notification is written in it. */
  lang: 'en' | 'ja';
  /** The thread the question was asked in (a mention, a shortcut), or null for a private question. */
  askedIn: { channel: string; threadTs: string } | null;
  /** The help channel and the timestamp of the bot's post there, whose thread the team answers in. */
  helpChannel: string;
  helpTs: string;
  createdAt: Date;
  /** When the asker was told of a reply; null until then. */
  notifiedAt: Date | null;
}

/** A question a maintainer taught as meaning a topic; served as one more alias of it. */
export interface LearnedPhrasing {
  id: number;
  /** As the maintainer gave it (trimmed). */
  phrasing: string;
  /** The form compared for duplicates and collisions (src/search/learned.ts). */
  normalized: string;
  topic: string;
  taughtBy: string;
  taughtAt: Date;
}
export type NewLearnedPhrasing = Omit<LearnedPhrasing, 'id'>;

/** A topic proposed from a question and an expert's reply: stored, never served, exported for review. */
export interface DraftTopic {
  id: number;
  /** The id the topic would have (its file: knowledge/<topicId>.md). */
  topicId: string;
  title: { en: string; ja: string };
  answer: { en: string; ja: string };
  /** Documentation URLs, one per entry. */
  links: string[];
  related: string[];
  sourceQuestion: string;
  /** The expert's reply the draft was made from, or '' when there was none. */
  expertReply: string;
  taughtBy: string;
  createdAt: Date;
}
export type NewDraftTopic = Omit<DraftTopic, 'id'>;

/** The asker of a "not sure" reply resolved their question to one of its suggestions. */
export interface SuggestionClick {
  /** The question as asked (shown in the report). */
  question: string;
  /** Its normalised form: clicks are grouped by it. */
  normalized: string;
  topic: string;
  userId: string;
  at: Date;
}

/** One quiz question shown to one user: a topic's quiz item, under a question instance id its buttons carry. */
export interface QuizQuestion {
  id: string;
  userId: string;
  topic: string;
  /** The index of the quiz item in the topic's `quiz:`. */
  item: number;
  shownAt: Date;
}

/** A weekly quiz posted in a channel: which quiz item, in which language, and the message its summary goes under. */
export interface QuizPost {
  channel: string;
  /** The local date (YYYY-MM-DD, the subscription's time zone) it was posted on: with the channel, its key. */
  localDate: string;
  topic: string;
  /** The index of the quiz item in the topic's `quiz:`. */
  item: number;
  lang: TipLang;
  /** The posted message's ts (the summary's thread); null until Slack has answered the post. */
  ts: string | null;
  postedAt: Date;
}

/** One person's answer to a weekly quiz post. */
export interface QuizPostAnswer {
  channel: string;
  localDate: string;
  userId: string;
  correct: boolean;
  at: Date;
}

/** How a user answered one shown question. */
export interface QuizAnswer {
  topic: string;
  item: number;
  correct: boolean;
  at: Date;
}

export interface LessonDone {
  topic: string;
  at: Date;
}

/** Where a request came from. Questions are recorded from the first five; buttons and App Home ask none. */
export type Surface = 'command' | 'mention' | 'dm' | 'shortcut' | 'console' | 'button' | 'home';

export interface QuestionRecord {
  question: string;
  /** The answered topic, or null when the bot did not answer. */
  topic: string | null;
  answered: boolean;
  score: number;
  lang: 'en' | 'ja';
  userId: string;
  surface: Surface;
  at: Date;
}

export interface FeedbackRecord {
  question: string;
  topic: string;
  /** Where the answer was shown (a channel or DM id): with the question and topic, which answer it is. */
  channel: string;
  userId: string;
  helpful: boolean;
  at: Date;
}

export type TipDays = 'weekdays' | 'daily';

/**
 * A channel's weekly quiz post. Its posts and next-day summaries are claimed exactly once with the
 * tips' slot claims, under their own slot keys (src/tips/weekly-quiz.ts).
 */
export interface QuizSubscription {
  channel: string;
  /** 0 = Sunday … 6 = Saturday, in the subscription's time zone. */
  weekday: number;
  /** Local time of day, HH:MM (24 h). */
  time: string;
  lang: TipLang;
  /** IANA time zone the weekday and time are in. */
  timeZone: string;
  /** Who subscribed: told by DM if posting fails. */
  subscriber: string;
  /** Why posting stopped (the Slack error), or null while it posts. */
  pausedReason: string | null;
}
export type TipLang = 'en' | 'ja' | 'both';

export interface TipSubscription {
  channel: string;
  /** Local time of day, HH:MM (24 h). */
  time: string;
  days: TipDays;
  lang: TipLang;
  /** IANA time zone the time is in, e.g. Asia/Tokyo. */
  timeZone: string;
  /** Who subscribed (told by DM if posting fails); null for subscriptions from TIP_CHANNELS. */
  subscriber: string | null;
  source: 'slack' | 'config';
  /** Why posting is paused (e.g. not_in_channel), or null when active. */
  pausedReason: string | null;
}

export interface TipRotation {
  seed: string;
  cycle: number;
  posted: string[];
}
