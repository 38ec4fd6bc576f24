/**
 * What serving a learned phrasing costs a replica: the answer service's index rebuilt from the shipped
 * knowledge plus N learned phrasings (`npm run bench:learned`). Each count is rebuilt 15 times; the
 * median and the slowest are printed, in milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { createAnswerService } from '../src/answers/answer-service.js';
import { loadKnowledgeOrExit } from '../src/cli/shared.js';

const kb = loadKnowledgeOrExit();
const ids = kb.topics.map((topic) => topic.id);
const service = createAnswerService(kb);
const ROUNDS = 15;

console.log(`${kb.topics.length} topics; index rebuilt with N learned phrasings, ${ROUNDS} rounds each`);
for (const count of [0, 10, 100, 1000]) {
  const learned = Array.from({ length: count }, (_, i) => ({
    phrasing: `how do I make the thing number ${i} work again`,
    topic: ids[i % ids.length] as string,
  }));
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    service.learn(learned);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const slowest = times.at(-1) as number;
  console.log(
    `N=${String(count).padStart(4)}: median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms`,
  );
}
