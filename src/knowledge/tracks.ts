import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { KnowledgeProblem } from './errors.js';
import { TOPIC_ID } from './parse.js';
import type { Track } from './types.js';

/** The learning tracks live beside the topics, reviewed in git like them. */
export const TRACKS_FILE = 'tracks.yaml';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const tracksSchema = z
  .array(
    z.strictObject({
      id: z.string().regex(TOPIC_ID, 'must be lower-case words joined by hyphens, e.g. "docker-basics"'),
      title: z.strictObject({ en: nonEmpty, ja: nonEmpty }),
      topics: z.array(z.string()).min(1, 'needs at least one topic'),
    }),
  )
  .min(1, 'needs at least one track');

/**
 * Reads `tracks.yaml`: ordered learning paths through the topics. Every topic id must exist and appear
 * once per track; track ids are unique. Problems name the file and the track.
 */
export function parseTracks(
  text: string,
  file: string,
  topicIds: ReadonlySet<string>,
): { tracks: Track[]; problems: KnowledgeProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { tracks: [], problems: [{ file, problem: `not valid YAML: ${detail}` }] };
  }
  const parsed = tracksSchema.safeParse(data);
  if (!parsed.success) {
    return {
      tracks: [],
      problems: parsed.error.issues.map((issue) => ({
        file,
        problem: `${issue.path.length > 0 ? issue.path.join('.') : 'tracks'}: ${issue.message}`,
      })),
    };
  }
  const problems: KnowledgeProblem[] = [];
  const trackIds = new Set<string>();
  for (const track of parsed.data) {
    if (trackIds.has(track.id)) problems.push({ file, problem: `track "${track.id}" appears twice` });
    trackIds.add(track.id);
    const seen = new Set<string>();
    for (const id of track.topics) {
      if (!topicIds.has(id)) problems.push({ file, problem: `track "${track.id}": topic "${id}" does not exist` });
      else if (seen.has(id)) problems.push({ file, problem: `track "${track.id}": topic "${id}" is listed twice` });
      seen.add(id);
    }
  }
  return { tracks: parsed.data, problems };
}
