import type { AnswerService } from '../answers/answer-service.js';
import type { AnswerButtons } from '../answers/button-values.js';
import type { TimeLimits } from '../limits.js';
import type { AppLogger } from '../logger.js';
import type { StoreStatus } from '../store/resilient.js';
import type { Store } from '../store/store.js';

/** The collaborators every listener receives, passed in so tests can hand in fakes. */
export interface BotDeps {
  answers: AnswerService;
  store: Store;
  /** Signs and checks the values of feedback and share buttons, with a key every replica derives alike. */
  buttons: AnswerButtons;
  /** Whether the store works (for /healthz and work that waits for it); absent means assume it does. */
  storeStatus?: StoreStatus;
  logger: AppLogger;
  /** The scheduling clock: tips, retention, reports and stored times. Requests are judged by the real clock. */
  scheduleClock: () => Date;
  /** Time zone for tip schedules when the subscriber's own is unknown (TIP_TIMEZONE). */
  tipTimeZone: string;
  /** Who may run `/docker admin …` (ADMIN_USER_IDS); nobody when absent. */
  adminUserIds?: readonly string[];
  /** "Ask the team" posts in this channel (HELP_CHANNEL); when absent, the one an admin set in Slack. */
  helpChannel?: string;
  /** Who those posts mention (EXPERTS: a user group id or user ids); when absent, those set in Slack. */
  experts?: readonly string[];
  /** Topics not reviewed for this many days are listed in the report (STALE_AFTER_DAYS); 180 when absent. */
  staleAfterDays?: number;
  /** False keeps no question text in the store (STORE_QUESTIONS); true when absent. */
  storeQuestions?: boolean;
  /** The time limits (src/limits.ts); TIME_LIMITS when absent. Tests shorten them to see one fire. */
  timeLimits?: TimeLimits;
}
