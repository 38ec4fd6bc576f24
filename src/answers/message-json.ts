/**
 * A message as JSON, the same text `JSON.stringify` writes, with the blocks laid out once per topic
 * (slack-messages.ts `answerBody`) serialised once too. An answer in the acknowledgement is about 2.4 KB
 * of JSON, most of it the topic's explanation, links and related topics; serialising all of it for every
 * question was the largest single cost of writing the acknowledgement (bench:http's profile).
 */

/** The JSON of blocks that are frozen, deeply, and shared by every message showing them. */
const serialised = new WeakMap<object, string>();

/**
 * Keeps the JSON of a block that never changes again (deeply frozen), for {@link messageJson}. A block
 * that could still change must not be passed: its message would be written as it was, not as it is.
 */
export function serialiseOnce(block: object): void {
  if (!serialised.has(block)) serialised.set(block, JSON.stringify(block));
}

/**
 * `JSON.stringify(message)`, byte for byte, for a message object whose `blocks` (if any) is an array:
 * each block kept by {@link serialiseOnce} is copied in as it was written, the rest is serialised now.
 */
export function messageJson(message: Record<string, unknown>): string {
  let json = '';
  for (const key of Object.keys(message)) {
    const value = message[key];
    const text = key === 'blocks' && Array.isArray(value) ? blocksJson(value) : JSON.stringify(value);
    // As JSON.stringify leaves out a property it cannot write (undefined, a function).
    if (text === undefined) continue;
    json += `${json === '' ? '{' : ','}${JSON.stringify(key)}:${text}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

function blocksJson(blocks: readonly unknown[]): string {
  let json = '[';
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const kept = typeof block === 'object' && block !== null ? serialised.get(block) : undefined;
    // In an array JSON.stringify writes null for what it cannot write.
    json += `${i === 0 ? '' : ','}${kept ?? JSON.stringify(block) ?? 'null'}`;
  }
  return `${json}]`;
}
