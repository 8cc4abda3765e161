import type { Localized } from '@clock/contracts';
import type { Topics } from './news.rules.ts';

/** The newsletter's messages, pure: what the confirmation and the digest say, in the subscriber's language. */

type Lang = 'it' | 'en';

/** Something a digest can tell of: a news item, an event (from the events module), each with the topics it concerns. */
export interface DigestItem {
  kind: 'news' | 'event';
  id: string;
  title: Localized;
  summary?: Localized;
  /** Absolute address of its page. */
  url: string;
  /** When it was published (what is new since the last digest). */
  publishedAt: Date;
  /** An event's first day, shown beside it (YYYY-MM-DD). */
  startsOn?: string;
  topics: Topics;
}

export const MAX_DIGEST_ITEMS = 20;

const pick = (text: Localized | undefined, lang: Lang) =>
  text ? (text[lang] ?? text[lang === 'it' ? 'en' : 'it']) : undefined;

const dateLabel = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

export function confirmationMail(lang: Lang, link: string) {
  return lang === 'en'
    ? {
        subject: 'Confirm your subscription to the CL.O.C.K. newsletter',
        body: `Someone (we hope you) asked to receive the newsletter of the CL.O.C.K. network — events, courses and news of Regione Toscana's technology-transfer centres — at this address.\n\nTo confirm, open this link within 7 days:\n${link}\n\nIf it was not you, ignore this message: without confirmation nothing will be sent and the address is deleted.`,
      }
    : {
        subject: 'Conferma l’iscrizione alla newsletter di CL.O.C.K.',
        body: `Qualcuno (speriamo tu) ha chiesto di ricevere a questo indirizzo la newsletter della rete CL.O.C.K. — eventi, corsi e notizie dei centri di trasferimento tecnologico di Regione Toscana.\n\nPer confermare apri questo collegamento entro 7 giorni:\n${link}\n\nSe non sei stato tu, ignora questo messaggio: senza conferma non riceverai nulla e l’indirizzo verrà cancellato.`,
      };
}

export function alreadySubscribedMail(lang: Lang, manage: string) {
  return lang === 'en'
    ? {
        subject: 'You already receive the CL.O.C.K. newsletter',
        body: `This address already receives the CL.O.C.K. newsletter. To see what you follow, or to stop receiving it:\n${manage}\n\nTo follow other topics, unsubscribe there and subscribe again with the topics you want.`,
      }
    : {
        subject: 'Ricevi già la newsletter di CL.O.C.K.',
        body: `Questo indirizzo riceve già la newsletter di CL.O.C.K. Per vedere gli argomenti che segui, o per non riceverla più:\n${manage}\n\nPer seguire altri argomenti, annulla l’iscrizione da lì e iscriviti di nuovo con gli argomenti che vuoi.`,
      };
}

/** The digest: new events first (by date), then news (newest first); at most MAX_DIGEST_ITEMS, the rest counted. */
export function digestMail(items: DigestItem[], lang: Lang, links: { site: string; manage: string }) {
  const events = items
    .filter((i) => i.kind === 'event')
    .sort((a, b) => (a.startsOn ?? '').localeCompare(b.startsOn ?? ''));
  const news = items.filter((i) => i.kind === 'news').sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const shown = [...events, ...news].slice(0, MAX_DIGEST_ITEMS);
  const more = items.length - shown.length;
  const line = (i: DigestItem) => {
    const summary = pick(i.summary, lang);
    return [
      `• ${pick(i.title, lang) ?? ''}${i.startsOn ? ` — ${dateLabel(i.startsOn, lang)}` : ''}`,
      summary ? `  ${summary}` : '',
      `  ${i.url}`,
    ]
      .filter(Boolean)
      .join('\n');
  };
  const section = (title: string, list: DigestItem[]) =>
    list.length ? `${title}\n\n${list.map(line).join('\n\n')}\n` : '';
  const shownEvents = shown.filter((i) => i.kind === 'event');
  const shownNews = shown.filter((i) => i.kind === 'news');
  if (lang === 'en')
    return {
      subject: `CL.O.C.K. newsletter: ${items.length} new ${items.length === 1 ? 'item' : 'items'} on your topics`,
      body: [
        'What is new in the CL.O.C.K. network on the topics you follow.\n',
        section('EVENTS AND COURSES', shownEvents),
        section('NEWS', shownNews),
        more > 0 ? `…and ${more} more on ${links.site}\n` : '',
        `You receive this because you subscribed to the CL.O.C.K. newsletter. To stop receiving it (one click): ${links.manage}`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  return {
    subject: `Newsletter CL.O.C.K.: ${items.length} ${items.length === 1 ? 'novità' : 'novità'} sui tuoi argomenti`,
    body: [
      'Le novità della rete CL.O.C.K. sugli argomenti che segui.\n',
      section('EVENTI E CORSI', shownEvents),
      section('NOTIZIE', shownNews),
      more > 0 ? `…e altre ${more} su ${links.site}\n` : '',
      `Ricevi questo messaggio perché ti sei iscritto alla newsletter di CL.O.C.K. Per non riceverla più (un clic): ${links.manage}`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
