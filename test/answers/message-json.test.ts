import { beforeAll, describe, expect, it } from 'vitest';
import { toAnswer } from '../../src/answers/answer.js';
import { messageJson, serialiseOnce } from '../../src/answers/message-json.js';
import { answerMessage, helpMessage, topicMessage, topicsMessage } from '../../src/answers/slack-messages.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/search/engine.js';
import { testButtons } from '../fakes/deps.js';

let kb: KnowledgeBase;
let engine: AnswerEngine;

beforeAll(() => {
  kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  engine = createAnswerEngine(kb.topics, undefined, kb.concepts);
});

/** An acknowledgement as the bot sends it: the reply's message, private. */
function acknowledgement(question: string, options: { sharedBy?: string } = {}) {
  const message = answerMessage(toAnswer(engine.search(question)), kb, {
    shareable: true,
    buttons: testButtons,
    forUser: 'U0ASKER',
    ...options,
  });
  return { response_type: 'ephemeral', ...message };
}

describe('Writing a message as JSON', () => {
  it.each([
    ['an answer', 'how do I list containers'],
    ['an answer in Japanese', 'イメージとは何ですか'],
    ['a low-confidence answer with suggestions', 'volume'],
    ['no answer', 'zzqv flimflam'],
    ['a question with quotes, backslashes and a line break', 'what does "docker run \\ -it"\nmean'],
  ])('writes %s exactly as JSON.stringify does, the second time too', (_label, question) => {
    const message = acknowledgement(question);
    expect(messageJson(message)).toBe(JSON.stringify(message));
    const again = acknowledgement(question);
    expect(messageJson(again)).toBe(JSON.stringify(again));
  });

  it('writes a shared answer, a topic, help and the topic list exactly as JSON.stringify does', () => {
    const messages = [
      acknowledgement('what is an image', { sharedBy: 'U0SHARER' }),
      topicMessage('volumes', 'en', kb, { shareable: false, buttons: testButtons, forUser: null }),
      helpMessage('ja'),
      topicsMessage('en', kb),
    ];
    for (const message of messages) expect(messageJson({ ...message })).toBe(JSON.stringify(message));
  });

  it('leaves out what JSON.stringify leaves out, and writes null for a block it cannot write', () => {
    const message = { text: 'hi', thread_ts: undefined, blocks: [undefined, { type: 'divider' }], empty: {} };
    expect(messageJson(message)).toBe(JSON.stringify(message));
    expect(messageJson({})).toBe('{}');
    expect(messageJson({ blocks: 'not an array' })).toBe(JSON.stringify({ blocks: 'not an array' }));
  });

  it('copies in a block kept with serialiseOnce as it was then, which is why only unchanging blocks are kept', () => {
    const block = { type: 'section', text: { type: 'mrkdwn', text: 'as kept' } };
    serialiseOnce(block);
    block.text.text = 'changed since';
    expect(messageJson({ blocks: [block] })).toBe(
      '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"as kept"}}]}',
    );
  });
});
