import type { Db } from '../../db/client.ts';
import type { DigestItem } from '../news/newsletter.rules.ts';
import { eventUrl } from './ics.rules.ts';
import { feedEvents } from './events.service.ts';

/**
 * The newsletter's events: public events published after `since` (up to `until`) that have not ended, each with the
 * topics it concerns (its filiere, sectors, S3 codes and organisers) and its first day.
 */
export async function eventsForDigest(db: Db, publicUrl: string, since: Date, until: Date): Promise<DigestItem[]> {
  const upcoming = await feedEvents({ db, publicUrl }, {}, until.getTime());
  return upcoming
    .filter(
      (e) =>
        e.row.state === 'published' && e.row.publishedAt && e.row.publishedAt > since && e.row.publishedAt <= until,
    )
    .map((e) => ({
      kind: 'event' as const,
      id: e.row.id,
      title: e.row.title,
      summary: e.row.summary,
      url: eventUrl(publicUrl, e.row.id),
      publishedAt: e.row.publishedAt!,
      startsOn: e.row.startsAt.toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }),
      topics: {
        filiere: e.row.filiere,
        sectors: e.row.sectors,
        s3: e.row.s3,
        organizations: e.organizers.map((o) => o.organizationId),
      },
    }));
}
