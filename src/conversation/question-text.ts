/**
 * The question in a message addressed to the bot: the leading mention(s) (`<@U123> what is…`) are how
 * it was addressed, not part of it, and would be shown back and stored otherwise.
 */
export function questionIn(text: string | undefined): string {
  return (text ?? '').replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+/, '').trim();
}
