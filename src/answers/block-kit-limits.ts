/**
 * Block Kit limits, from https://docs.slack.dev/reference/block-kit/blocks and the element pages.
 * Lengths are counted in UTF-16 code units, which is never fewer than the characters Slack counts.
 */
export const BLOCK_KIT_LIMITS = Object.freeze({
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  /** Slack accepts a much longer top-level `text`; a notification preview shows far less anyway. */
  fallbackText: 3000,
});
