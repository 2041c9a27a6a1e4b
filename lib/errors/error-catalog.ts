// What each error means, in an admin's words: the engine's error categories (by where the error
// came from: the CRM, the mail server or the sync application) and the error codes of sync
// issues, each with what it means and what an admin can do. Shown where an error appears (a
// session's category, a user's error, a sync issue's code, the overview) and whole on /errors.
// A category or code not here says so instead of guessing. Pure data: the browser's tables use it.
import { ERROR_CODE_MEANINGS, type ErrorSource } from '@/domain/sync-vocabulary';

export interface Explanation {
  /** Whether the catalog knows it; an unknown one says so in `meaning`. */
  known: boolean;
  meaning: string;
  whatToDo: string;
}

interface CategoryEntry {
  meaning: string;
  whatToDo: string;
  /** Where the source changes what it means or what to do. */
  bySource?: Partial<Record<ErrorSource, { meaning?: string; whatToDo: string }>>;
}

export const ERROR_CATEGORY_CATALOG: Record<string, CategoryEntry> = {
  Authorization: {
    meaning: 'The user’s sign-in was refused: a token expired or was revoked, a password changed, or consent was withdrawn.',
    whatToDo: 'The user signs in again in the add-in. The engine does not retry until they do.',
    bySource: {
      crm: {
        meaning: 'Salesforce refused the user’s sign-in: the refresh token expired or was revoked, the password changed, or the Salesforce user was deactivated.',
        whatToDo: 'The user reconnects Salesforce in the add-in (Settings → Salesforce → Sign in). If their Salesforce user was deactivated, reactivate it or disable sync for them.',
      },
      mail_server: {
        meaning: 'The mailbox refused the credentials: the password changed, multi-factor sign-in is required again, or the organisation’s consent was withdrawn.',
        whatToDo: 'The user signs in to their mailbox again in the add-in. If many users fail at once, an Exchange or Google Workspace administrator checks the app’s consent.',
      },
      sync_application: {
        whatToDo: 'The sync application’s own license or session is not valid: check the subscription with the vendor’s support.',
      },
    },
  },
  Throttling: {
    meaning: 'A server asked the engine to slow down: an API request limit or a rate limit was reached.',
    whatToDo: 'Nothing at first: the engine waits and retries by itself. Worry when it lasts for hours or hits many users at once.',
    bySource: {
      crm: {
        meaning: 'The Salesforce organisation reached its API request limit (counted over 24 hours for the whole organisation).',
        whatToDo: 'Retried automatically. If it lasts, check API usage in Salesforce (Setup → System Overview), lengthen the sync interval of large profiles, or raise the limit with Salesforce.',
      },
      mail_server: {
        meaning: 'The mail server throttled the engine (HTTP 429 from Exchange Online or Gmail quotas).',
        whatToDo: 'Retried automatically after the delay the server asks for. Throttling of many users at once means the organisation’s limits are reached: lengthen sync intervals.',
      },
    },
  },
  Connectivity: {
    meaning: 'The engine could not reach the server: a network or DNS problem, a timeout, or an outage.',
    whatToDo: 'Retried at the next sync interval. If it lasts, check the service’s status page and any firewall or proxy between the engine and the server.',
  },
  Validation: {
    meaning: 'The target refused a record: a required field is empty, a validation rule failed, or a value is too long.',
    whatToDo: 'Retrying does not help: fix the record or the rule. The session’s sync issues name the objects and the operation.',
  },
  Internal: {
    meaning: 'An error inside the sync application itself.',
    whatToDo: 'Retried at the next interval. If it repeats, open a ticket with the vendor’s support and attach the session’s log (Download log).',
  },
};

export const ERROR_SOURCE_MEANINGS: Record<ErrorSource, string> = {
  crm: 'Salesforce answered with the error.',
  mail_server: 'The mailbox’s server (Exchange, Outlook.com or Gmail) answered with the error.',
  sync_application: 'The sync application (the engine or the add-in) met the error itself.',
};

export const ERROR_CODE_WHAT_TO_DO: Readonly<Record<number, string>> = {
  0: 'Nothing: the code says the object synchronized.',
  1: 'Retried at the next sync. If it lasts, find who holds the record (an approval process, another integration) in Salesforce or the mailbox.',
  2: 'Nothing, unless it was deleted by mistake: then restore it (Salesforce’s Recycle Bin, the mailbox’s Deleted Items) and it synchronizes again.',
  3: 'Retried at the next sync. If it lasts, check that the user can still open the object (sharing rules, a changed owner).',
};

const UNKNOWN_WHAT_TO_DO = 'The panel has no explanation for it. The session’s message and log say more; if it repeats, ask the vendor’s support.';

/** A session's error category, from the source it came from when that says more. */
export function explainErrorCategory(category: string | null, source: ErrorSource | null): Explanation {
  const entry = category ? ERROR_CATEGORY_CATALOG[category] : undefined;
  if (!entry) {
    return { known: false, meaning: category ? `“${category}” is not a category this panel knows: the sync engine reported it as it is.` : 'The sync engine reported no category.', whatToDo: UNKNOWN_WHAT_TO_DO };
  }
  const bySource = source ? entry.bySource?.[source] : undefined;
  return { known: true, meaning: bySource?.meaning ?? entry.meaning, whatToDo: bySource?.whatToDo ?? entry.whatToDo };
}

/** A sync issue's error code. */
export function explainIssueCode(code: number): Explanation {
  const meaning = ERROR_CODE_MEANINGS[code];
  if (meaning === undefined) return { known: false, meaning: `Error code ${code} is not one this panel knows.`, whatToDo: UNKNOWN_WHAT_TO_DO };
  return { known: true, meaning, whatToDo: ERROR_CODE_WHAT_TO_DO[code] ?? UNKNOWN_WHAT_TO_DO };
}

export const CATALOGUED_CATEGORIES = Object.keys(ERROR_CATEGORY_CATALOG);
