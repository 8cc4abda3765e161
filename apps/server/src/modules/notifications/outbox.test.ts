import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Database } from '../../db/client.ts';
import { createMailer } from '../../core/mailer.ts';
import { freshDatabase } from '../../test/db.ts';
import { startSmtp } from '../../test/smtp.ts';
import { deliverOutbox } from './notifications.service.ts';
import { queueMail } from './outbox.service.ts';

// The outbox carries attachments (an invitation's .ics) to a real SMTP server, as MIME parts with their type.
let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  database = await freshDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'METHOD:PUBLISH',
  'BEGIN:VEVENT',
  'UID:event-1@example.org',
  'DTSTAMP:20260101T000000Z',
  'DTSTART:20260110T090000Z',
  'DTEND:20260110T100000Z',
  'SUMMARY:Seminario',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the mail outbox', () => {
  it('sends a queued attachment with its file name and MIME type; messages without one stay plain', async () => {
    await database.db.transaction((tx) =>
      queueMail(tx, [
        {
          to: 'con-allegato@example.org',
          subject: 'Invito',
          body: 'In allegato l’invito.',
          attachments: [
            { filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ICS },
          ],
        },
        { to: 'senza@example.org', subject: 'Solo testo', body: 'Nessun allegato.' },
      ]),
    );
    const mailer = createMailer({ url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' });
    const r = await deliverOutbox(database.db, mailer);
    mailer.close();
    expect(r).toEqual({ sent: 2, failed: 0 });
    const withIcs = await smtp.mailTo('con-allegato@example.org');
    expect(withIcs.raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(withIcs.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=invite\.ics/);
    expect(withIcs.raw).toMatch(/filename=invite\.ics/);
    // The attachment arrives intact (base64 or plain, as the mailer chose) and parses as iCalendar.
    const part = withIcs.raw
      .split(/filename=invite\.ics\r?\n/)[1]!
      .split(/\r?\n--/)[0]!
      .trim();
    const text = /BEGIN:VCALENDAR/.test(part) ? part : Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8');
    expect(ICAL.Component.fromString(text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe(
      'event-1@example.org',
    );
    const plain = await smtp.mailTo('senza@example.org');
    expect(plain.raw).not.toMatch(/multipart/);
  });
});
