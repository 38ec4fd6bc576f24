import { describe, expect, it } from 'vitest';
import { createAnswerService, MAX_QUESTION_CHARS } from '../../src/answers/answer-service.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

const service = createAnswerService(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));

describe('When a question is longer than anyone types (issue 14, row 6)', () => {
  it('answers a 100,000-character question from its first 2,000 characters', () => {
    // The first part asks about images; everything after the first 2,000 characters asks about Compose.
    const first = `what is a docker image${' '.repeat(MAX_QUESTION_CHARS)}`;
    const question = first + 'how do I write a docker compose file for my services '.repeat(2000);
    expect(question.length).toBeGreaterThan(100_000);
    expect(service.answer(question.slice(MAX_QUESTION_CHARS)).topic).toBe('docker-compose');

    const answer = service.answer(question);
    expect(answer.topic).toBe('image');
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 1);
    expect(answer.question.endsWith('…')).toBe(true);
  });

  it('never cuts a character in two at the limit', () => {
    const question = `${'a'.repeat(MAX_QUESTION_CHARS - 1)}🐳 what is a docker image`;
    // The whale is two UTF-16 code units, the first at the limit: half of it would be an invalid string.
    expect(service.answer(question).question).toBe(`${'a'.repeat(MAX_QUESTION_CHARS - 1)}…`);
  });
});
