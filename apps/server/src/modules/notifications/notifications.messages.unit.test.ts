import { describe, expect, it } from 'vitest';
import { digestMail, eventMail } from './notifications.messages.ts';

// E-mails say where the notification settings are: the notifications page (/notifiche), not the account page.
describe('notification e-mails', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`link to the notification settings on /notifiche (${lang})`, () => {
      const one = eventMail('request-triage', { ref: 'R-0001', title: 'Prove' }, lang, 'https://clock.example', 'abc');
      const digest = digestMail(
        [{ kind: 'request-triage', params: { ref: 'R-0001' }, requestId: 'abc' }],
        lang,
        'https://clock.example',
      );
      for (const mail of [one, digest]) {
        expect(mail.body).toContain('https://clock.example/notifiche');
        expect(mail.body).not.toContain('/account');
      }
    });
  }
});
