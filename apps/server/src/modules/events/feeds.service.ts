import { Feed } from 'feed';
import type { EventFeedQuery } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { eventsCalendar, eventUrl } from './ics.rules.ts';
import { sessionLine } from './events.mail.rules.ts';
import { feedEvents, nowOf, toIcsEvent, visibleEvent, type EventDeps } from './events.service.ts';

/**
 * Open formats of the public calendar: one event's iCalendar, the subscribable iCalendar feed of all public events
 * (or one organisation's, or one topic's: a filiera or an S3 code) and the same as RSS 2.0 (the `feed` package).
 * Feeds carry published and cancelled (STATUS:CANCELLED) public events from 31 days ago on. Links are absolute, from
 * the configured public address.
 */
const DAY = 86_400_000;
const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

export async function eventIcs(deps: EventDeps, actor: Actor, id: string, lang: 'it' | 'en' = 'it') {
  const e = await visibleEvent(deps.db, actor, id);
  if (e.row.state === 'draft') throw new AppError('NOT_FOUND', `No published event with id "${id}"`);
  return eventsCalendar([toIcsEvent(e)], {
    publicUrl: deps.publicUrl,
    lang,
    name: e.row.title[lang] ?? e.row.title.it ?? e.row.title.en ?? '',
    now: nowOf(deps).getTime(),
  });
}

const feedName = (q: EventFeedQuery) =>
  ['CL.O.C.K. — eventi', q.organization, q.filiera, q.s3].filter(Boolean).join(' · ');

export async function eventsIcsFeed(deps: EventDeps, q: EventFeedQuery) {
  const now = nowOf(deps).getTime();
  const list = await feedEvents(deps, q, now - 31 * DAY);
  return eventsCalendar(list.map(toIcsEvent), { publicUrl: deps.publicUrl, lang: 'it', name: feedName(q), now });
}

export async function eventsRssFeed(deps: EventDeps, q: EventFeedQuery) {
  const now = nowOf(deps);
  const list = await feedEvents(deps, q, now.getTime() - 31 * DAY);
  const query = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString();
  const self = `${base(deps.publicUrl)}/feeds/events.xml${query ? `?${query}` : ''}`;
  const feed = new Feed({
    id: self,
    title: feedName(q),
    description: 'Eventi e formazione della rete CL.O.C.K. / Events and training of the CL.O.C.K. network',
    link: `${base(deps.publicUrl)}/eventi`,
    language: 'it',
    updated: new Date(Math.max(0, ...list.map((e) => e.row.updatedAt.getTime()))),
    generator: 'CL.O.C.K.',
    copyright: 'CC BY 4.0',
    feedLinks: { rss: self },
  });
  for (const e of list) {
    const title = e.row.title.it ?? e.row.title.en ?? '';
    const when = e.sessions.map((s) => sessionLine(s, 'it')).join('; ');
    const place = e.row.place ? [e.row.place.name, e.row.place.address].filter(Boolean).join(', ') : 'online';
    feed.addItem({
      title: e.row.state === 'cancelled' ? `[ANNULLATO] ${title}` : title,
      id: eventUrl(deps.publicUrl, e.row.id),
      link: eventUrl(deps.publicUrl, e.row.id),
      date: e.row.publishedAt ?? e.row.createdAt,
      description: `${when} — ${place}. ${e.row.summary.it ?? e.row.summary.en ?? ''}`,
      category: [{ name: e.row.kind }, ...e.row.filiere.map((f) => ({ name: f }))],
      author: e.organizers.map((o) => ({ name: o.name })),
    });
  }
  return feed.rss2();
}
