import type { EventDetail } from './event-api.ts';

type Pick = (text: { it?: string; en?: string } | undefined | null) => { text: string } | undefined;

const MODE: Record<EventDetail['mode'], string> = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
};

/**
 * An event as schema.org Event (EducationEvent for a course): dates, status, attendance mode, the place (a Place with
 * its address and coordinates) and/or the online location, the organisers, the offer when registration or a price
 * applies, and one sub-event per session of a course.
 */
export function eventJsonLd(e: EventDetail, origin: string, pick: Pick): Record<string, unknown> {
  const url = `${origin}/eventi/${e.id}`;
  const place = e.place
    ? {
        '@type': 'Place',
        name: e.place.name,
        ...(e.place.address
          ? { address: { '@type': 'PostalAddress', streetAddress: e.place.address, addressCountry: 'IT' } }
          : {}),
        ...(e.place.lat !== null && e.place.lon !== null
          ? { geo: { '@type': 'GeoCoordinates', latitude: e.place.lat, longitude: e.place.lon } }
          : {}),
      }
    : undefined;
  const online = e.mode !== 'in-person' ? { '@type': 'VirtualLocation', url: e.onlineUrl ?? url } : undefined;
  const location = [place, online].filter(Boolean);
  const soldOut = e.availability.free !== null && e.availability.free <= 0;
  return {
    '@type': e.kind === 'course' ? 'EducationEvent' : 'Event',
    '@id': url,
    url,
    name: pick(e.title)?.text,
    description: pick(e.summary)?.text,
    startDate: e.start,
    endDate: e.end,
    inLanguage: e.language,
    eventStatus: e.state === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: MODE[e.mode],
    location: location.length === 1 ? location[0] : location,
    organizer: e.organizers.map((o) => ({
      '@type': 'Organization',
      '@id': `${origin}/organizzazioni/${encodeURIComponent(o.id)}`,
      name: o.name,
    })),
    offers: {
      '@type': 'Offer',
      url,
      price: ((e.price ?? 0) / 100).toFixed(2),
      priceCurrency: 'EUR',
      availability: soldOut ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      ...(e.registrationOpens ? { validFrom: e.registrationOpens } : {}),
    },
    ...(e.availability.capacity ? { maximumAttendeeCapacity: e.availability.capacity } : {}),
    ...(e.sessions.length > 1
      ? {
          subEvent: e.sessions.map((s) => ({
            '@type': 'Event',
            name: pick(s.title)?.text ?? pick(e.title)?.text,
            startDate: s.start,
            endDate: s.end,
            eventAttendanceMode: MODE[e.mode],
            location: s.place ? { '@type': 'Place', name: s.place.name } : (place ?? online),
          })),
        }
      : {}),
  };
}
