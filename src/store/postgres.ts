import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient, type QueryConfig, type QueryResultRow } from 'pg';
import { TIME_LIMITS } from '../limits.js';
import type {
  DraftTopic,
  LearnedPhrasing,
  NewDraftTopic,
  NewLearnedPhrasing,
  SuggestionClick,
  FeedbackRecord,
  LessonDone,
  QuestionRecord,
  QuizAnswer,
  QuizQuestion,
  Store,
  TipRotation,
  TipSubscription,
  QuizSubscription,
  QuizPost,
  QuizPostAnswer,
  HelpRequest,
  SettingName,
} from './store.js';
import {
  draftTopicValues,
  toDraftTopic,
  toLearnedPhrasing,
  toSuggestionClick,
  type DraftTopicRow,
  type LearnedPhrasingRow,
  type SuggestionClickRow,
  epochMs,
  HELP_REQUEST_COLUMNS,
  helpRequestValues,
  toHelpRequest,
  type HelpRequestRow,
  toQuizAnswer,
  toQuizQuestion,
  toSubscription,
  toQuizSubscription,
  toQuizPost,
  type QuizPostRow,
  type QuizSubscriptionRow,
  type QuizAnswerRow,
  type QuizQuestionRow,
  type SubscriptionRow,
} from './rows.js';

/**
 * Connections each replica may hold. Replicas × this has to stay well under the server's
 * max_connections (100 by default); the bot's queries are single-row and short, so a few suffice.
 */
const POOL_SIZE = 5;

/**
 * The advisory lock every replica takes before migrating. Any constant works as long as every release
 * uses the same one; it is scoped to the database, so bots in other databases never wait for it.
 */
const MIGRATION_LOCK = 7_362_100_451;

interface Migration {
  version: number;
  sql: string;
}

/**
 * The SQLite store's migrations with the same numbers, tables and columns, in PostgreSQL's types: dates
 * are BIGINT epoch milliseconds and flags SMALLINT 0/1 as there, so a report written against one
 * database reads the other. Never edit a migration that has shipped; add the next version instead.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        claimed_at BIGINT NOT NULL
      );
      CREATE INDEX deliveries_claimed_at ON deliveries (claimed_at);

      CREATE TABLE questions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question TEXT NOT NULL,
        topic TEXT,
        answered SMALLINT NOT NULL CHECK (answered IN (0, 1)),
        -- SQLite's REAL is 8 bytes; PostgreSQL's REAL is 4 and would turn 0.82 into 0.8199999928.
        score DOUBLE PRECISION NOT NULL,
        lang TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX questions_at ON questions (at);

      CREATE TABLE feedback (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question TEXT NOT NULL,
        topic TEXT NOT NULL,
        user_id TEXT NOT NULL,
        helpful SMALLINT NOT NULL CHECK (helpful IN (0, 1)),
        at BIGINT NOT NULL
      );
      CREATE INDEX feedback_at ON feedback (at);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE tip_subscriptions (
        channel TEXT PRIMARY KEY,
        time TEXT NOT NULL,
        days TEXT NOT NULL CHECK (days IN ('weekdays', 'daily')),
        lang TEXT NOT NULL CHECK (lang IN ('en', 'ja', 'both')),
        time_zone TEXT NOT NULL,
        subscriber TEXT,
        source TEXT NOT NULL CHECK (source IN ('slack', 'config')),
        paused_reason TEXT,
        updated_at BIGINT NOT NULL
      );

      -- One row per channel and local date: the primary key is the exactly-once guarantee.
      CREATE TABLE tip_slots (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        claimed_at BIGINT NOT NULL,
        topic TEXT,
        cycle INTEGER,
        PRIMARY KEY (channel, local_date)
      );

      CREATE TABLE tip_rotations (
        channel TEXT PRIMARY KEY,
        seed TEXT NOT NULL,
        cycle INTEGER NOT NULL
      );
    `,
  },
  {
    // As SQLite's version 3: one vote per user per answer, question text cut to 2,000 characters. The
    // question is indexed by its md5: a B-tree entry may not exceed about 2,700 bytes, and 2,000
    // characters of Japanese are 6,000.
    version: 3,
    sql: `
      ALTER TABLE feedback ADD COLUMN channel TEXT NOT NULL DEFAULT '';
      UPDATE questions SET question = substr(question, 1, 1999) || '…' WHERE length(question) > 2000;
      UPDATE feedback SET question = substr(question, 1, 1999) || '…' WHERE length(question) > 2000;
      DELETE FROM feedback WHERE id NOT IN (
        SELECT MAX(id) FROM feedback GROUP BY user_id, topic, channel, question
      );
      CREATE UNIQUE INDEX feedback_one_vote ON feedback (user_id, topic, channel, md5(question));
    `,
  },
  {
    version: 4,
    // As SQLite's version 4: claims from before it were posted right after claiming, so count as delivered.
    sql: `
      ALTER TABLE deliveries ADD COLUMN delivered_at BIGINT;
      UPDATE deliveries SET delivered_at = claimed_at;
    `,
  },
  {
    version: 5,
    sql: `
      -- A quiz question shown to one user, answered at most once: the update that sets answered_at only
      -- where it is still NULL is the exactly-once guarantee against double clicks.
      CREATE TABLE quiz_questions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        item INTEGER NOT NULL,
        shown_at BIGINT NOT NULL,
        correct SMALLINT CHECK (correct IN (0, 1)),
        answered_at BIGINT
      );
      CREATE INDEX quiz_questions_user ON quiz_questions (user_id, answered_at);
      CREATE INDEX quiz_questions_shown_at ON quiz_questions (shown_at);

      CREATE TABLE study_lessons (
        user_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        done_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, topic)
      );
    `,
  },
  {
    version: 6,
    sql: `
      -- A channel's weekly quiz post; its posts and summaries are claimed in tip_slots under their own keys.
      CREATE TABLE quiz_subscriptions (
        channel TEXT PRIMARY KEY,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        time TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('en', 'ja', 'both')),
        time_zone TEXT NOT NULL,
        subscriber TEXT NOT NULL,
        paused_reason TEXT,
        updated_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 7,
    sql: `
      -- Settings an admin makes in Slack (/docker admin help-channel, experts); the environment wins.
      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );

      -- A question posted in the help channel ("Ask the team"). The asker is kept only to tell them of a
      -- reply; the update that sets notified_at only where it is still NULL tells them exactly once.
      CREATE TABLE help_requests (
        id TEXT PRIMARY KEY,
        asker TEXT NOT NULL,
        anonymous SMALLINT NOT NULL CHECK (anonymous IN (0, 1)),
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        asked_channel TEXT,
        asked_thread_ts TEXT,
        help_channel TEXT NOT NULL,
        help_ts TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        notified_at BIGINT
      );
      CREATE UNIQUE INDEX help_requests_post ON help_requests (help_channel, help_ts);
      CREATE INDEX help_requests_created_at ON help_requests (created_at);
    `,
  },
  {
    version: 8,
    // As SQLite's version 8. An identity never gives an id twice, so the count and the highest id together
    // change whenever a phrasing is added or removed (Store.learnedVersion). A click's question is keyed
    // by its md5, as feedback's is: a B-tree entry may not exceed about 2,700 bytes.
    sql: `
      CREATE TABLE learned_phrasings (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        phrasing TEXT NOT NULL,
        normalized TEXT NOT NULL UNIQUE,
        topic TEXT NOT NULL,
        taught_by TEXT NOT NULL,
        taught_at BIGINT NOT NULL
      );

      CREATE TABLE draft_topics (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic_id TEXT NOT NULL,
        title_en TEXT NOT NULL,
        title_ja TEXT NOT NULL,
        answer_en TEXT NOT NULL,
        answer_ja TEXT NOT NULL,
        links TEXT NOT NULL,
        related TEXT NOT NULL,
        source_question TEXT NOT NULL,
        expert_reply TEXT NOT NULL,
        taught_by TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );

      CREATE TABLE suggestion_clicks (
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        topic TEXT NOT NULL,
        user_id TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX suggestion_clicks_once ON suggestion_clicks (md5(normalized), topic, user_id);
      CREATE INDEX suggestion_clicks_at ON suggestion_clicks (at);
    `,
  },
  {
    version: 9,
    sql: `
      -- As SQLite's version 9: a channel's weekly quiz posts, and one answer per person per post.
      CREATE TABLE quiz_posts (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        topic TEXT NOT NULL,
        item INTEGER NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('en', 'ja', 'both')),
        ts TEXT,
        posted_at BIGINT NOT NULL,
        PRIMARY KEY (channel, local_date)
      );

      CREATE TABLE quiz_post_answers (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        user_id TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at BIGINT NOT NULL,
        PRIMARY KEY (channel, local_date, user_id)
      );
      CREATE INDEX quiz_post_answers_answered_at ON quiz_post_answers (answered_at);
    `,
  },
];

/**
 * The store in a PostgreSQL database that several replicas share. Connects and migrates before
 * resolving, so a wrong URL or an unreachable server fails the start rather than the first question.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  // Without these, pg waits forever for a server that hangs (paused, dropping packets), and every answer
  // waits with it. See TIME_LIMITS for each reason.
  const pool = new Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: TIME_LIMITS.storeConnectMs,
    query_timeout: TIME_LIMITS.storeQueryMs,
    statement_timeout: TIME_LIMITS.storeStatementMs,
  });
  // An idle connection the server closes (a restart, a failover) is reported here and dropped from the
  // pool; the next query opens a new one, or fails loudly if the server is really gone. Without a
  // listener, the event would crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createStore(pool);
}

async function migrate(pool: Pool): Promise<void> {
  await inTransaction(pool, async (pooled) => {
    // Waiting for another replica's migration (the advisory lock) takes longer than any query may.
    const limit = TIME_LIMITS.storeMigrationMs;
    await pooled.query(`SET LOCAL statement_timeout = ${limit}`);
    // pg honours query_timeout per query (lib/client.js); @types/pg's QueryConfig leaves it out.
    const client = {
      query: <R extends QueryResultRow>(text: string, values?: unknown[]) =>
        pooled.query<R>({ text, values, query_timeout: limit } as QueryConfig),
    };
    // Held until commit: a replica starting at the same moment waits here, then finds every migration
    // applied. Taken before CREATE TABLE IF NOT EXISTS, which is not safe to race on its own.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const applied = new Set(rows.map((row) => row.version));

    const newest = Math.max(0, ...applied);
    const latestKnown = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > latestKnown) {
      // A newer release has changed the schema in ways this code cannot know are compatible.
      throw new Error(
        `The database schema is at version ${newest}, newer than this version of the bot understands ` +
          `(${latestKnown}). Upgrade the bot, or point DATABASE_URL at another database.`,
      );
    }

    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        Date.now(),
      ]);
    }
  });
}

/** Runs `work` on one connection between BEGIN and COMMIT, rolling back if it throws. */
async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A ROLLBACK that fails means the connection itself is gone: it is discarded, not pooled again.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function createStore(pool: Pool): Store {
  let closed: Promise<void> | undefined;

  return {
    async claimDelivery(key: string, at: Date): Promise<boolean> {
      // The primary key makes the insert the lock: of any number of replicas, exactly one inserts a row.
      // An undelivered claim past its lease is taken over by one of them: the conflicting row is locked,
      // and the others re-check the condition against the updated claimed_at and change nothing.
      const result = await pool.query(
        `INSERT INTO deliveries (key, claimed_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at
         WHERE deliveries.delivered_at IS NULL AND deliveries.claimed_at <= $2::BIGINT - $3::BIGINT`,
        [key, epochMs(at), TIME_LIMITS.deliveryLeaseMs],
      );
      return result.rowCount === 1;
    },

    async markDelivered(key: string, at: Date): Promise<void> {
      await pool.query('UPDATE deliveries SET delivered_at = $1 WHERE key = $2', [epochMs(at), key]);
    },

    async recordQuestion(entry: QuestionRecord): Promise<void> {
      await pool.query(
        `INSERT INTO questions (question, topic, answered, score, lang, user_id, surface, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          entry.question,
          entry.topic,
          entry.answered ? 1 : 0,
          entry.score,
          entry.lang,
          entry.userId,
          entry.surface,
          epochMs(entry.at),
        ],
      );
    },

    async recordFeedback(entry: FeedbackRecord): Promise<void> {
      // The unique index makes a second vote on the same answer an update: the last click counts.
      await pool.query(
        `INSERT INTO feedback (question, topic, channel, user_id, helpful, at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, topic, channel, md5(question))
         DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
        [entry.question, entry.topic, entry.channel, entry.userId, entry.helpful ? 1 : 0, epochMs(entry.at)],
      );
    },

    async listQuestions(since: Date): Promise<QuestionRecord[]> {
      const { rows } = await pool.query<QuestionRow>(
        `SELECT question, topic, answered, score, lang, user_id, surface, at
         FROM questions WHERE at >= $1 ORDER BY at, id`,
        [epochMs(since)],
      );
      return rows.map((row) => ({
        question: row.question,
        topic: row.topic,
        answered: row.answered === 1,
        score: row.score,
        lang: row.lang,
        userId: row.user_id,
        surface: row.surface,
        at: new Date(Number(row.at)),
      }));
    },

    async listFeedback(since: Date): Promise<FeedbackRecord[]> {
      const { rows } = await pool.query<FeedbackRow>(
        'SELECT question, topic, channel, user_id, helpful, at FROM feedback WHERE at >= $1 ORDER BY at, id',
        [epochMs(since)],
      );
      return rows.map((row) => ({
        question: row.question,
        topic: row.topic,
        channel: row.channel,
        userId: row.user_id,
        helpful: row.helpful === 1,
        at: new Date(Number(row.at)),
      }));
    },

    async prune(before: Date): Promise<void> {
      const cutoff = epochMs(before);
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM questions WHERE at < $1', [cutoff]);
        await client.query('DELETE FROM feedback WHERE at < $1', [cutoff]);
        // Claims only need to outlive Slack's retries (minutes), so the retention cutoff is more than enough.
        await client.query('DELETE FROM deliveries WHERE claimed_at < $1', [cutoff]);
        await client.query('DELETE FROM quiz_questions WHERE shown_at < $1', [cutoff]);
        await client.query('DELETE FROM quiz_post_answers WHERE answered_at < $1', [cutoff]);
        await client.query('DELETE FROM help_requests WHERE created_at < $1', [cutoff]);
        await client.query('DELETE FROM suggestion_clicks WHERE at < $1', [cutoff]);
      });
    },

    async saveLearnedPhrasing(phrasing: NewLearnedPhrasing) {
      // Of replicas teaching the same phrasing at once, the unique index lets one insert; all read the winner.
      const inserted = await pool.query<LearnedPhrasingRow>(
        `INSERT INTO learned_phrasings (phrasing, normalized, topic, taught_by, taught_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (normalized) DO NOTHING RETURNING *`,
        [
          phrasing.phrasing,
          phrasing.normalized,
          phrasing.topic,
          phrasing.taughtBy,
          epochMs(phrasing.taughtAt),
        ],
      );
      if (inserted.rows[0]) return { phrasing: toLearnedPhrasing(inserted.rows[0]), created: true };
      const { rows } = await pool.query<LearnedPhrasingRow>(
        'SELECT * FROM learned_phrasings WHERE normalized = $1',
        [phrasing.normalized],
      );
      return { phrasing: toLearnedPhrasing(rows[0] as LearnedPhrasingRow), created: false };
    },

    async listLearnedPhrasings(): Promise<LearnedPhrasing[]> {
      const { rows } = await pool.query<LearnedPhrasingRow>('SELECT * FROM learned_phrasings ORDER BY id');
      return rows.map(toLearnedPhrasing);
    },

    async removeLearnedPhrasing(id: number): Promise<boolean> {
      const result = await pool.query('DELETE FROM learned_phrasings WHERE id = $1', [id]);
      return result.rowCount === 1;
    },

    async learnedVersion(): Promise<string> {
      const { rows } = await pool.query<{ count: string; top: string }>(
        'SELECT COUNT(*) AS count, COALESCE(MAX(id), 0) AS top FROM learned_phrasings',
      );
      return `${rows[0]?.count ?? 0}:${rows[0]?.top ?? 0}`;
    },

    async saveDraftTopic(draft: NewDraftTopic): Promise<DraftTopic> {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO draft_topics (topic_id, title_en, title_ja, answer_en, answer_ja, links, related,
           source_question, expert_reply, taught_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        draftTopicValues(draft),
      );
      return { ...draft, id: Number(rows[0]?.id) };
    },

    async listDraftTopics(): Promise<DraftTopic[]> {
      const { rows } = await pool.query<DraftTopicRow>('SELECT * FROM draft_topics ORDER BY id');
      return rows.map(toDraftTopic);
    },

    async removeDraftTopic(id: number): Promise<boolean> {
      const result = await pool.query('DELETE FROM draft_topics WHERE id = $1', [id]);
      return result.rowCount === 1;
    },

    async recordSuggestionClick(click: SuggestionClick): Promise<void> {
      await pool.query(
        `INSERT INTO suggestion_clicks (question, normalized, topic, user_id, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [click.question, click.normalized, click.topic, click.userId, epochMs(click.at)],
      );
    },

    async listSuggestionClicks(since: Date): Promise<SuggestionClick[]> {
      const { rows } = await pool.query<SuggestionClickRow>(
        `SELECT * FROM suggestion_clicks WHERE at >= $1
         ORDER BY at, normalized COLLATE "C", topic COLLATE "C", user_id COLLATE "C"`,
        [epochMs(since)],
      );
      return rows.map(toSuggestionClick);
    },

    async saveQuizQuestion(question: QuizQuestion): Promise<void> {
      await pool.query(
        'INSERT INTO quiz_questions (id, user_id, topic, item, shown_at) VALUES ($1, $2, $3, $4, $5)',
        [question.id, question.userId, question.topic, question.item, epochMs(question.shownAt)],
      );
    },

    async getQuizQuestion(id: string): Promise<QuizQuestion | null> {
      const { rows } = await pool.query<QuizQuestionRow>(
        'SELECT id, user_id, topic, item, shown_at FROM quiz_questions WHERE id = $1',
        [id],
      );
      return rows[0] ? toQuizQuestion(rows[0]) : null;
    },

    async answerQuizQuestion(id: string, correct: boolean, at: Date): Promise<boolean> {
      // Of simultaneous answers, the row lock lets one update and makes the others see answered_at set.
      const result = await pool.query(
        'UPDATE quiz_questions SET correct = $1, answered_at = $2 WHERE id = $3 AND answered_at IS NULL',
        [correct ? 1 : 0, epochMs(at), id],
      );
      return result.rowCount === 1;
    },

    async listQuizAnswers(userId: string): Promise<QuizAnswer[]> {
      const { rows } = await pool.query<QuizAnswerRow>(
        `SELECT topic, item, correct, answered_at FROM quiz_questions
         WHERE user_id = $1 AND answered_at IS NOT NULL ORDER BY answered_at, id COLLATE "C"`,
        [userId],
      );
      return rows.map(toQuizAnswer);
    },

    async markLessonDone(userId: string, topic: string, at: Date): Promise<void> {
      await pool.query(
        'INSERT INTO study_lessons (user_id, topic, done_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [userId, topic, epochMs(at)],
      );
    },

    async listLessonsDone(userId: string): Promise<LessonDone[]> {
      const { rows } = await pool.query<{ topic: string; done_at: EpochMsText }>(
        'SELECT topic, done_at FROM study_lessons WHERE user_id = $1 ORDER BY done_at, topic COLLATE "C"',
        [userId],
      );
      return rows.map((row) => ({ topic: row.topic, at: new Date(Number(row.done_at)) }));
    },

    async resetStudyProgress(userId: string): Promise<void> {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM quiz_questions WHERE user_id = $1', [userId]);
        await client.query('DELETE FROM study_lessons WHERE user_id = $1', [userId]);
      });
    },

    async saveQuizSubscription(subscription: QuizSubscription): Promise<void> {
      await pool.query(
        `INSERT INTO quiz_subscriptions (channel, weekday, time, lang, time_zone, subscriber, paused_reason, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)
         ON CONFLICT (channel) DO UPDATE SET weekday = excluded.weekday, time = excluded.time, lang = excluded.lang,
           time_zone = excluded.time_zone, subscriber = excluded.subscriber,
           paused_reason = NULL, updated_at = excluded.updated_at`,
        [
          subscription.channel,
          subscription.weekday,
          subscription.time,
          subscription.lang,
          subscription.timeZone,
          subscription.subscriber,
          Date.now(),
        ],
      );
    },

    async removeQuizSubscription(channel: string): Promise<boolean> {
      const result = await pool.query('DELETE FROM quiz_subscriptions WHERE channel = $1', [channel]);
      return result.rowCount === 1;
    },

    async getQuizSubscription(channel: string): Promise<QuizSubscription | null> {
      const { rows } = await pool.query<QuizSubscriptionRow>(
        `SELECT ${QUIZ_SUBSCRIPTION_COLUMNS} FROM quiz_subscriptions WHERE channel = $1`,
        [channel],
      );
      return rows[0] ? toQuizSubscription(rows[0]) : null;
    },

    async listQuizSubscriptions(): Promise<QuizSubscription[]> {
      const { rows } = await pool.query<QuizSubscriptionRow>(
        `SELECT ${QUIZ_SUBSCRIPTION_COLUMNS} FROM quiz_subscriptions ORDER BY channel COLLATE "C"`,
      );
      return rows.map(toQuizSubscription);
    },

    async pauseQuizSubscription(channel: string, reason: string): Promise<void> {
      await pool.query(
        'UPDATE quiz_subscriptions SET paused_reason = $1, updated_at = $2 WHERE channel = $3',
        [reason, Date.now(), channel],
      );
    },

    async recordQuizPost(post: QuizPost): Promise<void> {
      await pool.query(
        `INSERT INTO quiz_posts (channel, local_date, topic, item, lang, ts, posted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (channel, local_date) DO UPDATE SET topic = excluded.topic, item = excluded.item,
           lang = excluded.lang, ts = excluded.ts, posted_at = excluded.posted_at`,
        [post.channel, post.localDate, post.topic, post.item, post.lang, post.ts, epochMs(post.postedAt)],
      );
    },

    async getQuizPost(channel: string, localDate: string): Promise<QuizPost | null> {
      const { rows } = await pool.query<QuizPostRow>(
        `SELECT ${QUIZ_POST_COLUMNS} FROM quiz_posts WHERE channel = $1 AND local_date = $2`,
        [channel, localDate],
      );
      return rows[0] ? toQuizPost(rows[0]) : null;
    },

    async listQuizPosts(channel: string): Promise<QuizPost[]> {
      const { rows } = await pool.query<QuizPostRow>(
        `SELECT ${QUIZ_POST_COLUMNS} FROM quiz_posts WHERE channel = $1 ORDER BY local_date COLLATE "C"`,
        [channel],
      );
      return rows.map(toQuizPost);
    },

    async answerQuizPost(answer: QuizPostAnswer): Promise<boolean> {
      // Of simultaneous answers by one person, the primary key lets one insert and the others do nothing.
      const result = await pool.query(
        `INSERT INTO quiz_post_answers (channel, local_date, user_id, correct, answered_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [answer.channel, answer.localDate, answer.userId, answer.correct ? 1 : 0, epochMs(answer.at)],
      );
      return result.rowCount === 1;
    },

    async tallyQuizPost(channel: string, localDate: string): Promise<{ answered: number; right: number }> {
      // COUNT and SUM of BIGINT arrive as text.
      const { rows } = await pool.query<{ answered: string; right: string | null }>(
        `SELECT COUNT(*) AS answered, SUM(correct) AS right FROM quiz_post_answers
         WHERE channel = $1 AND local_date = $2`,
        [channel, localDate],
      );
      return { answered: Number(rows[0]?.answered ?? 0), right: Number(rows[0]?.right ?? 0) };
    },

    async saveTipSubscription(subscription: TipSubscription): Promise<void> {
      await pool.query(
        `INSERT INTO tip_subscriptions (channel, time, days, lang, time_zone, subscriber, source, paused_reason, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)
         ON CONFLICT (channel) DO UPDATE SET time = excluded.time, days = excluded.days, lang = excluded.lang,
           time_zone = excluded.time_zone, subscriber = excluded.subscriber, source = excluded.source,
           paused_reason = NULL, updated_at = excluded.updated_at`,
        [
          subscription.channel,
          subscription.time,
          subscription.days,
          subscription.lang,
          subscription.timeZone,
          subscription.subscriber,
          subscription.source,
          Date.now(),
        ],
      );
    },

    async removeTipSubscription(channel: string): Promise<boolean> {
      const result = await pool.query('DELETE FROM tip_subscriptions WHERE channel = $1', [channel]);
      return result.rowCount === 1;
    },

    async getTipSubscription(channel: string): Promise<TipSubscription | null> {
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM tip_subscriptions WHERE channel = $1`,
        [channel],
      );
      return rows[0] ? toSubscription(rows[0]) : null;
    },

    async listTipSubscriptions(): Promise<TipSubscription[]> {
      // COLLATE "C" sorts by code point as SQLite does, whatever collation the database was created with.
      const { rows } = await pool.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM tip_subscriptions ORDER BY channel COLLATE "C"`,
      );
      return rows.map(toSubscription);
    },

    async pauseTipSubscription(channel: string, reason: string): Promise<void> {
      await pool.query(
        'UPDATE tip_subscriptions SET paused_reason = $1, updated_at = $2 WHERE channel = $3',
        [reason, Date.now(), channel],
      );
    },

    async claimTipSlot(channel: string, localDate: string, at: Date): Promise<boolean> {
      const result = await pool.query(
        'INSERT INTO tip_slots (channel, local_date, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [channel, localDate, epochMs(at)],
      );
      return result.rowCount === 1;
    },

    async recordTipPosted(channel: string, localDate: string, topic: string, cycle: number): Promise<void> {
      await pool.query('UPDATE tip_slots SET topic = $1, cycle = $2 WHERE channel = $3 AND local_date = $4', [
        topic,
        cycle,
        channel,
        localDate,
      ]);
    },

    async tipRotation(channel: string): Promise<TipRotation> {
      // Of replicas asking for a new channel at once, one seed wins and every one of them reads it.
      await pool.query(
        'INSERT INTO tip_rotations (channel, seed, cycle) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING',
        [channel, randomUUID()],
      );
      const { rows } = await pool.query<{ seed: string; cycle: number }>(
        'SELECT seed, cycle FROM tip_rotations WHERE channel = $1',
        [channel],
      );
      const rotation = rows[0] as { seed: string; cycle: number };
      const posted = await pool.query<{ topic: string }>(
        `SELECT topic FROM tip_slots WHERE channel = $1 AND cycle = $2 AND topic IS NOT NULL
         ORDER BY local_date COLLATE "C"`,
        [channel, rotation.cycle],
      );
      return { seed: rotation.seed, cycle: rotation.cycle, posted: posted.rows.map((row) => row.topic) };
    },

    async startTipCycle(channel: string, cycle: number): Promise<void> {
      await pool.query('UPDATE tip_rotations SET cycle = GREATEST(cycle, $1) WHERE channel = $2', [
        cycle,
        channel,
      ]);
    },

    async getSetting(name: SettingName): Promise<string | null> {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [
        name,
      ]);
      return rows[0]?.value ?? null;
    },

    async saveSetting(name: SettingName, value: string | null, at: Date): Promise<void> {
      if (value === null) {
        await pool.query('DELETE FROM settings WHERE name = $1', [name]);
        return;
      }
      await pool.query(
        `INSERT INTO settings (name, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [name, value, epochMs(at)],
      );
    },

    async saveHelpRequest(request: HelpRequest): Promise<void> {
      await pool.query(
        `INSERT INTO help_requests (${HELP_REQUEST_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        helpRequestValues(request),
      );
    },

    async findHelpRequest(helpChannel: string, helpTs: string): Promise<HelpRequest | null> {
      const { rows } = await pool.query<HelpRequestRow>(
        `SELECT ${HELP_REQUEST_COLUMNS} FROM help_requests WHERE help_channel = $1 AND help_ts = $2`,
        [helpChannel, helpTs],
      );
      return rows[0] ? toHelpRequest(rows[0]) : null;
    },

    async claimHelpNotification(id: string, at: Date): Promise<boolean> {
      // Of replicas notifying at once, the row lock lets one set notified_at; the others see it set.
      const result = await pool.query(
        'UPDATE help_requests SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL',
        [epochMs(at), id],
      );
      return result.rowCount === 1;
    },

    async close(): Promise<void> {
      // pg throws when a pool is ended twice; SQLite's close may be called again, so this one may too.
      closed ??= pool.end();
      await closed;
    },
  };
}

/** pg returns BIGINT as a string, since it may exceed 2^53; epoch milliseconds never do. */
type EpochMsText = string;

interface QuestionRow {
  question: string;
  topic: string | null;
  answered: number;
  score: number;
  lang: QuestionRecord['lang'];
  user_id: string;
  surface: QuestionRecord['surface'];
  at: EpochMsText;
}

interface FeedbackRow {
  question: string;
  topic: string;
  channel: string;
  user_id: string;
  helpful: number;
  at: EpochMsText;
}

const QUIZ_POST_COLUMNS = 'channel, local_date, topic, item, lang, ts, posted_at';
const QUIZ_SUBSCRIPTION_COLUMNS = 'channel, weekday, time, lang, time_zone, subscriber, paused_reason';
const SUBSCRIPTION_COLUMNS = 'channel, time, days, lang, time_zone, subscriber, source, paused_reason';
