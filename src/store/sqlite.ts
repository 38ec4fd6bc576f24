import { existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
// From node:timers rather than the global, which fake timers in tests replace: a write must not wait for a test's clock.
import { setImmediate } from 'node:timers';
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
 * How long a write waits for another process holding the lock before failing with SQLITE_BUSY. Writes
 * here are single-row inserts, so a wait this long means something is stuck, not merely busy.
 */
const BUSY_TIMEOUT_MS = 5_000;

interface Migration {
  version: number;
  sql: string;
}

/**
 * Applied in order, each once. Never edit a migration that has shipped: databases that already ran it
 * will not run it again, so a change goes in a new entry with the next version.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        claimed_at INTEGER NOT NULL
      );
      CREATE INDEX deliveries_claimed_at ON deliveries (claimed_at);

      CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question TEXT NOT NULL,
        topic TEXT,
        answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
        score REAL NOT NULL,
        lang TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX questions_at ON questions (at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question TEXT NOT NULL,
        topic TEXT NOT NULL,
        user_id TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        at INTEGER NOT NULL
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
        updated_at INTEGER NOT NULL
      );

      -- One row per channel and local date: the primary key is the exactly-once guarantee.
      CREATE TABLE tip_slots (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
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
    // One vote per user per answer, and question text cut to the 2,000 characters the bot now stores
    // (src/conversation/record.ts), so neither an old 100-click nor a 1 MB question survives the upgrade.
    // Feedback from before has no channel ('') and keeps each user's last vote per question and topic.
    version: 3,
    sql: `
      ALTER TABLE feedback ADD COLUMN channel TEXT NOT NULL DEFAULT '';
      UPDATE questions SET question = substr(question, 1, 1999) || '…' WHERE length(question) > 2000;
      UPDATE feedback SET question = substr(question, 1, 1999) || '…' WHERE length(question) > 2000;
      DELETE FROM feedback WHERE id NOT IN (
        SELECT MAX(id) FROM feedback GROUP BY user_id, topic, channel, question
      );
      CREATE UNIQUE INDEX feedback_one_vote ON feedback (user_id, topic, channel, question);
    `,
  },
  {
    version: 4,
    // A claim records when its delivery was made; one without it expires after a lease (see
    // Store.claimDelivery). Claims from before this version were made by code that posted right after
    // claiming: they count as delivered, so an upgrade never answers an old event again.
    sql: `
      ALTER TABLE deliveries ADD COLUMN delivered_at INTEGER;
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
        shown_at INTEGER NOT NULL,
        correct INTEGER CHECK (correct IN (0, 1)),
        answered_at INTEGER
      );
      CREATE INDEX quiz_questions_user ON quiz_questions (user_id, answered_at);
      CREATE INDEX quiz_questions_shown_at ON quiz_questions (shown_at);

      CREATE TABLE study_lessons (
        user_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        done_at INTEGER NOT NULL,
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
        updated_at INTEGER NOT NULL
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
        updated_at INTEGER NOT NULL
      );

      -- A question posted in the help channel ("Ask the team"). The asker is kept only to tell them of a
      -- reply; the update that sets notified_at only where it is still NULL tells them exactly once.
      CREATE TABLE help_requests (
        id TEXT PRIMARY KEY,
        asker TEXT NOT NULL,
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        asked_channel TEXT,
        asked_thread_ts TEXT,
        help_channel TEXT NOT NULL,
        help_ts TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        notified_at INTEGER
      );
      CREATE UNIQUE INDEX help_requests_post ON help_requests (help_channel, help_ts);
      CREATE INDEX help_requests_created_at ON help_requests (created_at);
    `,
  },
  {
    version: 8,
    sql: `
      -- Questions maintainers taught as meaning a topic: served as aliases. The normalised form is unique,
      -- so a phrasing is stored once and means one topic; AUTOINCREMENT never reuses an id, so the count
      -- and the highest id together change whenever a phrasing is added or removed (Store.learnedVersion).
      CREATE TABLE learned_phrasings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        phrasing TEXT NOT NULL,
        normalized TEXT NOT NULL UNIQUE,
        topic TEXT NOT NULL,
        taught_by TEXT NOT NULL,
        taught_at INTEGER NOT NULL
      );

      -- Topics proposed from a question (and an expert's reply): never served, exported for review.
      CREATE TABLE draft_topics (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
        created_at INTEGER NOT NULL
      );

      -- A "not sure" reply's suggestion its asker clicked: one row per question, topic and user.
      CREATE TABLE suggestion_clicks (
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        topic TEXT NOT NULL,
        user_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (normalized, topic, user_id)
      );
      CREATE INDEX suggestion_clicks_at ON suggestion_clicks (at);
    `,
  },
  {
    version: 9,
    sql: `
      -- A channel's weekly quiz post: the quiz item it asked and the message its next-day summary goes under.
      CREATE TABLE quiz_posts (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        topic TEXT NOT NULL,
        item INTEGER NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('en', 'ja', 'both')),
        ts TEXT,
        posted_at INTEGER NOT NULL,
        PRIMARY KEY (channel, local_date)
      );

      -- One answer per person per post: the primary key is the exactly-once guarantee against double clicks.
      CREATE TABLE quiz_post_answers (
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        user_id TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (channel, local_date, user_id)
      );
      CREATE INDEX quiz_post_answers_answered_at ON quiz_post_answers (answered_at);
    `,
  },
];

/** Where a problem with the database file is reported; nowhere when the caller passes no logger. */
type Report = (message: string, fields: Record<string, unknown>) => void;

/**
 * How often, at most, a store call looks at the file (a stat). Every call did, but under load that
 * stat and its Stats object were a tenth of storing a question's CPU (bench:http's profile), for an
 * event that happens a few times in a bot's life. A second later loses nothing of a deleted file: what
 * is written meanwhile is in the database still open, which is what is copied back. A file replaced by
 * another (a restored backup) gets that second's writes in the old file, as it got those made just
 * before the replacement.
 */
export const FILE_CHECK_INTERVAL_MS = 1_000;

export interface SqliteStoreOptions {
  /** Milliseconds on a monotonic clock, for FILE_CHECK_INTERVAL_MS; tests pass one they move by hand. */
  now?: () => number;
}

/**
 * The store in one SQLite file, which several processes on the same machine may open at once.
 *
 * The file is checked at the first call FILE_CHECK_INTERVAL_MS or more after the last check, and when
 * the store is closed. Deleted while the bot runs (a clean-up script, a volume remounted), the bot would
 * go on writing to the deleted file, and lose everything at the next restart: instead it reports it
 * loudly and puts the file back, copied from the database it still holds open (VACUUM INTO), so nothing
 * is lost; only when that copy fails does it start an empty database (the schema recreated) and say what
 * was lost. Reopening was chosen over failing /healthz:
 * a failed health check gets the bot restarted, which loses the deleted file's contents for good. A
 * file replaced by another (a restored backup) is reopened as it is. The tip scheduler calls the store
 * every minute, so an idle bot notices within a minute.
 */
export function openSqliteStore(
  path: string,
  report: Report = () => {},
  options: SqliteStoreOptions = {},
): Store {
  const now = options.now ?? (() => performance.now());
  let db = openDatabase(path);
  let store = createStore(db);
  let identity = fileIdentity(path);
  let checkedAt = now();

  const checkFile = () => {
    if (path === ':memory:' || !db.open) return;
    checkedAt = now();
    const current = fileIdentity(path);
    if (current !== undefined && current === identity) return;
    if (current === undefined) {
      const recovered = restoreDeletedFile(db, path);
      report(
        recovered
          ? 'the SQLite file was deleted while the bot was running; it was recreated from the open database, nothing lost'
          : 'the SQLite file was deleted while the bot was running and could not be copied back; it was recreated empty: stored questions, feedback, delivery claims and tip subscriptions are lost',
        { path },
      );
    } else {
      db.close();
      report('the SQLite file was replaced while the bot was running; the bot now uses the new file', {
        path,
      });
    }
    db = openDatabase(path);
    store = createStore(db);
    identity = fileIdentity(path);
  };

  // Every method of the store, each checking the file first when the last check is old enough; `close`
  // checks it in any case (what was written since the last check is copied back before it closes), then
  // closes whichever database is open.
  const methods = Object.keys(store) as (keyof Store)[];
  return Object.fromEntries(
    methods.map((method) => [
      method,
      (...args: unknown[]) => {
        if (method === 'close' || now() - checkedAt >= FILE_CHECK_INTERVAL_MS) checkFile();
        return (store[method] as (...args: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as Store;
}

/** The file's device and inode, or undefined when there is no file at `path`. */
function fileIdentity(path: string): string | undefined {
  if (path === ':memory:') return undefined;
  // A missing file is an answer here, not an exception to build.
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined ? undefined : `${stat.dev}:${stat.ino}`;
}

/**
 * Copies the open (deleted) database into a new file at `path`, and closes it. True when the copy
 * worked. The copy is made aside and linked into place, so a process sharing the file that does the
 * same at the same moment cannot be overwritten: the first copy in place wins and both use it.
 */
function restoreDeletedFile(db: Database.Database, path: string): boolean {
  const aside = `${path}.restoring-${process.pid}`;
  let copied = false;
  try {
    rmSync(aside, { force: true });
    db.prepare('VACUUM INTO ?').run(aside);
    copied = true;
  } catch {
    // Left to the caller's message: the database is recreated empty.
  }
  db.close();
  // A write-ahead log left at the path belongs to the deleted database (another process still has it
  // open): SQLite would replay it into the new file and corrupt it, so it is moved aside.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}${suffix}.orphaned-${Date.now()}`);
  }
  if (!copied) return false;
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
  return true;
}

function openDatabase(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers and one writer proceed together, and the setting is stored in the file, so every
    // process that opens it afterwards uses WAL too.
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints instead of on every commit: a crash of the machine (not
    // the process) may lose the last questions or feedback, never corrupt the file.
    // https://www.sqlite.org/pragma.html#pragma_synchronous
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_version WHERE version = ?',
  );
  const markApplied = db.prepare<[number, number]>(
    'INSERT INTO schema_version (version, applied_at) VALUES (?, ?)',
  );

  const newest = db
    .prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_version')
    .get();
  const latestKnown = MIGRATIONS.at(-1)?.version ?? 0;
  if (newest?.version != null && newest.version > latestKnown) {
    // A newer release has changed the schema in ways this code cannot know are compatible.
    throw new Error(
      `The database schema is at version ${newest.version}, newer than this version of the bot understands ` +
        `(${latestKnown}). Upgrade the bot, or point DATABASE_URL at another file.`,
    );
  }

  for (const migration of MIGRATIONS) {
    // IMMEDIATE takes the write lock before the check, so when two processes start together one waits
    // for the other and then sees the migration already applied instead of running it twice.
    db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      db.exec(migration.sql);
      markApplied.run(migration.version, Date.now());
    }).immediate();
  }
}

function createStore(db: Database.Database): Store {
  // A conflicting key is taken over only when its claim was never delivered and its lease has run out;
  // the upsert is one statement, so of processes racing for an expired claim exactly one changes the row.
  const claim = db.prepare<[{ key: string; at: number; lease: number }]>(
    `INSERT INTO deliveries (key, claimed_at) VALUES (@key, @at)
     ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at
     WHERE deliveries.delivered_at IS NULL AND deliveries.claimed_at <= @at - @lease`,
  );
  const markDelivered = db.prepare<[number, string]>('UPDATE deliveries SET delivered_at = ? WHERE key = ?');
  const insertQuestion = db.prepare<[string, string | null, number, number, string, string, string, number]>(
    `INSERT INTO questions (question, topic, answered, score, lang, user_id, surface, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The unique index makes a second vote on the same answer an update: the last click counts.
  const upsertFeedback = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO feedback (question, topic, channel, user_id, helpful, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, topic, channel, question) DO UPDATE SET helpful = excluded.helpful, at = excluded.at`,
  );
  const pruneQuestions = db.prepare<[number]>('DELETE FROM questions WHERE at < ?');
  const pruneFeedback = db.prepare<[number]>('DELETE FROM feedback WHERE at < ?');
  // Claims only need to outlive Slack's retries (minutes), so the retention cutoff is more than enough.
  const pruneDeliveries = db.prepare<[number]>('DELETE FROM deliveries WHERE claimed_at < ?');
  const pruneQuiz = db.prepare<[number]>('DELETE FROM quiz_questions WHERE shown_at < ?');
  const prunePostAnswers = db.prepare<[number]>('DELETE FROM quiz_post_answers WHERE answered_at < ?');
  const pruneHelpRequests = db.prepare<[number]>('DELETE FROM help_requests WHERE created_at < ?');
  const pruneClicks = db.prepare<[number]>('DELETE FROM suggestion_clicks WHERE at < ?');
  const prune = db.transaction((cutoff: number) => {
    pruneClicks.run(cutoff);
    pruneQuestions.run(cutoff);
    pruneFeedback.run(cutoff);
    pruneDeliveries.run(cutoff);
    pruneQuiz.run(cutoff);
    prunePostAnswers.run(cutoff);
    pruneHelpRequests.run(cutoff);
  });

  const selectSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');
  const upsertSetting = db.prepare<[string, string, number]>(
    `INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const deleteSetting = db.prepare<[string]>('DELETE FROM settings WHERE name = ?');
  const insertHelpRequest = db.prepare<(string | number | null)[]>(
    `INSERT INTO help_requests (${HELP_REQUEST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectHelpRequest = db.prepare<[string, string], HelpRequestRow>(
    `SELECT ${HELP_REQUEST_COLUMNS} FROM help_requests WHERE help_channel = ? AND help_ts = ?`,
  );
  const claimHelpNotification = db.prepare<[number, string]>(
    'UPDATE help_requests SET notified_at = ? WHERE id = ? AND notified_at IS NULL',
  );

  const insertQuiz = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO quiz_questions (id, user_id, topic, item, shown_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectQuiz = db.prepare<[string], QuizQuestionRow>(
    'SELECT id, user_id, topic, item, shown_at FROM quiz_questions WHERE id = ?',
  );
  const answerQuiz = db.prepare<[number, number, string]>(
    'UPDATE quiz_questions SET correct = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL',
  );
  const selectAnswers = db.prepare<[string], QuizAnswerRow>(
    `SELECT topic, item, correct, answered_at FROM quiz_questions
     WHERE user_id = ? AND answered_at IS NOT NULL ORDER BY answered_at, id`,
  );
  const insertLesson = db.prepare<[string, string, number]>(
    'INSERT INTO study_lessons (user_id, topic, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const selectLessons = db.prepare<[string], { topic: string; done_at: number }>(
    'SELECT topic, done_at FROM study_lessons WHERE user_id = ? ORDER BY done_at, topic',
  );
  const deleteUserQuiz = db.prepare<[string]>('DELETE FROM quiz_questions WHERE user_id = ?');
  const deleteUserLessons = db.prepare<[string]>('DELETE FROM study_lessons WHERE user_id = ?');
  const resetStudy = db.transaction((userId: string) => {
    deleteUserQuiz.run(userId);
    deleteUserLessons.run(userId);
  });

  const saveQuizSubscription = db.prepare(
    `INSERT INTO quiz_subscriptions (channel, weekday, time, lang, time_zone, subscriber, paused_reason, updated_at)
     VALUES (@channel, @weekday, @time, @lang, @timeZone, @subscriber, NULL, @updatedAt)
     ON CONFLICT (channel) DO UPDATE SET weekday = excluded.weekday, time = excluded.time, lang = excluded.lang,
       time_zone = excluded.time_zone, subscriber = excluded.subscriber,
       paused_reason = NULL, updated_at = excluded.updated_at`,
  );
  const removeQuizSubscription = db.prepare<[string]>('DELETE FROM quiz_subscriptions WHERE channel = ?');
  const selectQuizSubscription = db.prepare<[string], QuizSubscriptionRow>(
    'SELECT * FROM quiz_subscriptions WHERE channel = ?',
  );
  const selectQuizSubscriptions = db.prepare<[], QuizSubscriptionRow>(
    'SELECT * FROM quiz_subscriptions ORDER BY channel',
  );
  const pauseQuizSubscription = db.prepare<[string, number, string]>(
    'UPDATE quiz_subscriptions SET paused_reason = ?, updated_at = ? WHERE channel = ?',
  );

  const upsertQuizPost = db.prepare(
    `INSERT INTO quiz_posts (channel, local_date, topic, item, lang, ts, posted_at)
     VALUES (@channel, @localDate, @topic, @item, @lang, @ts, @postedAt)
     ON CONFLICT (channel, local_date) DO UPDATE SET topic = excluded.topic, item = excluded.item,
       lang = excluded.lang, ts = excluded.ts, posted_at = excluded.posted_at`,
  );
  const selectQuizPost = db.prepare<[string, string], QuizPostRow>(
    'SELECT * FROM quiz_posts WHERE channel = ? AND local_date = ?',
  );
  const selectQuizPosts = db.prepare<[string], QuizPostRow>(
    'SELECT * FROM quiz_posts WHERE channel = ? ORDER BY local_date',
  );
  const insertPostAnswer = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO quiz_post_answers (channel, local_date, user_id, correct, answered_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const tallyPost = db.prepare<[string, string], { answered: number; right: number | null }>(
    `SELECT COUNT(*) AS answered, SUM(correct) AS right FROM quiz_post_answers
     WHERE channel = ? AND local_date = ?`,
  );

  const saveSubscription = db.prepare(
    `INSERT INTO tip_subscriptions (channel, time, days, lang, time_zone, subscriber, source, paused_reason, updated_at)
     VALUES (@channel, @time, @days, @lang, @timeZone, @subscriber, @source, NULL, @updatedAt)
     ON CONFLICT (channel) DO UPDATE SET time = excluded.time, days = excluded.days, lang = excluded.lang,
       time_zone = excluded.time_zone, subscriber = excluded.subscriber, source = excluded.source,
       paused_reason = NULL, updated_at = excluded.updated_at`,
  );
  const removeSubscription = db.prepare<[string]>('DELETE FROM tip_subscriptions WHERE channel = ?');
  const selectSubscription = db.prepare<[string], SubscriptionRow>(
    'SELECT * FROM tip_subscriptions WHERE channel = ?',
  );
  const selectSubscriptions = db.prepare<[], SubscriptionRow>(
    'SELECT * FROM tip_subscriptions ORDER BY channel',
  );
  const pauseSubscription = db.prepare<[string, number, string]>(
    'UPDATE tip_subscriptions SET paused_reason = ?, updated_at = ? WHERE channel = ?',
  );
  const claimSlot = db.prepare<[string, string, number]>(
    'INSERT INTO tip_slots (channel, local_date, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const markPosted = db.prepare<[string, number, string, string]>(
    'UPDATE tip_slots SET topic = ?, cycle = ? WHERE channel = ? AND local_date = ?',
  );
  const insertRotation = db.prepare<[string, string]>(
    'INSERT INTO tip_rotations (channel, seed, cycle) VALUES (?, ?, 0) ON CONFLICT DO NOTHING',
  );
  const selectRotation = db.prepare<[string], { seed: string; cycle: number }>(
    'SELECT seed, cycle FROM tip_rotations WHERE channel = ?',
  );
  const selectPosted = db.prepare<[string, number], { topic: string }>(
    'SELECT topic FROM tip_slots WHERE channel = ? AND cycle = ? AND topic IS NOT NULL',
  );
  const setCycle = db.prepare<[number, string]>(
    'UPDATE tip_rotations SET cycle = MAX(cycle, ?) WHERE channel = ?',
  );

  const questions = groupCommit(db, insertQuestion);

  const insertLearned = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO learned_phrasings (phrasing, normalized, topic, taught_by, taught_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (normalized) DO NOTHING`,
  );
  const selectLearnedByNormalized = db.prepare<[string], LearnedPhrasingRow>(
    'SELECT * FROM learned_phrasings WHERE normalized = ?',
  );
  const selectLearned = db.prepare<[], LearnedPhrasingRow>('SELECT * FROM learned_phrasings ORDER BY id');
  const deleteLearned = db.prepare<[number]>('DELETE FROM learned_phrasings WHERE id = ?');
  const learnedVersion = db.prepare<[], { count: number; top: number }>(
    'SELECT COUNT(*) AS count, COALESCE(MAX(id), 0) AS top FROM learned_phrasings',
  );
  const insertDraft = db.prepare<(string | number)[]>(
    `INSERT INTO draft_topics (topic_id, title_en, title_ja, answer_en, answer_ja, links, related,
       source_question, expert_reply, taught_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectDrafts = db.prepare<[], DraftTopicRow>('SELECT * FROM draft_topics ORDER BY id');
  const deleteDraft = db.prepare<[number]>('DELETE FROM draft_topics WHERE id = ?');
  const insertClick = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO suggestion_clicks (question, normalized, topic, user_id, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const selectClicks = db.prepare<[number], SuggestionClickRow>(
    'SELECT * FROM suggestion_clicks WHERE at >= ? ORDER BY at, normalized, topic, user_id',
  );

  const selectQuestions = db.prepare<[number], QuestionRow>(
    'SELECT * FROM questions WHERE at >= ? ORDER BY at, id',
  );
  const selectFeedback = db.prepare<[number], FeedbackRow>(
    'SELECT * FROM feedback WHERE at >= ? ORDER BY at, id',
  );

  return {
    async listQuestions(since: Date): Promise<QuestionRecord[]> {
      questions.flush();
      return selectQuestions.all(epochMs(since)).map((row) => ({
        question: row.question,
        topic: row.topic,
        answered: row.answered === 1,
        score: row.score,
        lang: row.lang,
        userId: row.user_id,
        surface: row.surface,
        at: new Date(row.at),
      }));
    },

    async listFeedback(since: Date): Promise<FeedbackRecord[]> {
      return selectFeedback.all(epochMs(since)).map((row) => ({
        question: row.question,
        topic: row.topic,
        channel: row.channel,
        userId: row.user_id,
        helpful: row.helpful === 1,
        at: new Date(row.at),
      }));
    },

    async saveQuizSubscription(subscription: QuizSubscription): Promise<void> {
      const { channel, weekday, time, lang, timeZone, subscriber } = subscription;
      saveQuizSubscription.run({ channel, weekday, time, lang, timeZone, subscriber, updatedAt: Date.now() });
    },

    async removeQuizSubscription(channel: string): Promise<boolean> {
      return removeQuizSubscription.run(channel).changes === 1;
    },

    async getQuizSubscription(channel: string): Promise<QuizSubscription | null> {
      const row = selectQuizSubscription.get(channel);
      return row ? toQuizSubscription(row) : null;
    },

    async listQuizSubscriptions(): Promise<QuizSubscription[]> {
      return selectQuizSubscriptions.all().map(toQuizSubscription);
    },

    async pauseQuizSubscription(channel: string, reason: string): Promise<void> {
      pauseQuizSubscription.run(reason, Date.now(), channel);
    },

    async recordQuizPost(post: QuizPost): Promise<void> {
      const { channel, localDate, topic, item, lang, ts } = post;
      upsertQuizPost.run({ channel, localDate, topic, item, lang, ts, postedAt: epochMs(post.postedAt) });
    },

    async getQuizPost(channel: string, localDate: string): Promise<QuizPost | null> {
      const row = selectQuizPost.get(channel, localDate);
      return row ? toQuizPost(row) : null;
    },

    async listQuizPosts(channel: string): Promise<QuizPost[]> {
      return selectQuizPosts.all(channel).map(toQuizPost);
    },

    async answerQuizPost(answer: QuizPostAnswer): Promise<boolean> {
      const { channel, localDate, userId, correct, at } = answer;
      return insertPostAnswer.run(channel, localDate, userId, correct ? 1 : 0, epochMs(at)).changes === 1;
    },

    async tallyQuizPost(channel: string, localDate: string): Promise<{ answered: number; right: number }> {
      const row = tallyPost.get(channel, localDate);
      return { answered: row?.answered ?? 0, right: row?.right ?? 0 };
    },

    async saveTipSubscription(subscription: TipSubscription): Promise<void> {
      saveSubscription.run({ ...subscription, updatedAt: Date.now() });
    },

    async removeTipSubscription(channel: string): Promise<boolean> {
      return removeSubscription.run(channel).changes === 1;
    },

    async getTipSubscription(channel: string): Promise<TipSubscription | null> {
      const row = selectSubscription.get(channel);
      return row ? toSubscription(row) : null;
    },

    async listTipSubscriptions(): Promise<TipSubscription[]> {
      return selectSubscriptions.all().map(toSubscription);
    },

    async pauseTipSubscription(channel: string, reason: string): Promise<void> {
      pauseSubscription.run(reason, Date.now(), channel);
    },

    async claimTipSlot(channel: string, localDate: string, at: Date): Promise<boolean> {
      return claimSlot.run(channel, localDate, epochMs(at)).changes === 1;
    },

    async recordTipPosted(channel: string, localDate: string, topic: string, cycle: number): Promise<void> {
      markPosted.run(topic, cycle, channel, localDate);
    },

    async tipRotation(channel: string): Promise<TipRotation> {
      insertRotation.run(channel, randomUUID());
      const rotation = selectRotation.get(channel) as { seed: string; cycle: number };
      const posted = selectPosted.all(channel, rotation.cycle).map((row) => row.topic);
      return { seed: rotation.seed, cycle: rotation.cycle, posted };
    },

    async startTipCycle(channel: string, cycle: number): Promise<void> {
      setCycle.run(cycle, channel);
    },

    async claimDelivery(key: string, at: Date): Promise<boolean> {
      // The primary key makes the insert the lock: of any number of processes, exactly one changes a row.
      return claim.run({ key, at: epochMs(at), lease: TIME_LIMITS.deliveryLeaseMs }).changes === 1;
    },

    async markDelivered(key: string, at: Date): Promise<void> {
      markDelivered.run(epochMs(at), key);
    },

    async recordQuestion(entry: QuestionRecord): Promise<void> {
      return questions.record([
        entry.question,
        entry.topic,
        entry.answered ? 1 : 0,
        entry.score,
        entry.lang,
        entry.userId,
        entry.surface,
        epochMs(entry.at),
      ]);
    },

    async recordFeedback(entry: FeedbackRecord): Promise<void> {
      upsertFeedback.run(
        entry.question,
        entry.topic,
        entry.channel,
        entry.userId,
        entry.helpful ? 1 : 0,
        epochMs(entry.at),
      );
    },

    async prune(before: Date): Promise<void> {
      questions.flush();
      prune(epochMs(before));
    },

    async saveQuizQuestion(question: QuizQuestion): Promise<void> {
      insertQuiz.run(question.id, question.userId, question.topic, question.item, epochMs(question.shownAt));
    },

    async getQuizQuestion(id: string): Promise<QuizQuestion | null> {
      const row = selectQuiz.get(id);
      return row ? toQuizQuestion(row) : null;
    },

    async answerQuizQuestion(id: string, correct: boolean, at: Date): Promise<boolean> {
      return answerQuiz.run(correct ? 1 : 0, epochMs(at), id).changes === 1;
    },

    async listQuizAnswers(userId: string): Promise<QuizAnswer[]> {
      return selectAnswers.all(userId).map(toQuizAnswer);
    },

    async markLessonDone(userId: string, topic: string, at: Date): Promise<void> {
      insertLesson.run(userId, topic, epochMs(at));
    },

    async listLessonsDone(userId: string): Promise<LessonDone[]> {
      return selectLessons.all(userId).map((row) => ({ topic: row.topic, at: new Date(row.done_at) }));
    },

    async resetStudyProgress(userId: string): Promise<void> {
      resetStudy(userId);
    },

    async getSetting(name: SettingName): Promise<string | null> {
      return selectSetting.get(name)?.value ?? null;
    },

    async saveSetting(name: SettingName, value: string | null, at: Date): Promise<void> {
      if (value === null) deleteSetting.run(name);
      else upsertSetting.run(name, value, epochMs(at));
    },

    async saveHelpRequest(request: HelpRequest): Promise<void> {
      insertHelpRequest.run(...helpRequestValues(request));
    },

    async findHelpRequest(helpChannel: string, helpTs: string): Promise<HelpRequest | null> {
      const row = selectHelpRequest.get(helpChannel, helpTs);
      return row ? toHelpRequest(row) : null;
    },

    async claimHelpNotification(id: string, at: Date): Promise<boolean> {
      return claimHelpNotification.run(epochMs(at), id).changes === 1;
    },

    async saveLearnedPhrasing(phrasing: NewLearnedPhrasing) {
      const { changes } = insertLearned.run(
        phrasing.phrasing,
        phrasing.normalized,
        phrasing.topic,
        phrasing.taughtBy,
        epochMs(phrasing.taughtAt),
      );
      const row = selectLearnedByNormalized.get(phrasing.normalized) as LearnedPhrasingRow;
      return { phrasing: toLearnedPhrasing(row), created: changes === 1 };
    },

    async listLearnedPhrasings(): Promise<LearnedPhrasing[]> {
      return selectLearned.all().map(toLearnedPhrasing);
    },

    async removeLearnedPhrasing(id: number): Promise<boolean> {
      return deleteLearned.run(id).changes === 1;
    },

    async learnedVersion(): Promise<string> {
      const { count, top } = learnedVersion.get() as { count: number; top: number };
      return `${count}:${top}`;
    },

    async saveDraftTopic(draft: NewDraftTopic): Promise<DraftTopic> {
      const { lastInsertRowid } = insertDraft.run(...draftTopicValues(draft));
      return { ...draft, id: Number(lastInsertRowid) };
    },

    async listDraftTopics(): Promise<DraftTopic[]> {
      return selectDrafts.all().map(toDraftTopic);
    },

    async removeDraftTopic(id: number): Promise<boolean> {
      return deleteDraft.run(id).changes === 1;
    },

    async recordSuggestionClick(click: SuggestionClick): Promise<void> {
      insertClick.run(click.question, click.normalized, click.topic, click.userId, epochMs(click.at));
    },

    async listSuggestionClicks(since: Date): Promise<SuggestionClick[]> {
      return selectClicks.all(epochMs(since)).map(toSuggestionClick);
    },

    async close(): Promise<void> {
      questions.flush();
      if (db.open) db.close();
    },
  };
}

/**
 * Rows of one table written together: the rows asked for in the same turn of the event loop go in one
 * transaction, written when the turn's I/O callbacks are done (setImmediate). A commit costs several
 * times a row (a WAL append of every page touched), and under load several questions arrive per turn,
 * so this is most of the store's CPU per question saved; a lone question is written as before, only
 * after the code that asked for it has run. Each caller's promise settles once its row is committed
 * (or refused), so `await` still means stored.
 */
function groupCommit<Row extends unknown[]>(db: Database.Database, insert: Database.Statement<Row>) {
  let pending: { row: Row; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const insertAll = db.transaction((rows: Row[]) => {
    for (const row of rows) insert.run(...row);
  });

  function flush(): void {
    const batch = pending;
    if (batch.length === 0) return;
    pending = [];
    try {
      insertAll(batch.map((entry) => entry.row));
      for (const entry of batch) entry.resolve();
    } catch {
      // The transaction rolled back as a whole: each row on its own, so only a row that fails fails.
      for (const entry of batch) {
        try {
          insert.run(...entry.row);
          entry.resolve();
        } catch (error) {
          entry.reject(error);
        }
      }
    }
  }

  return {
    record(row: Row): Promise<void> {
      return new Promise((resolve, reject) => {
        pending.push({ row, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
    },
    /** Writes what is waiting now, before a read or a close. */
    flush,
  };
}

interface QuestionRow {
  question: string;
  topic: string | null;
  answered: number;
  score: number;
  lang: QuestionRecord['lang'];
  user_id: string;
  surface: QuestionRecord['surface'];
  at: number;
}

interface FeedbackRow {
  question: string;
  topic: string;
  channel: string;
  user_id: string;
  helpful: number;
  at: number;
}
