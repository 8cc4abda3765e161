/**
 * Who hears of an event and what the message may say, for every module that notifies (requests today; bookings and
 * events on the same interface). Pure: the service writes what these functions decide.
 */

/**
 * How far a subject may be known: the modules' own tiers map onto these. `confidential` subjects never have their
 * title or any of their text in a notification or an e-mail.
 */
export type Visibility = 'public' | 'network' | 'private' | 'confidential';

/** The row an event is about, as its module describes it. */
export interface NotifySubject {
  /** The module's name for its rows: `request`, `company`, `booking`… */
  kind: string;
  id: string;
  /** What people quote (`R-0042`); for a confidential subject a code of capitals, a dash and digits. */
  reference: string;
  visibility: Visibility;
  /** The subject's own words; never written for a confidential subject. */
  title?: string | null;
  /** Its state, a code such as `in_progress` (shown in the reader's language). */
  state?: string;
  /** Where the web app shows it (`/richieste/<id>`): the link of the message. */
  path: string;
}

export interface NotifyEvent {
  /** The message's kind (`request-declined`): the sentence of the notification in each language. */
  kind: string;
  /**
   * The sentence's values. For a confidential subject only dates and numbers are kept (names, reasons and any other
   * text may repeat what the subject says).
   */
  params?: Record<string, string>;
  /** Send the e-mail now whatever the recipient's preference (a decision the person must receive). */
  urgent?: boolean;
}

/** A person who may receive the notification. */
export interface NotifyTarget {
  id: string;
  email: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
}

export const isRedacted = (v: Visibility) => v === 'confidential';

const REFERENCE = /^[A-Z]{1,4}-\d{1,9}$/;
const STATE = /^[a-z_]{1,32}$/;
/** A date, a timestamp or a small number: values that cannot carry the subject's words. */
const STRUCTURAL = /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?|\d{1,6})$/;

/**
 * The parameters written for one event on `subject` (in the app and, through the same sentence, in the e-mail). A
 * confidential subject keeps its reference, state, link and the event's dates and numbers, marked `confidential`; its
 * title and every other value are dropped, whatever the caller passed.
 */
export function notificationParams(subject: NotifySubject, event: NotifyEvent): Record<string, string> {
  const own: Record<string, string> = { ref: subject.reference, path: subject.path };
  if (subject.state) own.state = subject.state;
  if (!isRedacted(subject.visibility)) {
    return { ...(event.params ?? {}), ...own, ...(subject.title ? { title: subject.title } : {}) };
  }
  // A reference or state that could hold words would be a way around the rule: refuse it loudly.
  if (!REFERENCE.test(subject.reference))
    throw new Error(
      `a confidential ${subject.kind} is referred to by a code such as R-0042, not "${subject.reference}"`,
    );
  if (subject.state && !STATE.test(subject.state)) throw new Error(`"${subject.state}" is not a state code`);
  const kept = Object.entries(event.params ?? {}).filter(([k, v]) => !(k in own) && STRUCTURAL.test(v));
  return { ...Object.fromEntries(kept), ...own, subject: subject.kind, confidential: 'true' };
}

/**
 * The recipients among `candidates`: each once, never the person who acted, and only those `accessTo` admits (the
 * subject module's own visibility rule, the one its API applies).
 */
export function recipientsOf<C extends { id: string }>(
  candidates: C[],
  accessTo: (candidate: C) => boolean,
  except: string | null = null,
): C[] {
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  return unique.filter((c) => c.id !== except && accessTo(c));
}
