import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../answers/slack-messages.js';

/**
 * A Slack message as it reads in a terminal: headers underlined, mrkdwn links as "title (url)", buttons
 * as [labels], zero-width spaces and escapes removed.
 */
export function renderForTerminal(message: SlackMessage): string {
  const lines: string[] = [];
  for (const block of message.blocks as KnownBlock[]) {
    switch (block.type) {
      case 'header':
        lines.push(block.text.text, '─'.repeat(Math.min(60, block.text.text.length * 2)));
        break;
      case 'section':
        if (block.text) lines.push(plain(block.text.text));
        break;
      case 'context':
        lines.push(
          block.elements.map((element) => ('text' in element ? plain(element.text) : '')).join('  '),
        );
        break;
      case 'actions':
        lines.push(
          block.elements
            .map((element) => ('text' in element && element.text ? `[${element.text.text}]` : ''))
            .join(' '),
        );
        break;
      case 'divider':
        lines.push('');
        break;
      default:
        break;
    }
  }
  return lines.length > 0 ? lines.join('\n') : plain(message.text);
}

function plain(mrkdwn: string): string {
  return mrkdwn
    .replace(/\u200B/g, '')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
