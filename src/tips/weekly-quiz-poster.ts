import type { WebClient } from '@slack/web-api';
import type { AnswerService } from '../answers/answer-service.js';
import { phraseWith } from '../answers/messages.js';
import { weeklyQuizMessage } from '../answers/quiz-messages.js';
import type { Lang } from '../knowledge/types.js';
import type { AppLogger } from '../logger.js';
import { callRateLimited, slackErrorCode } from '../slack/deliver.js';
import type { QuizPost, QuizSubscription, Store } from '../store/store.js';
import { scopeKey } from '../study/plan.js';
import {
  dueQuizLocalDate,
  isSummaryDue,
  pickWeeklyQuizItem,
  quizSummaryLine,
  weeklyQuizSlotKey,
  weeklyQuizSummaryKey,
} from './weekly-quiz.js';

/** Slack errors that will repeat every week until a person acts: the subscription pauses instead. */
export const CHANNEL_GONE = new Set(['not_in_channel', 'is_archived', 'channel_not_found']);

export interface WeeklyQuizPosterDeps {
  store: Store;
  client: WebClient;
  answers: AnswerService;
  logger: AppLogger;
}

/**
 * Posts the weekly quizzes due at `now` and the next-day summary lines, each claimed once with the tips'
 * slot claims under its own key (the post: its local date; the summary: the post's local date), so
 * restarts and replicas sharing a database post each once. Driven by the tip scheduler's tick.
 */
export function createWeeklyQuizPoster(deps: WeeklyQuizPosterDeps) {
  /** Summaries this process has claimed or seen claimed, so a settled one costs no write every minute. */
  const settledSummaries = new Set<string>();

  async function tick(now: Date): Promise<string[]> {
    const done: string[] = [];
    for (const subscription of await deps.store.listQuizSubscriptions()) {
      if (subscription.pausedReason) continue;
      if (await summarize(subscription, now)) done.push(weeklyQuizSummaryKey(subscription.channel));
      const localDate = dueQuizLocalDate(subscription, now);
      if (!localDate) continue;
      if (!(await deps.store.claimTipSlot(weeklyQuizSlotKey(subscription.channel), localDate, now))) continue;
      if (await post(subscription, localDate, now)) done.push(weeklyQuizSlotKey(subscription.channel));
    }
    return done;
  }

  async function post(subscription: QuizSubscription, localDate: string, now: Date): Promise<boolean> {
    const { channel } = subscription;
    const { kb } = deps.answers.current();
    const items = kb.topics.flatMap((topic) => topic.quiz.map((_, item) => ({ topic: topic.id, item })));
    const pick = pickWeeklyQuizItem(items, await deps.store.listQuizPosts(channel), channel);
    const topic = pick ? kb.byId.get(pick.topic) : undefined;
    if (!pick || !topic) return false;
    const record: QuizPost = {
      channel,
      localDate,
      ...pick,
      lang: subscription.lang,
      ts: null,
      postedAt: now,
    };
    // Stored before it is posted, so that a click arriving before Slack's answer finds the question.
    await deps.store.recordQuizPost(record);
    const message = weeklyQuizMessage({
      topic,
      item: pick.item,
      lang: subscription.lang,
      channel,
      localDate,
      scope: scopeKey({ kind: 'all' }),
    });
    try {
      // Posted once: a 429 is waited out, a timeout or a 5xx is not tried again (it may have been posted).
      const result = await callRateLimited(deps.client, { method: 'chat.postMessage', channel }, () =>
        deps.client.chat.postMessage({ channel, ...message }),
      );
      await deps.store.recordQuizPost({ ...record, ts: result.ts ?? null });
      deps.logger.log('info', 'weekly quiz posted', { channel, topic: topic.id, local_date: localDate });
      return true;
    } catch (error) {
      await failed(subscription, error, 'weekly quiz could not be posted');
      return false;
    }
  }

  /** The latest post's one summary line in its thread, from the next local day; true when posted now. */
  async function summarize(subscription: QuizSubscription, now: Date): Promise<boolean> {
    const { channel } = subscription;
    const latest = (await deps.store.listQuizPosts(channel)).at(-1);
    if (!latest?.ts || !isSummaryDue(subscription, latest.localDate, now)) return false;
    const settled = `${channel} ${latest.localDate}`;
    if (settledSummaries.has(settled)) return false;
    const claimed = await deps.store.claimTipSlot(weeklyQuizSummaryKey(channel), latest.localDate, now);
    settledSummaries.add(settled);
    if (!claimed) return false;
    const { answered, right } = await deps.store.tallyQuizPost(channel, latest.localDate);
    const text = quizSummaryLine(latest.lang, answered, right);
    const ts = latest.ts;
    try {
      await callRateLimited(deps.client, { method: 'chat.postMessage', channel }, () =>
        deps.client.chat.postMessage({ channel, thread_ts: ts, text }),
      );
      deps.logger.log('info', 'weekly quiz summary posted', { channel, local_date: latest.localDate });
      return true;
    } catch (error) {
      // The claim stays: a summary missed is better than a summary posted twice.
      await failed(subscription, error, 'weekly quiz summary could not be posted');
      return false;
    }
  }

  async function failed(subscription: QuizSubscription, error: unknown, message: string) {
    const { channel } = subscription;
    const code = slackErrorCode(error);
    if (!CHANNEL_GONE.has(code)) {
      deps.logger.log('error', message, { channel, code });
      return;
    }
    await deps.store.pauseQuizSubscription(channel, code);
    deps.logger.log('warn', 'weekly quiz subscription paused', { channel, code });
    const langs: Lang[] = subscription.lang === 'both' ? ['en', 'ja'] : [subscription.lang];
    const text = langs
      .map((lang) => phraseWith('quizPaused', lang, { channel: `<#${channel}>`, reason: code }))
      .join('\n\n');
    await tellSubscriber(deps, subscription.subscriber, text);
  }

  return { tick };
}

/** A direct message to whoever subscribed a channel, about its subscription; a failure is only logged. */
export async function tellSubscriber(
  deps: Pick<WeeklyQuizPosterDeps, 'client' | 'logger'>,
  subscriber: string,
  text: string,
): Promise<void> {
  try {
    await callRateLimited(deps.client, { method: 'chat.postMessage', channel: subscriber }, () =>
      deps.client.chat.postMessage({ channel: subscriber, text }),
    );
  } catch (error) {
    deps.logger.log('warn', 'could not tell the subscriber about the pause', {
      code: slackErrorCode(error),
    });
  }
}
