/**
 * The registry entries of the network's activity: public events and published news. Same shape as the catalogue's
 * entries (datasets.service.ts): keyset pages on the human number (E-0001, N-0001), readers by ids with the same
 * public test as the anonymous API, and the JSON, CSV and schema.org mappers. What changes from one reading to the
 * next without a change to the record (places taken, registrations) is left out: the files hold the records.
 */
import type { Dataset } from './datasets.service.ts';
import * as repo from './opendata.repo.ts';
import {
  bilingual,
  bilingualColumns,
  compact,
  joinList,
  keyed,
  langValues,
  orgRef,
  recordPage,
  recordUri,
  type JsonObject,
} from './records.rules.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const eventRef = (n: number) => `E-${String(n).padStart(4, '0')}`;
const newsRef = (n: number) => `N-${String(n).padStart(4, '0')}`;
const names = (list: { name: string }[]) => joinList(list.map((o) => o.name));
const ids = (list: { id: string }[]) => joinList(list.map((o) => o.id));

/** Courses and workshops teach; the other kinds are events without a curriculum. */
const EDUCATION_KINDS = new Set(['course', 'workshop']);
const ATTENDANCE_MODE: Record<string, string> = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
};

function eventLocation(e: repo.EventRow['event']): JsonObject[] {
  const where: JsonObject[] = [];
  if (e.mode !== 'online' && e.place)
    where.push(
      compact({
        '@type': 'Place',
        name: e.place.name,
        address: e.place.address,
        geo:
          e.place.lat !== undefined && e.place.lon !== undefined
            ? { '@type': 'GeoCoordinates', latitude: e.place.lat, longitude: e.place.lon }
            : null,
      }),
    );
  if (e.mode !== 'in-person' && e.onlineUrl) where.push({ '@type': 'VirtualLocation', url: e.onlineUrl });
  return where;
}

export const events: Dataset<repo.EventRow> = {
  name: 'events',
  recordType: 'event',
  changeTypes: ['event'],
  title: { it: 'Eventi della rete', en: 'Events of the network' },
  description: {
    it: 'I seminari, i workshop, gli open lab, i corsi, i webinar e le giornate di matchmaking pubblici dei centri e della Regione: date, luogo o collegamento, organizzatori, filiere e priorità S3. Gli eventi in bozza e quelli riservati alla rete non sono inclusi; quelli annullati sì, con il loro stato.',
    en: 'The public seminars, workshops, open labs, courses, webinars and matchmaking days of the centres and the Region: dates, place or link, organisers, supply chains and S3 priorities. Draft and network-only events are not included; cancelled ones are, with their state.',
  },
  themes: ['TECH', 'EDUC'],
  keywords: ['eventi', 'formazione', 'trasferimento tecnologico'],
  columns: [
    'id',
    'uri',
    'ref',
    'kind',
    ...bilingualColumns('title'),
    ...bilingualColumns('summary'),
    ...bilingualColumns('description'),
    'state',
    'mode',
    'start',
    'end',
    'place_name',
    'place_address',
    'latitude',
    'longitude',
    'online_url',
    'language',
    ...bilingualColumns('audience'),
    'organizers',
    'organizer_names',
    'filiere',
    'sectors',
    's3',
    'capacity',
    'price_cents',
    'registration_opens',
    'registration_closes',
    'cancel_reason',
    'published_at',
    'web_page',
  ],
  page: async (db, after, limit) => keyed(await repo.pageEvents(db, after, limit), limit, (r) => r.event.number),
  byIds: (db, list) => repo.eventsByIds(db, list),
  id: (r) => r.event.id,
  record: ({ event: e, organizers }, base) => ({
    id: e.id,
    uri: recordUri(base, 'event', e.id),
    ref: eventRef(e.number),
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    description: e.description,
    state: e.state,
    mode: e.mode,
    start: e.startsAt.toISOString(),
    end: e.endsAt.toISOString(),
    place: e.place ?? null,
    onlineUrl: e.onlineUrl,
    language: e.language,
    audience: e.audience,
    organizers,
    filiere: e.filiere,
    sectors: e.sectors,
    s3: e.s3,
    capacity: e.capacity,
    price: e.price,
    registrationOpens: iso(e.registrationOpens),
    registrationCloses: iso(e.registrationCloses),
    cancelReason: e.cancelReason,
    publishedAt: iso(e.publishedAt),
    url: recordPage(base, 'event', e.id),
  }),
  csv: ({ event: e, organizers }, base) => ({
    id: e.id,
    uri: recordUri(base, 'event', e.id),
    ref: eventRef(e.number),
    kind: e.kind,
    ...bilingual('title', e.title),
    ...bilingual('summary', e.summary),
    ...bilingual('description', e.description),
    state: e.state,
    mode: e.mode,
    start: e.startsAt.toISOString(),
    end: e.endsAt.toISOString(),
    place_name: e.place?.name,
    place_address: e.place?.address,
    latitude: e.place?.lat,
    longitude: e.place?.lon,
    online_url: e.onlineUrl,
    language: e.language,
    ...bilingual('audience', e.audience),
    organizers: ids(organizers),
    organizer_names: names(organizers),
    filiere: joinList(e.filiere),
    sectors: joinList(e.sectors),
    s3: joinList(e.s3),
    capacity: e.capacity,
    price_cents: e.price,
    registration_opens: iso(e.registrationOpens),
    registration_closes: iso(e.registrationCloses),
    cancel_reason: e.cancelReason,
    published_at: iso(e.publishedAt),
    web_page: recordPage(base, 'event', e.id),
  }),
  node: ({ event: e, organizers }, base) =>
    compact({
      '@id': recordUri(base, 'event', e.id),
      '@type': EDUCATION_KINDS.has(e.kind) ? 'EducationEvent' : 'Event',
      identifier: eventRef(e.number),
      name: langValues(e.title),
      description: langValues(e.summary),
      startDate: e.startsAt.toISOString(),
      endDate: e.endsAt.toISOString(),
      eventStatus: `https://schema.org/${e.state === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
      eventAttendanceMode: ATTENDANCE_MODE[e.mode],
      location: eventLocation(e),
      inLanguage: e.language,
      audience: langValues(e.audience).length ? { '@type': 'Audience', audienceType: langValues(e.audience) } : null,
      maximumAttendeeCapacity: e.capacity,
      isAccessibleForFree: e.price === null || e.price === 0,
      offers:
        e.price === null
          ? null
          : {
              '@type': 'Offer',
              price: (e.price / 100).toFixed(2),
              priceCurrency: 'EUR',
              url: recordPage(base, 'event', e.id),
            },
      organizer: organizers.map((o) => orgRef(base, o.id)),
      keywords: [...e.filiere, ...e.sectors, ...e.s3],
      url: recordPage(base, 'event', e.id),
    }),
};

export const news: Dataset<repo.NewsRow> = {
  name: 'news',
  recordType: 'news',
  changeTypes: ['news'],
  title: { it: 'Notizie della rete', en: 'News of the network' },
  description: {
    it: 'Le notizie pubblicate dai centri e dalla Regione: titolo, sintesi e testo, organizzazioni che le pubblicano, filiere, settori e priorità S3. Le bozze e le notizie ritirate non sono incluse.',
    en: 'The news published by the centres and the Region: title, summary and text, the organisations publishing them, supply chains, sectors and S3 priorities. Drafts and withdrawn items are not included.',
  },
  themes: ['TECH', 'ECON'],
  keywords: ['notizie', 'innovazione', 'Toscana'],
  columns: [
    'id',
    'uri',
    'ref',
    ...bilingualColumns('title'),
    ...bilingualColumns('summary'),
    ...bilingualColumns('body'),
    'organizations',
    'organization_names',
    'filiere',
    'sectors',
    's3',
    'published_at',
    'updated_at',
    'web_page',
  ],
  page: async (db, after, limit) => keyed(await repo.pageNews(db, after, limit), limit, (r) => r.news.number),
  byIds: (db, list) => repo.newsByIds(db, list),
  id: (r) => r.news.id,
  record: ({ news: n, organizations }, base) => ({
    id: n.id,
    uri: recordUri(base, 'news', n.id),
    number: n.number,
    title: n.title,
    summary: n.summary,
    ...(n.body ? { body: n.body } : {}),
    organizations,
    filiere: n.filiere,
    sectors: n.sectors,
    s3: n.s3,
    state: n.state,
    publishedAt: iso(n.publishedAt),
    updatedAt: n.updatedAt.toISOString(),
    url: recordPage(base, 'news', n.id),
  }),
  csv: ({ news: n, organizations }, base) => ({
    id: n.id,
    uri: recordUri(base, 'news', n.id),
    ref: newsRef(n.number),
    ...bilingual('title', n.title),
    ...bilingual('summary', n.summary),
    ...bilingual('body', n.body),
    organizations: ids(organizations),
    organization_names: names(organizations),
    filiere: joinList(n.filiere),
    sectors: joinList(n.sectors),
    s3: joinList(n.s3),
    published_at: iso(n.publishedAt),
    updated_at: n.updatedAt.toISOString(),
    web_page: recordPage(base, 'news', n.id),
  }),
  node: ({ news: n, organizations }, base) =>
    compact({
      '@id': recordUri(base, 'news', n.id),
      '@type': 'NewsArticle',
      identifier: newsRef(n.number),
      headline: langValues(n.title),
      abstract: langValues(n.summary),
      articleBody: langValues(n.body),
      datePublished: iso(n.publishedAt),
      dateModified: n.updatedAt.toISOString(),
      publisher: organizations.map((o) => orgRef(base, o.id)),
      keywords: [...n.filiere, ...n.sectors, ...n.s3],
      url: recordPage(base, 'news', n.id),
    }),
};
