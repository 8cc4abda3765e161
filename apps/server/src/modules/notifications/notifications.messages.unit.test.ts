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

describe('a verification report awaiting a signature', () => {
  it('names the report and its period, and links to it', () => {
    const params = { ref: 'V-0003', path: '/verifiche/abc', from: '2025-07-01', to: '2025-12-31' };
    const it_ = eventMail('report-signature-awaited', params, 'it', 'https://clock.example', null);
    expect(it_.body).toContain('La verifica periodica V-0003');
    expect(it_.body).toContain('attende la tua firma');
    expect(it_.body).toContain('https://clock.example/verifiche/abc');
    const en = eventMail('report-signature-awaited', params, 'en', 'https://clock.example', null);
    expect(en.body).toContain('Periodic verification V-0003');
    expect(en.body).toContain('2025');
  });
});
