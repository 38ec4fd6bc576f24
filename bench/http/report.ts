import { cpus } from 'node:os';
import type { App, Round } from './load.js';
import type { Child, Memory } from './processes.js';

const TARGETS = { cpuRatio: 1.3, p99Ms: 1_000 };
/** Resident memory per replica once it has answered this many questions; 1 MB = 10^6 bytes. */
const MEMORY_TARGET = { rssMb: 150, afterQuestions: 10_000 };

/** What the run did, for the sentence above the table. */
export interface RunDescription {
  warmUp: number;
  requests: number;
  concurrency: number;
  rounds: number;
  replicaCount: number;
  databaseKind: string;
}

/** Prints the table (each app's median round by CPU), the ratio and the targets; true when every target passes. */
export function printReport(
  run: RunDescription,
  botApp: App,
  botRounds: Round[],
  bareApp: App,
  bareRounds: Round[],
): boolean {
  const bot = medianRound(botRounds);
  const bare = medianRound(bareRounds);
  const replicasNote =
    run.replicaCount === 1
      ? ''
      : ` The bot runs as ${run.replicaCount} processes on one ${run.databaseKind} database, and each request ` +
        'goes to the next of them in turn, like a round-robin load balancer; its CPU per request is the ' +
        "processes' CPU time summed, over the requests. bare Bolt stays one process.";
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs. Per round: ${run.warmUp} warm-up, then ` +
      `${run.requests.toLocaleString('en-US')} signed /docker commands at concurrency ${run.concurrency}, questions from the eval file. ` +
      `Median of ${run.rounds} rounds by CPU per request; rounds alternate between the apps. Latency from the ` +
      `bench process: ack = HTTP response to the POST, answer = the answer received, in the acknowledgement or as the response_url POST.` +
      `${replicasNote}\n`,
  );
  console.log(
    '| app | ack p50 | ack p99 | answer p50 | answer p99 | errors | delivered | CPU / request (all rounds) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, round, all] of [
    [botApp.name, bot, botRounds],
    [bareApp.name, bare, bareRounds],
  ] as const) {
    const errors = round.failedAcks + round.missing;
    const errorCell =
      errors === 0 ? '0' : `${errors} (${round.failedAcks} failed acks, ${round.missing} missing)`;
    const everyRound = all.map((r) => r.cpuMsPerRequest.toFixed(2)).join(', ');
    console.log(
      `| ${name} | ${formatMs(percentile(round.ackMs, 0.5))} | ${formatMs(percentile(round.ackMs, 0.99))} ` +
        `| ${formatMs(percentile(round.answerMs, 0.5))} | ${formatMs(percentile(round.answerMs, 0.99))} ` +
        `| ${errorCell} | ${round.delivered}/${run.requests} ` +
        `| ${round.cpuMsPerRequest.toFixed(2)} ms (${everyRound}) |`,
    );
  }

  const ratio = bot.cpuMsPerRequest / bare.cpuMsPerRequest;
  const worstP99 = Math.max(percentile(bot.ackMs, 0.99), percentile(bot.answerMs, 0.99));
  const botErrors = botRounds.reduce((sum, r) => sum + r.failedAcks + r.missing, 0);
  const botDelivered = botRounds.reduce((sum, r) => sum + r.delivered, 0);
  const targets: [string, boolean][] = [
    [`CPU per request ≤ ${TARGETS.cpuRatio}× bare Bolt: ${ratio.toFixed(2)}×`, ratio <= TARGETS.cpuRatio],
    [
      `p99 < ${formatMs(TARGETS.p99Ms)} (ack and answer, median round): ${formatMs(worstP99)}`,
      worstP99 < TARGETS.p99Ms,
    ],
    [`0 errors (all ${run.rounds} rounds of the bot): ${botErrors}`, botErrors === 0],
    [
      `all delivered (all ${run.rounds} rounds of the bot): ${botDelivered}/${run.rounds * run.requests}`,
      botDelivered === run.rounds * run.requests,
    ],
  ];
  console.log(`\nCPU per request: bot / bare Bolt = ${ratio.toFixed(2)}×\n`);
  for (const [text, ok] of targets) console.log(`- ${ok ? 'PASS' : 'FAIL'} ${text}`);
  return targets.every(([, ok]) => ok);
}

/**
 * Prints each process's memory and questions answered; with --rss-after of at least the target's count,
 * the memory target too. True unless that target fails.
 */
export function printMemory(bot: App, bare: App, memory: Map<Child, Memory>, rssAfter: number): boolean {
  const when =
    rssAfter > 0
      ? `once every bot replica had answered at least ${rssAfter.toLocaleString('en-US')} questions`
      : 'after the measured rounds';
  console.log(
    `\nMemory ${when}: RSS = VmRSS, peak = VmHWM, from /proc/<pid>/status (1 MB = 10^6 bytes). ` +
      'Questions answered: answers received, warm-up included.\n',
  );
  console.log('| process | RSS | peak RSS | questions answered |');
  console.log('|---|---|---|---|');
  const rows: [Child, string][] = [
    ...bot.replicas.map((child): [Child, string] => [child, child.name]),
    ...bare.replicas.map((child): [Child, string] => [child, `${child.name} (for reference)`]),
  ];
  for (const [child, name] of rows) {
    const { rssKb, peakKb } = memory.get(child) ?? { rssKb: NaN, peakKb: NaN };
    console.log(
      `| ${name} | ${formatMb(rssKb)} | ${formatMb(peakKb)} | ${child.answered.toLocaleString('en-US')} |`,
    );
  }
  if (rssAfter < MEMORY_TARGET.afterQuestions) return true;

  const largest = Math.max(...bot.replicas.map((child) => memory.get(child)?.rssKb ?? NaN));
  const ok = kbToMb(largest) < MEMORY_TARGET.rssMb;
  console.log(
    `\n- ${ok ? 'PASS' : 'FAIL'} RSS < ${MEMORY_TARGET.rssMb} MB per bot replica after ` +
      `${rssAfter.toLocaleString('en-US')} questions each: largest ${formatMb(largest)}`,
  );
  return ok;
}

function medianRound(rounds: Round[]): Round {
  const byCpu = [...rounds].sort((a, b) => a.cpuMsPerRequest - b.cpuMsPerRequest);
  return byCpu[Math.floor(byCpu.length / 2)] as Round;
}

function percentile(sortedValues: number[], p: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(p * sortedValues.length))] ?? NaN;
}

function kbToMb(kb: number): number {
  return (kb * 1024) / 1e6;
}

function formatMb(kb: number): string {
  return Number.isNaN(kb) ? 'n/a' : `${kbToMb(kb).toFixed(1)} MB`;
}

function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
