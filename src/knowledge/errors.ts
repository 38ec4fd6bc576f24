/** One thing wrong with one knowledge file. */
export interface KnowledgeProblem {
  file: string;
  problem: string;
}

export function formatProblem({ file, problem }: KnowledgeProblem): string {
  return `${file}: ${problem}`;
}

/**
 * Thrown when the knowledge base cannot be loaded. It carries every problem found, so an author fixes
 * them all in one pass instead of one per run.
 */
export class KnowledgeError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `Invalid knowledge (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}
