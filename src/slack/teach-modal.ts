/**
 * The teach modal: "this question means topic X" (a searchable select of the topics) or "new topic from
 * this" (the fields of a draft), opened for maintainers from a message shortcut, the report's Teach
 * buttons, and the help post of "Ask the team" (openTeachModal). What it submits is handled by
 * listeners/views/teach-submission.ts.
 */
import type { ViewStateValue } from '@slack/bolt';
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { BotDeps } from '../conversation/deps.js';
import type { TeachSubmission } from '../conversation/teach.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { TIME_LIMITS, withinTimeLimit } from '../limits.js';
import type { AppLogger } from '../logger.js';
import { slackErrorCode } from './deliver.js';

export const TEACH_VIEW_CALLBACK_ID = 'teach_docker_bot';

/** Slack's limits for a modal: a static_select's options, an option's text, a text input's initial value. */
const MAX_OPTIONS = 100;
const MAX_OPTION_TEXT = 75;
const MAX_INITIAL_VALUE = 3000;

/** The modal's inputs; each block id is the field name the submission's errors are keyed by. */
const FIELD = {
  question: 'question',
  topic: 'topic',
  topicId: 'topicId',
  titleEn: 'titleEn',
  titleJa: 'titleJa',
  answerEn: 'answerEn',
  answerJa: 'answerJa',
  links: 'links',
  related: 'related',
  expertReply: 'expertReply',
} as const;
/** Every input's element has this action id; the block id tells them apart. */
const VALUE = 'value';

export interface TeachModalInput {
  /** The question to teach (prefilled, editable). */
  question: string;
  /** An expert's reply to it, when teaching from a help thread. */
  expertReply?: string;
}

/** The modal for `input`, with every topic of `kb` to pick from (typing filters a static_select). */
export function teachModalView(kb: KnowledgeBase, input: TeachModalInput): ModalView {
  // 61 topics today; past Slack's 100 options the rest are left out rather than the modal refused.
  const options: PlainTextOption[] = [...kb.topics]
    .sort((a, b) => a.title.en.localeCompare(b.title.en))
    .slice(0, MAX_OPTIONS)
    .map((topic) => ({
      text: { type: 'plain_text', text: clip(`${topic.title.en} (${topic.id})`, MAX_OPTION_TEXT) },
      value: topic.id,
    }));
  const text = (
    block: string,
    label: string,
    opts: { multiline?: boolean; initial?: string; hint?: string; placeholder?: string } = {},
  ): KnownBlock => ({
    type: 'input',
    block_id: block,
    optional: block !== FIELD.question,
    label: { type: 'plain_text', text: label },
    ...(opts.hint ? { hint: { type: 'plain_text', text: opts.hint } } : {}),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: clip(opts.initial, MAX_INITIAL_VALUE) } : {}),
      ...(opts.placeholder ? { placeholder: { type: 'plain_text', text: opts.placeholder } } : {}),
    },
  });
  return {
    type: 'modal',
    callback_id: TEACH_VIEW_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Teach the Docker bot' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      text(FIELD.question, 'Question', { multiline: true, initial: input.question }),
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*This question means…* an existing topic: answered at once.' },
      },
      {
        type: 'input',
        block_id: FIELD.topic,
        optional: true,
        label: { type: 'plain_text', text: 'Topic' },
        element: {
          type: 'static_select',
          action_id: VALUE,
          placeholder: { type: 'plain_text', text: 'Type to search the topics' },
          options,
        },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*…or a new topic from this*: saved as a draft, never served, exported with `npm run learned -- --export` for review.',
        },
      },
      text(FIELD.topicId, 'New topic id', { placeholder: 'docker-scout' }),
      text(FIELD.titleEn, 'Title (English)'),
      text(FIELD.titleJa, 'Title (日本語)'),
      text(FIELD.answerEn, 'Answer (English)', { multiline: true, initial: input.expertReply }),
      text(FIELD.answerJa, 'Answer (日本語)', { multiline: true }),
      text(FIELD.links, 'Documentation links', {
        multiline: true,
        hint: 'https:// addresses, one per line (1 to 3).',
      }),
      text(FIELD.related, 'Related topic ids', { placeholder: 'image, security' }),
      text(FIELD.expertReply, "Expert's reply (kept in the draft for review)", {
        multiline: true,
        initial: input.expertReply,
      }),
    ],
  };
}

/** What a submitted teach modal holds, read from `view.state.values`. */
export function readTeachSubmission(values: Record<string, Record<string, ViewStateValue>>): TeachSubmission {
  const text = (block: string) => values[block]?.[VALUE]?.value ?? '';
  return {
    question: text(FIELD.question),
    topic: values[FIELD.topic]?.[VALUE]?.selected_option?.value ?? null,
    draft: {
      topicId: text(FIELD.topicId),
      titleEn: text(FIELD.titleEn),
      titleJa: text(FIELD.titleJa),
      answerEn: text(FIELD.answerEn),
      answerJa: text(FIELD.answerJa),
      links: text(FIELD.links),
      related: text(FIELD.related),
      expertReply: text(FIELD.expertReply),
    },
  };
}

/**
 * Opens the teach modal for a question (and an expert's reply): what a Teach button or shortcut calls
 * with its payload's trigger_id, which Slack accepts for 3 seconds. Resolves false when Slack refused.
 */
export async function openTeachModal(
  client: WebClient,
  deps: { answers: { current(): { kb: KnowledgeBase } }; logger: AppLogger },
  triggerId: string,
  input: TeachModalInput,
): Promise<boolean> {
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: teachModalView(deps.answers.current().kb, input),
    });
    return true;
  } catch (error) {
    deps.logger.log('error', 'could not open the teach modal', { error: slackErrorCode(error) });
    return false;
  }
}

/**
 * The teach modal's input for a message in a help thread ("Ask the team"): the question the thread is
 * about, and the expert's reply — the message a shortcut was used on, or else the first reply by
 * someone other than the bot and the asker. Null when the thread is no help request's (or the look-up
 * is too slow for the trigger_id: the caller then teaches the message's own text).
 */
export async function helpThreadTeachInput(
  client: WebClient,
  deps: Pick<BotDeps, 'store' | 'logger' | 'timeLimits'>,
  where: { channel: string; threadTs: string },
  reply?: string,
): Promise<TeachModalInput | null> {
  const limitMs = (deps.timeLimits ?? TIME_LIMITS).helpThreadLookupMs;
  try {
    const request = await withinTimeLimit(
      deps.store.findHelpRequest(where.channel, where.threadTs),
      limitMs,
      'help request look-up',
    );
    if (!request) return null;
    if (reply !== undefined) return { question: request.question, expertReply: reply };
    const thread = await withinTimeLimit(
      client.conversations.replies({ channel: where.channel, ts: where.threadTs, limit: 20 }),
      limitMs,
      'conversations.replies',
    );
    const expert = (thread.messages ?? []).find(
      (message) =>
        message.ts !== where.threadTs && !message.bot_id && message.user !== request.asker && message.text,
    );
    return { question: request.question, expertReply: expert?.text };
  } catch (error) {
    deps.logger.log('warn', 'could not read the help thread to teach from', {
      code: slackErrorCode(error),
      channel: where.channel,
    });
    return null;
  }
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
