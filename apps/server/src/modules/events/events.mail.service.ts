import type { Tx, Db } from '../../db/client.ts';
import type { MailAttachment } from '../../db/schema/index.ts';
import { queueMail } from '../notifications/outbox.service.ts';
import * as repo from './events.repo.ts';
import { eventsCalendar, eventUrl } from './ics.rules.ts';
import { mailText, type MailKind } from './events.mail.rules.ts';
import { toIcsEvent, type LoadedEvent } from './events.service.ts';

/**
 * Mail to registrants, through the outbox in the caller's transaction: written with the change it tells of, or not
 * at all. Registrants are mailed at their address whether or not they have an account (a registration is made with
 * an address, and its mail carries the invitation's .ics); see decision 017.
 */

export function invitation(
  publicUrl: string,
  e: LoadedEvent,
  lang: 'it' | 'en',
  now: Date,
  method: 'PUBLISH' | 'CANCEL',
  gone: Parameters<typeof eventsCalendar>[1]['gone'] = [],
): MailAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: eventsCalendar([toIcsEvent(e)], {
      publicUrl,
      lang,
      name: e.row.title[lang] ?? e.row.title.it ?? e.row.title.en ?? '',
      method,
      now: now.getTime(),
      gone,
    }),
  };
}

/** Links a registrant without an account uses (the token is the key); the web app's pages answer them. */
export const registrationLinks = (publicUrl: string, id: string, manageToken: string | null) => {
  const base = publicUrl.replace(/\/$/, '');
  return manageToken
    ? {
        manage: `${base}/eventi/iscrizioni/${id}?token=${encodeURIComponent(manageToken)}`,
        certificate: `${base}/api/v1/event-registrations/${id}/certificate?token=${encodeURIComponent(manageToken)}`,
      }
    : {
        manage: `${base}/eventi/iscrizioni/${id}`,
        certificate: `${base}/api/v1/event-registrations/${id}/certificate`,
      };
};

/** One registrant's mail of `kind`, with the invitation (or its cancellation) attached where it belongs. */
export async function mailRegistrant(
  tx: Db | Tx,
  publicUrl: string,
  e: LoadedEvent,
  r: repo.RegistrationRow,
  kind: MailKind,
  now: Date,
  extra: {
    confirmToken?: string;
    manageToken?: string | null;
    position?: number;
    message?: { subject: string; body: string };
    gone?: Parameters<typeof invitation>[5];
  } = {},
) {
  const lang = r.lang === 'en' ? 'en' : 'it';
  // A registrant without an account reaches their registration by a token, known only when it is made (the manage
  // token when registering or confirming, the read-only certificate token when attendance is met).
  const links = extra.manageToken || r.userId ? registrationLinks(publicUrl, r.id, extra.manageToken ?? null) : null;
  const text = mailText(kind, lang, {
    name: r.name,
    title: e.row.title[lang] ?? e.row.title.it ?? e.row.title.en ?? '',
    when: e.sessions.map((s) => ({ start: s.start, end: s.end })),
    place: e.row.place ? [e.row.place.name, e.row.place.address].filter(Boolean).join(', ') : null,
    online: e.row.onlineUrl,
    eventUrl: eventUrl(publicUrl, e.row.id),
    confirmUrl: extra.confirmToken
      ? `${publicUrl.replace(/\/$/, '')}/eventi/conferma?token=${encodeURIComponent(extra.confirmToken)}`
      : undefined,
    manageUrl: links?.manage,
    certificateUrl: links?.certificate,
    position: extra.position,
    reason: e.row.cancelReason ?? undefined,
    message: extra.message,
  });
  const attach =
    kind === 'confirmed' || kind === 'promoted' || kind === 'changed' || kind === 'reminder'
      ? [invitation(publicUrl, e, lang, now, 'PUBLISH', kind === 'changed' ? extra.gone : [])]
      : kind === 'event-cancelled' || kind === 'registration-cancelled'
        ? [invitation(publicUrl, e, lang, now, 'CANCEL')]
        : [];
  await queueMail(tx, [{ to: r.email, subject: text.subject, body: text.body, attachments: attach }]);
}

/** Tells every confirmed registrant (and, for a cancellation, those waiting) of a change or a cancellation. */
export async function tellRegistrants(
  tx: Tx,
  publicUrl: string,
  e: LoadedEvent,
  what: 'changed' | 'cancelled',
  now: Date,
  o: { gone?: Parameters<typeof invitation>[5] } = {},
) {
  const all = await repo.registrationsOf(tx, e.row.id);
  for (const r of all) {
    if (what === 'changed' && r.state === 'confirmed')
      await mailRegistrant(tx, publicUrl, e, r, 'changed', now, { gone: o.gone });
    if (what === 'cancelled' && (r.state === 'confirmed' || r.state === 'waiting'))
      await mailRegistrant(tx, publicUrl, e, r, 'event-cancelled', now);
  }
}
