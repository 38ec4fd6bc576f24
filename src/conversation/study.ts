import { formatInZone } from '../tips/time.js';
import { randomUUID } from 'node:crypto';
import { parseQuizChoice, parseStudyStep, parseWeeklyQuizQuestionId } from '../answers/button-values.js';
import { phrase, phraseWith } from '../answers/messages.js';
import {
  learnOverviewMessage,
  quizQuestionMessage,
  quizResultMessage,
  type StudyOverview,
} from '../answers/quiz-messages.js';
import { textMessage } from '../answers/slack-messages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lang } from '../knowledge/types.js';
import {
  currentTrack,
  lessonComplete,
  parseScopeKey,
  pickLesson,
  pickQuizQuestion,
  scopeKey,
  streakDays,
  trackProgress,
  type StudyScope,
} from '../study/plan.js';
import type { BotDeps } from './deps.js';
import { politely } from './failure.js';
import type { Asker, Reply } from './request.js';
import { answerWeeklyQuizButton, WEEKLY_QUIZ_VERBS, weeklyQuizCommandReply } from './weekly-quiz-command.js';

/** Streaks count days in UTC unless the learner's own time zone is known. */
const STREAK_ZONE = 'UTC';

const RESET_WORDS = new Set(['reset', 'リセット']);

const privately = (message: Reply['message']): Reply => ({ message, visibility: 'private' });

/**
 * `/docker quiz [topic-id | track]`: the asker's next question, privately, with the choices as buttons.
 * `/docker quiz subscribe|unsubscribe|status …` manages the channel's weekly quiz (weekly-quiz-command.ts).
 * In the language of the words when they tell one (`/docker クイズ`), else the asker's Slack language.
 */
export async function quizCommandReply(
  deps: BotDeps,
  asker: Asker,
  words: string[],
  wordsLang?: Lang,
): Promise<Reply> {
  const [word, ...rest] = words;
  const id = word?.toLowerCase();
  if (id !== undefined && WEEKLY_QUIZ_VERBS.has(id)) {
    return weeklyQuizCommandReply(deps, asker, id, rest, wordsLang);
  }
  const lang = await replyLang(asker, wordsLang);
  const { kb } = deps.answers.current();
  if (word === undefined || id === undefined) return nextStep(deps, asker, { kind: 'all' }, lang);
  if (rest.length > 0)
    return privately(textMessage(phraseWith('quizUsage', lang, { tracks: trackIds(kb) }), lang));
  if (kb.byId.has(id)) return nextStep(deps, asker, { kind: 'topic', topic: id }, lang);
  if (kb.tracks.some((track) => track.id === id))
    return nextStep(deps, asker, { kind: 'track', track: id }, lang);
  return privately(textMessage(phraseWith('quizUnknown', lang, { word, tracks: trackIds(kb) }), lang));
}

/**
 * `/docker learn`: the tracks with the asker's progress and Continue; `/docker learn <track>` starts or
 * resumes a track; `/docker learn reset` forgets the asker's own answers and lessons.
 */
export async function learnCommandReply(
  deps: BotDeps,
  asker: Asker,
  words: string[],
  wordsLang?: Lang,
): Promise<Reply> {
  const lang = await replyLang(asker, wordsLang);
  const { kb } = deps.answers.current();
  const [word, ...rest] = words;
  if (word === undefined) {
    const overview = await studyOverview(deps, asker.userId, (await asker.profile()).timeZone);
    return privately(learnOverviewMessage(lang, overview));
  }
  const id = word.toLowerCase();
  if (rest.length === 0 && RESET_WORDS.has(id)) {
    await deps.store.resetStudyProgress(asker.userId);
    deps.logger.log('info', 'study progress reset', { user: asker.userId, request_id: asker.requestId });
    return privately(textMessage(phrase('learnReset', lang), lang));
  }
  if (rest.length === 0 && kb.tracks.some((track) => track.id === id)) {
    return nextStep(deps, asker, { kind: 'learn', track: id }, lang);
  }
  return privately(textMessage(phraseWith('learnUnknownTrack', lang, { word, tracks: trackIds(kb) }), lang));
}

/**
 * A quiz choice button. The value is user input: a question instance that was never shown, was shown
 * to someone else, or does not match its topic and item, and a topic or index the knowledge does not
 * have, are ignored and logged. Only the first click on a question counts (a double click, a retry).
 */
export async function answerQuizButton(deps: BotDeps, asker: Asker, value: string): Promise<Reply | null> {
  const ref = parseQuizChoice(value);
  const ignore = (why: string) => {
    deps.logger.log('warn', why, { value, user: asker.userId, request_id: asker.requestId });
    return null;
  };
  if (!ref) return ignore('quiz button with an unreadable value');
  const { kb } = deps.answers.current();
  const topic = kb.byId.get(ref.topic);
  const quiz = topic?.quiz[ref.item];
  if (!topic || !quiz || ref.choice < 0 || ref.choice >= quiz.choices[ref.lang].length) {
    return ignore('quiz button for a question the knowledge does not have');
  }

  const weekly = parseWeeklyQuizQuestionId(ref.question);
  if (weekly) return answerWeeklyQuizButton(deps, asker, ref, topic, weekly);

  // Set inside `politely`, which still turns a store failure into a polite reply.
  const outcome: { verdict: 'answered' | 'again' | 'unknown' | 'not yours' | 'mismatch' } = {
    verdict: 'answered',
  };
  const reply = await politely(deps, asker, ref.lang, 'answer a quiz question', async () => {
    const shown = await deps.store.getQuizQuestion(ref.question);
    if (!shown) outcome.verdict = 'unknown';
    else if (shown.userId !== asker.userId) outcome.verdict = 'not yours';
    else if (shown.topic !== ref.topic || shown.item !== ref.item) outcome.verdict = 'mismatch';
    else {
      const now = deps.scheduleClock();
      const correct = ref.choice === quiz.answer;
      if (!(await deps.store.answerQuizQuestion(ref.question, correct, now))) outcome.verdict = 'again';
      else if (lessonComplete(kb, topic.id, await deps.store.listQuizAnswers(asker.userId))) {
        await deps.store.markLessonDone(asker.userId, topic.id, now);
      }
    }
    return privately(
      quizResultMessage({ topic, item: ref.item, choice: ref.choice, lang: ref.lang, scope: ref.scope }),
    );
  });
  switch (outcome.verdict) {
    case 'unknown':
      return ignore('quiz button for a question instance never shown');
    case 'not yours':
      return ignore("quiz button for someone else's question");
    case 'mismatch':
      return ignore('quiz button that does not match its question');
    case 'again':
      deps.logger.log('info', 'quiz question already answered', {
        user: asker.userId,
        request_id: asker.requestId,
      });
      return null;
    default:
      return reply;
  }
}

/** "Next question" and "Continue": the next step in the scope the button carries. */
export async function studyStepButton(deps: BotDeps, asker: Asker, value: string): Promise<Reply | null> {
  const ref = parseStudyStep(value);
  const scope = ref && parseScopeKey(ref.scope, deps.answers.current().kb);
  if (!ref || !scope) {
    deps.logger.log('warn', 'study button with an unreadable value', {
      value,
      user: asker.userId,
      request_id: asker.requestId,
    });
    return null;
  }
  return nextStep(deps, asker, scope, ref.lang);
}

/** A learner's progress per track, streak and current track: for `/docker learn` and App Home. */
export async function studyOverview(
  deps: BotDeps,
  userId: string,
  timeZone: string = STREAK_ZONE,
): Promise<StudyOverview> {
  const { kb } = deps.answers.current();
  const [answers, lessons] = await Promise.all([
    deps.store.listQuizAnswers(userId),
    deps.store.listLessonsDone(userId),
  ]);
  const progress = trackProgress(kb, lessons);
  return {
    tracks: progress.map(({ track, done, total }) => ({ id: track.id, title: track.title, done, total })),
    streak: streakDays(answers, deps.scheduleClock(), timeZone),
    current: currentTrack(progress, answers)?.id ?? null,
  };
}

/** The next question (or lesson) in scope, stored as shown to the asker so that its buttons can be checked. */
function nextStep(deps: BotDeps, asker: Asker, scope: StudyScope, lang: Lang): Promise<Reply> {
  return politely(deps, asker, lang, 'pick the next question', async () => {
    const { kb } = deps.answers.current();
    const now = deps.scheduleClock();
    const answers = await deps.store.listQuizAnswers(asker.userId);
    const show = async (topicId: string, item: number, extra: { review?: boolean; lesson?: LessonView }) => {
      const topic = kb.byId.get(topicId);
      if (!topic) throw new Error(`picked unknown topic ${topicId}`);
      const questionId = randomUUID();
      await deps.store.saveQuizQuestion({
        id: questionId,
        userId: asker.userId,
        topic: topicId,
        item,
        shownAt: now,
      });
      return privately(
        quizQuestionMessage({ topic, item, lang, questionId, scope: scopeKey(scope), ...extra }),
      );
    };

    if (scope.kind === 'learn') {
      const track = kb.tracks.find((t) => t.id === scope.track);
      if (!track) throw new Error(`unknown track ${scope.track}`);
      const lesson = pickLesson(kb, track, await deps.store.listLessonsDone(asker.userId), answers);
      if (lesson.kind === 'finished') {
        return privately(textMessage(phraseWith('learnFinished', lang, { track: track.title[lang] }), lang));
      }
      return show(lesson.topic, lesson.item, {
        lesson: { number: lesson.number, total: lesson.total, showAnswer: lesson.starts },
      });
    }

    const pick = pickQuizQuestion(kb, answers, now, scope);
    if (pick.kind === 'question') return show(pick.topic, pick.item, { review: pick.review });
    if (!pick.nextReview) return privately(textMessage(phrase('quizDoneNoReview', lang), lang));
    const zone = (await asker.profile()).timeZone ?? deps.tipTimeZone;
    return privately(
      textMessage(phraseWith('quizDone', lang, { date: formatInZone(pick.nextReview, zone, lang) }), lang),
    );
  });
}

type LessonView = { number: number; total: number; showAnswer: boolean };

async function replyLang(asker: Asker, wordsLang: Lang | undefined): Promise<Lang> {
  return wordsLang === 'ja' ? 'ja' : (await asker.profile()).lang;
}

function trackIds(kb: KnowledgeBase): string {
  return kb.tracks.map((track) => `\`${track.id}\``).join(', ');
}
