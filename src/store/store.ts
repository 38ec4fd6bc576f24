/**
 * Everything the bot remembers, behind one interface: SQLite (embedded default) implements it, and a
 * PostgreSQL store can for several replicas. Every method is async so either fits.
 */
export interface Store {
  /**
   * Claims a delivery key (an Events API `event_id`, a message's `channel:ts`, an interaction id) once.
   * Returns false when the key was already claimed — by this process or another sharing the database —
   * so retries and double deliveries never produce a second reply.
   */
  claimDelivery(key: string, at: Date): Promise<boolean>;

  /** Records one question and what the bot did with it (for the unanswered and most-asked reports). */
  recordQuestion(entry: QuestionRecord): Promise<void>;

  /** Records a helpful / not helpful click. */
  recordFeedback(entry: FeedbackRecord): Promise<void>;

  /** Deletes stored question text and feedback older than `before`, and expired delivery claims. */
  prune(before: Date): Promise<void>;

  close(): Promise<void>;
}

export type Surface = 'command' | 'mention' | 'dm' | 'shortcut' | 'console';

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
  userId: string;
  helpful: boolean;
  at: Date;
}
