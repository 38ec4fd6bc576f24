// Studying with the bot as Slack messages: a quiz question with its choices as buttons, the result of
// an answer, a lesson (the topic's answer, then its question) and the learner's tracks and streak.
import type { Button, KnownBlock } from '@slack/types';
import type { Bilingual, Lang, Topic } from '../knowledge/types.js';
import { linksFor } from './answer.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';
import type { TipLang } from '../store/store.js';
import { ACTION_IDS, quizChoiceValue, studyStepValue, weeklyQuizQuestionId } from './button-values.js';
import { phrase, phraseWith } from './messages.js';
import { escapeMrkdwn, fallbackText, splitText } from './mrkdwn.js';
import { actions, button, context, header, linkLine, section, type SlackMessage } from './slack-messages.js';

export interface QuizQuestionView {
  topic: Topic;
  item: number;
  lang: Lang;
  /** The question instance id its buttons carry. */
  questionId: string;
  /** Where the next question comes from (`scopeKey`). */
  scope: string;
  /** A missed question coming back. */
  review?: boolean;
  /** Shown as a lesson: its place in the track and, when it starts, the topic's answer before the question. */
  lesson?: { number: number; total: number; showAnswer: boolean };
}

/** One track's progress as the overview shows it. */
export interface TrackLine {
  id: string;
  title: Bilingual<string>;
  done: number;
  total: number;
}

export interface StudyOverview {
  tracks: TrackLine[];
  /** Days in a row with at least one answer. */
  streak: number;
  /** The track Continue leads to; null when every track is finished. */
  current: string | null;
}

const BAR_WIDTH = 10;

/** A quiz question privately: the question, its numbered choices in full, and a button per choice. */
export function quizQuestionMessage(view: QuizQuestionView): SlackMessage {
  const { topic, item, lang } = view;
  const quiz = topic.quiz[item];
  if (!quiz) throw new RangeError(`topic ${topic.id} has no quiz item ${item}`);
  const blocks: KnownBlock[] = [];
  const fallback: string[] = [];

  if (view.lesson) {
    const { number, total } = view.lesson;
    const title = phraseWith('lessonTitle', lang, { number, total, topic: topic.title[lang] });
    blocks.push(header(title));
    fallback.push(escapeMrkdwn(title));
    if (view.lesson.showAnswer) {
      for (const part of splitText(escapeMrkdwn(topic.answer[lang]), BLOCK_KIT_LIMITS.sectionText, lang)) {
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
      }
      const links = docLink(topic, lang);
      if (links) blocks.push(context([{ type: 'mrkdwn', text: links }]));
      blocks.push({ type: 'divider' });
    }
    blocks.push(context([{ type: 'mrkdwn', text: escapeMrkdwn(phrase('lessonCheck', lang)) }]));
  } else {
    const title = phraseWith('quizTitle', lang, { topic: escapeMrkdwn(topic.title[lang]) });
    const line = view.review ? `${title}  ${escapeMrkdwn(phrase('quizReview', lang))}` : title;
    blocks.push(context([{ type: 'mrkdwn', text: line }]));
    fallback.push(line);
  }

  const choices = quiz.choices[lang].map((choice, index) => `*${index + 1}.* ${escapeMrkdwn(choice)}`);
  const question = `*${escapeMrkdwn(quiz.question[lang])}*`;
  blocks.push(section(question, lang), section(choices.join('\n'), lang));
  fallback.push(escapeMrkdwn(quiz.question[lang]), ...choices);

  const buttons: Button[] = quiz.choices[lang].map((choice, index) =>
    button(
      `${index + 1}. ${choice}`,
      `${ACTION_IDS.quizAnswerPrefix}${index}`,
      quizChoiceValue({
        question: view.questionId,
        topic: topic.id,
        item,
        choice: index,
        lang,
        scope: view.scope,
      }),
    ),
  );
  blocks.push(actions(buttons));
  return { text: fallbackText(fallback, lang), blocks };
}

/**
 * A weekly quiz post in a channel, for everyone: the question and its numbered choices in the post's
 * language(s), one button per choice. Every click is answered privately (the buttons carry the post,
 * not a person), and nothing in the post says who answered.
 */
export function weeklyQuizMessage(post: {
  topic: Topic;
  item: number;
  lang: TipLang;
  channel: string;
  localDate: string;
  /** The study scope "Next question" leads to after an answer (`scopeKey`). */
  scope: string;
}): SlackMessage {
  const { topic, item } = post;
  const quiz = topic.quiz[item];
  if (!quiz) throw new RangeError(`topic ${topic.id} has no quiz item ${item}`);
  const langs: Lang[] = post.lang === 'both' ? ['en', 'ja'] : [post.lang];
  const blocks: KnownBlock[] = [];
  const fallback: string[] = [];
  for (const lang of langs) {
    const title = phraseWith('quizWeeklyTitle', lang, { topic: topic.title[lang] });
    if (blocks.length === 0) blocks.push(header(title));
    else blocks.push({ type: 'divider' }, context([{ type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*` }]));
    const choices = quiz.choices[lang].map((choice, index) => `*${index + 1}.* ${escapeMrkdwn(choice)}`);
    blocks.push(section(`*${escapeMrkdwn(quiz.question[lang])}*`, lang), section(choices.join('\n'), lang));
    fallback.push(escapeMrkdwn(title), escapeMrkdwn(quiz.question[lang]), ...choices);
  }
  const first = langs[0] ?? 'en';
  // Choices are in the same order in both languages: with both, the buttons are numbers under both lists.
  const buttons: Button[] = quiz.choices[first].map((choice, index) =>
    button(
      langs.length > 1 ? `${index + 1}` : `${index + 1}. ${choice}`,
      `${ACTION_IDS.quizAnswerPrefix}${index}`,
      quizChoiceValue({
        question: weeklyQuizQuestionId(post.channel, post.localDate),
        topic: topic.id,
        item,
        choice: index,
        lang: first,
        scope: post.scope,
      }),
    ),
  );
  blocks.push(actions(buttons));
  blocks.push(
    context([
      { type: 'mrkdwn', text: langs.map((lang) => escapeMrkdwn(phrase('quizWeeklyHint', lang))).join('\n') },
    ]),
  );
  return { text: fallbackText(fallback, first), blocks };
}

/** After a click: right or wrong, the explanation, the topic's doc link and Next question. */
export function quizResultMessage(answer: {
  topic: Topic;
  item: number;
  choice: number;
  lang: Lang;
  scope: string;
}): SlackMessage {
  const { topic, item, choice, lang } = answer;
  const quiz = topic.quiz[item];
  if (!quiz) throw new RangeError(`topic ${topic.id} has no quiz item ${item}`);
  const numbered = (index: number) => `${index + 1}. ${quiz.choices[lang][index] ?? ''}`;
  const verdict =
    choice === quiz.answer
      ? phrase('quizRight', lang)
      : phraseWith('quizWrong', lang, { answer: escapeMrkdwn(numbered(quiz.answer)) });
  const lines = [
    `*${escapeMrkdwn(quiz.question[lang])}*`,
    phraseWith('quizYourAnswer', lang, { answer: escapeMrkdwn(numbered(choice)) }),
  ];
  const blocks: KnownBlock[] = [
    section(`*${verdict}*`, lang),
    context([{ type: 'mrkdwn', text: lines.join('\n') }]),
    section(escapeMrkdwn(quiz.explain[lang]), lang),
  ];
  const links = docLink(topic, lang);
  if (links) blocks.push(context([{ type: 'mrkdwn', text: links }]));
  blocks.push(
    actions([
      {
        ...button(
          phrase('quizNext', lang),
          ACTION_IDS.quizNext,
          studyStepValue({ scope: answer.scope, lang }),
        ),
        style: 'primary',
      },
    ]),
  );
  return { text: fallbackText([verdict, escapeMrkdwn(quiz.explain[lang])], lang), blocks };
}

/** `/docker learn`: the tracks with the learner's progress, their streak, and Continue. */
export function learnOverviewMessage(lang: Lang, overview: StudyOverview): SlackMessage {
  const blocks: KnownBlock[] = [header(phrase('learnTitle', lang)), ...studyBlocks(lang, overview)];
  blocks.push(context([{ type: 'mrkdwn', text: escapeMrkdwn(phrase('learnHint', lang)) }]));
  const fallback = [phrase('learnTitle', lang), ...overview.tracks.map((track) => trackLine(track, lang))];
  return { text: fallbackText(fallback, lang), blocks };
}

/** The progress per track, the streak and the Continue and Start buttons: in `/docker learn` and App Home. */
export function studyBlocks(lang: Lang, overview: StudyOverview): KnownBlock[] {
  const lines = overview.tracks.map((track) => `${trackLine(track, lang)}\n${bar(track)}`);
  const streak =
    overview.streak > 0
      ? phraseWith('learnStreak', lang, { days: overview.streak })
      : phrase('learnNoStreak', lang);
  const blocks: KnownBlock[] = [
    section(lines.join('\n'), lang),
    context([{ type: 'mrkdwn', text: escapeMrkdwn(streak) }]),
  ];
  const buttons: Button[] = [];
  for (const track of overview.tracks) {
    const value = studyStepValue({ scope: `l:${track.id}`, lang });
    const id = `${ACTION_IDS.learnContinuePrefix}${track.id}`;
    if (track.id === overview.current) {
      buttons.unshift({
        ...button(phraseWith('learnContinue', lang, { track: track.title[lang] }), id, value),
        style: 'primary',
      });
    } else if (track.done < track.total) {
      buttons.push(button(phraseWith('learnStart', lang, { track: track.title[lang] }), id, value));
    }
  }
  if (buttons.length > 0) blocks.push(actions(buttons));
  else blocks.push(section(escapeMrkdwn(phrase('learnAllFinished', lang)), lang));
  return blocks;
}

function trackLine(track: TrackLine, lang: Lang): string {
  return phraseWith('learnTrackLine', lang, {
    track: escapeMrkdwn(track.title[lang]),
    id: track.id,
    done: track.done,
    total: track.total,
  });
}

function bar(track: TrackLine): string {
  const filled = track.total === 0 ? 0 : Math.round((track.done / track.total) * BAR_WIDTH);
  return `${'▓'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

function docLink(topic: Topic, lang: Lang): string | null {
  const link = linksFor(topic, lang)[0];
  return link ? linkLine([{ title: link.title, url: link.url }], lang) : null;
}
