import { normalizeText } from './normalize.js';

/**
 * Whether a question is about the knowledge's domain (Docker, Compose, Kubernetes), and what showed
 * it. The first of the engine's two decisions: it only changes how much the question's other words
 * count (see `SearchConfig.inDomain`); which topic answers is the second decision, the ranking.
 */
export interface DomainEvidence {
  inDomain: boolean;
  /** what showed it, for eval and logs: "error: …", "command: docker run", "file: dockerfile", "word: kubectl" */
  evidence: string[];
}

/**
 * Commands and file names only Docker, Compose and Kubernetes users write. A flag counts only in the
 * shapes these tools give it (`-p 8080:80`, `-v ./data:/data`); a lone `-p` means nothing.
 */
const PATTERNS: readonly { kind: 'command' | 'file'; pattern: RegExp }[] = [
  {
    kind: 'command',
    pattern:
      /\b(?:docker|podman)(?:-compose)?\s+(?:run|build|buildx|compose|ps|exec|logs|pull|push|images?|container|volume|network|stop|start|restart|rm|rmi|kill|inspect|cp|tag|login|system|info|version|init|scout|context|save|load|commit|attach|stats|top|events|prune|up|down)\b/g,
  },
  { kind: 'command', pattern: /\bcompose\s+(?:up|down|logs|ps|exec|build|pull|restart|watch)\b/g },
  {
    kind: 'command',
    pattern:
      /\b(?:kubectl|minikube|kubeadm|helm)\s+(?:get|apply|describe|logs|exec|delete|create|run|expose|scale|rollout|port-forward|config|set|edit|top|cp|install|upgrade|start|init|join)\b/g,
  },
  { kind: 'command', pattern: /(?:^|\s)-p\s*(?:\d{1,3}(?:\.\d{1,3}){3}:)?\d{2,5}:\d{2,5}\b/g },
  { kind: 'command', pattern: /(?:^|\s)-v\s+\S+:\/\S*/g },
  {
    kind: 'command',
    pattern:
      /(?:^|\s)--(?:rm|restart|mount|publish|env-file|build-arg|platform|privileged|detach|volumes-from)\b/g,
  },
  { kind: 'file', pattern: /\b(?:docker-)?compose\.ya?ml\b|\bdockerfile\b|\.dockerignore\b/g },
  {
    kind: 'file',
    pattern:
      /\bkind:\s*(?:deployment|pod|service|statefulset|daemonset|ingress|configmap|secret|cronjob|persistentvolumeclaim)\b/g,
  },
];

/** A quick first look (before width folding, so full-width text takes the long way): most questions hold none. */
const MAYBE = /docker|podman|kube|minikube|helm|compose\s|-[pv]\s|--[a-z]|compose\.|kind:|[\uff01-\uff5e]/i;

/** The commands and file names a question holds, at most a few. */
export function domainPatterns(question: string): string[] {
  if (!MAYBE.test(question)) return [];
  const text = normalizeText(question);
  const found: string[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push(`${kind}: ${match[0].trim()}`);
      if (found.length >= 4) return found;
    }
  }
  return found;
}
