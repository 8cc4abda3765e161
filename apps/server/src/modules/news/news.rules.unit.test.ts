import { describe, expect, it } from 'vitest';
import { canWriteNews, concerns, maskEmail, allowedNewsActions } from './news.rules.ts';
import { digestMail, MAX_DIGEST_ITEMS, type DigestItem } from './newsletter.rules.ts';
import { newsletterPeriodStart } from './newsletter.job.ts';
import type { Actor } from '../../core/actor.ts';

const member = (memberships: { organization: string; role: string }[], platformRole: string | null = null) =>
  ({ kind: 'member', userId: 'u', tokenId: null, platformRole, memberships, csrfToken: null }) as Actor;
const none = { filiere: [], sectors: [], s3: [], organizations: [] };

describe('who writes news', () => {
  it('is a centre’s own people, the Region for itself, administrators for all', () => {
    const centre = { id: 'c', kind: 'centre' };
    expect(canWriteNews(member([{ organization: 'c', role: 'centre-staff' }]), centre)).toBe(true);
    expect(canWriteNews(member([{ organization: 'd', role: 'centre-staff' }]), centre)).toBe(false);
    expect(canWriteNews(member([{ organization: 'c', role: 'company' }]), centre)).toBe(false);
    expect(canWriteNews(member([], 'region'), centre)).toBe(false);
    expect(canWriteNews(member([], 'region'), { id: 'rt', kind: 'region' })).toBe(true);
    expect(canWriteNews(member([], 'admin'), { id: 'x', kind: 'company' })).toBe(true);
    expect(canWriteNews({ kind: 'anonymous' }, centre)).toBe(false);
    expect(allowedNewsActions({ kind: 'anonymous' }, { state: 'published', organizations: [centre] })).toEqual([]);
  });
});

describe('which subscribers an item concerns', () => {
  const item = { filiere: ['carta'], sectors: ['17'], s3: ['tp.3×aa.2'], organizations: ['lucense'] };
  it('sends everything to those who follow nothing in particular', () => {
    expect(concerns(none, item)).toBe(true);
  });
  it('needs one shared topic otherwise, a priority following its cells', () => {
    expect(concerns({ ...none, filiere: ['nautica'] }, item)).toBe(false);
    expect(concerns({ ...none, filiere: ['nautica', 'carta'] }, item)).toBe(true);
    expect(concerns({ ...none, organizations: ['lucense'] }, item)).toBe(true);
    expect(concerns({ ...none, s3: ['tp.3'] }, item)).toBe(true);
    expect(concerns({ ...none, s3: ['tp.31'] }, item)).toBe(false);
  });
});

describe('the newsletter', () => {
  it('hides most of an address shown through a link', () => {
    expect(maskEmail('anna.rossi@example.org')).toBe('a***@example.org');
    expect(maskEmail('bad')).toBe('***');
  });

  it('is due on Monday at the digest hour, Italian time, across the clock change', () => {
    // Monday 30 March 2026, the day after the change to summer time: 08:00 in Rome is 06:00 UTC.
    expect(newsletterPeriodStart(new Date('2026-03-30T06:30:00Z'), 8).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // Before the hour: last week's Monday, in winter time (07:00 UTC).
    expect(newsletterPeriodStart(new Date('2026-03-30T05:59:00Z'), 8).toISOString()).toBe('2026-03-23T07:00:00.000Z');
    // By hand, no waiting for the hour: the week's start.
    expect(newsletterPeriodStart(new Date('2026-03-30T05:59:00Z'), 8, true).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('puts events first by date, then news, and counts what it leaves out', () => {
    const item = (i: number, kind: 'news' | 'event'): DigestItem => ({
      kind,
      id: `${kind}-${i}`,
      title: { it: `Titolo ${kind} ${i}`, en: `Title ${kind} ${i}` },
      url: `https://x/${kind}/${i}`,
      publishedAt: new Date(2026, 0, i + 1),
      ...(kind === 'event' ? { startsOn: `2026-02-${String(28 - i).padStart(2, '0')}` } : {}),
      topics: none,
    });
    const items = [
      ...Array.from({ length: 15 }, (_, i) => item(i, 'news')),
      ...Array.from({ length: 10 }, (_, i) => item(i, 'event')),
    ];
    const mail = digestMail(items, 'en', { site: 'https://x', manage: 'https://x/manage' });
    expect(mail.subject).toBe('CL.O.C.K. newsletter: 25 new items on your topics');
    expect(mail.body.indexOf('EVENTS AND COURSES')).toBeLessThan(mail.body.indexOf('NEWS'));
    expect(mail.body.indexOf('Title event 9')).toBeLessThan(mail.body.indexOf('Title event 0'));
    expect(mail.body.match(/^• /gm)).toHaveLength(MAX_DIGEST_ITEMS);
    expect(mail.body).toContain('…and 5 more on https://x');
    expect(mail.body).toContain('https://x/manage');
    expect(digestMail([item(1, 'news')], 'it', { site: 's', manage: 'm' }).body).toContain('Titolo news 1');
  });
});
