import { describe, expect, it } from 'vitest';
import { digestMail, eventMail, notificationLine } from './notifications.messages.ts';
import { notificationParams, recipientsOf, type NotifySubject } from './notifications.rules.ts';

const SECRET = 'Zirconolite';
const subject = (over: Partial<NotifySubject> = {}): NotifySubject => ({
  kind: 'request',
  id: 'a1',
  reference: 'R-0042',
  visibility: 'confidential',
  title: `Brevetto ${SECRET} per scafi`,
  state: 'declined',
  path: '/richieste/a1',
  ...over,
});
// What a careless caller might pass: names, reasons and the request's own words beside the dates.
const params = {
  reason: `Il processo ${SECRET} è fuori dagli ambiti.`,
  organization: `Centro ${SECRET}`,
  title: `Brevetto ${SECRET}`,
  word: SECRET.toLowerCase(),
  due: '2026-12-04',
  since: '2026-11-27T09:00:00.000Z',
  rating: '4',
};

describe('what a notification may say', () => {
  it('keeps only the reference, the state, the link and dates or numbers of a confidential subject', () => {
    const p = notificationParams(subject(), { kind: 'request-declined', params });
    expect(p).toEqual({
      ref: 'R-0042',
      state: 'declined',
      path: '/richieste/a1',
      due: '2026-12-04',
      since: '2026-11-27T09:00:00.000Z',
      rating: '4',
      subject: 'request',
      confidential: 'true',
    });
    for (const lang of ['it', 'en'] as const) {
      const mail = eventMail('request-declined', p, lang, 'https://clock.example', 'a1');
      const digest = digestMail(
        [{ kind: 'request-declined', params: p, requestId: 'a1' }],
        lang,
        'https://clock.example',
      );
      for (const text of [mail.subject, mail.body, digest.body]) expect(text).not.toMatch(/zirconolite/i);
      expect(mail.body).toContain('R-0042');
      expect(mail.body).toContain('https://clock.example/richieste/a1');
    }
    expect(notificationLine('request-declined', p, 'it')).toMatch(/^Richiesta riservata R-0042: .*non accolta/);
    expect(notificationLine('request-declined', p, 'en')).toMatch(/^Confidential request R-0042: .*declined/);
  });

  it('writes the title and the words of a subject the network may read', () => {
    for (const visibility of ['public', 'network', 'private'] as const) {
      const p = notificationParams(subject({ visibility }), { kind: 'request-declined', params });
      expect(p).toMatchObject({ ref: 'R-0042', title: `Brevetto ${SECRET} per scafi`, reason: params.reason });
      expect(p.confidential).toBeUndefined();
    }
  });

  it('refuses a confidential subject whose reference or state could carry words', () => {
    expect(() => notificationParams(subject({ reference: `R-0042 ${SECRET}` }), { kind: 'x' })).toThrow(/code/);
    expect(() => notificationParams(subject({ state: `declined ${SECRET}` }), { kind: 'x' })).toThrow(/state/);
  });
});

describe('who is told', () => {
  const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'a' }, { id: 'd' }];
  it('asks the subject module for each candidate, once each, and never tells the one who acted', () => {
    const asked: string[] = [];
    const chosen = recipientsOf(
      people,
      (p) => {
        asked.push(p.id);
        return p.id !== 'c';
      },
      'd',
    );
    expect(chosen.map((p) => p.id)).toEqual(['a', 'b']);
    expect(asked).toEqual(['a', 'b', 'c']);
  });
  it('tells nobody the rule does not admit', () => {
    expect(recipientsOf(people, () => false)).toEqual([]);
  });
});
