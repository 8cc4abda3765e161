import { DateTime } from 'luxon';
import { ZONE } from '../../core/calendar.ts';

/** The e-mails a registrant gets, in Italian and English (pure: the words only). */
export type MailKind =
  | 'confirm-address'
  | 'confirmed'
  | 'waiting'
  | 'promoted'
  | 'changed'
  | 'event-cancelled'
  | 'registration-cancelled'
  | 'reminder'
  | 'attended'
  | 'message';

export interface MailFacts {
  name: string;
  title: string;
  when: { start: number; end: number }[];
  place: string | null;
  online: string | null;
  eventUrl: string;
  confirmUrl?: string;
  manageUrl?: string;
  certificateUrl?: string;
  position?: number;
  reason?: string;
  message?: { subject: string; body: string };
}

const SUBJECT: Record<MailKind, Record<'it' | 'en', string>> = {
  'confirm-address': { it: 'Conferma la tua iscrizione', en: 'Confirm your registration' },
  confirmed: { it: 'Iscrizione confermata', en: 'Registration confirmed' },
  waiting: { it: "Sei in lista d'attesa", en: 'You are on the waiting list' },
  promoted: { it: 'Si è liberato un posto: iscrizione confermata', en: 'A place came free: registration confirmed' },
  changed: { it: "L'evento è cambiato", en: 'The event has changed' },
  'event-cancelled': { it: "L'evento è annullato", en: 'The event is cancelled' },
  'registration-cancelled': { it: 'Iscrizione annullata', en: 'Registration cancelled' },
  reminder: { it: 'Promemoria: domani', en: 'Reminder: tomorrow' },
  attended: { it: 'Attestato di partecipazione', en: 'Certificate of attendance' },
  message: { it: 'Messaggio dagli organizzatori', en: 'Message from the organisers' },
};

const LEAD: Record<MailKind, Record<'it' | 'en', string>> = {
  'confirm-address': {
    it: "Abbiamo ricevuto la tua iscrizione. Aprila entro 48 ore con questo collegamento per confermare l'indirizzo:",
    en: 'We received your registration. Open this link within 48 hours to confirm your address:',
  },
  confirmed: {
    it: "La tua iscrizione è confermata. In allegato l'invito da aggiungere al calendario.",
    en: 'Your registration is confirmed. The invitation for your calendar is attached.',
  },
  waiting: {
    it: "L'evento è al completo: sei in lista d'attesa. Ti scriveremo se si libera un posto.",
    en: 'The event is full: you are on the waiting list. We will write if a place comes free.',
  },
  promoted: {
    it: "Si è liberato un posto e la tua iscrizione è confermata. In allegato l'invito.",
    en: 'A place came free and your registration is confirmed. The invitation is attached.',
  },
  changed: {
    it: "Gli organizzatori hanno modificato l'evento. In allegato l'invito aggiornato.",
    en: 'The organisers changed the event. The updated invitation is attached.',
  },
  'event-cancelled': {
    it: "Gli organizzatori hanno annullato l'evento.",
    en: 'The organisers cancelled the event.',
  },
  'registration-cancelled': { it: 'La tua iscrizione è annullata.', en: 'Your registration is cancelled.' },
  reminder: { it: "Ti ricordiamo l'evento di domani.", en: "A reminder of tomorrow's event." },
  attended: {
    it: "Gli organizzatori hanno registrato la tua presenza. Puoi scaricare l'attestato di partecipazione:",
    en: 'The organisers recorded your attendance. You can download your certificate of attendance:',
  },
  message: { it: 'Gli organizzatori ti scrivono:', en: 'The organisers write:' },
};

const fmt = (ms: number, lang: 'it' | 'en', format: string) =>
  DateTime.fromMillis(ms, { zone: ZONE }).setLocale(lang).toFormat(format);

/** A session as people read it: "martedì 3 marzo 2026, 09:30–13:00". */
export function sessionLine(s: { start: number; end: number }, lang: 'it' | 'en'): string {
  const sameDay = fmt(s.start, lang, 'yyyy-MM-dd') === fmt(s.end, lang, 'yyyy-MM-dd');
  return sameDay
    ? `${fmt(s.start, lang, 'cccc d LLLL yyyy')}, ${fmt(s.start, lang, 'HH:mm')}–${fmt(s.end, lang, 'HH:mm')}`
    : `${fmt(s.start, lang, 'd LLLL yyyy HH:mm')} – ${fmt(s.end, lang, 'd LLLL yyyy HH:mm')}`;
}

export function mailText(kind: MailKind, lang: 'it' | 'en', f: MailFacts): { subject: string; body: string } {
  const L = (it: string, en: string) => (lang === 'it' ? it : en);
  const subject =
    kind === 'message' && f.message ? `${f.title}: ${f.message.subject}` : `${SUBJECT[kind][lang]} — ${f.title}`;
  const lines = [`${L('Gentile', 'Dear')} ${f.name},`, '', LEAD[kind][lang]];
  if (kind === 'confirm-address' && f.confirmUrl) lines.push(f.confirmUrl);
  if (kind === 'attended' && f.certificateUrl) lines.push(f.certificateUrl);
  if (kind === 'message' && f.message) lines.push('', f.message.body);
  if (kind === 'waiting' && f.position)
    lines.push(L(`Posizione in lista: ${f.position}.`, `Your place in line: ${f.position}.`));
  if (kind === 'event-cancelled' && f.reason) lines.push(L(`Motivo: ${f.reason}`, `Reason: ${f.reason}`));
  lines.push('', f.title);
  for (const s of f.when) lines.push(`  ${sessionLine(s, lang)}`);
  if (f.place) lines.push(`${L('Luogo', 'Place')}: ${f.place}`);
  if (f.online && kind !== 'event-cancelled') lines.push(`${L('Collegamento', 'Online link')}: ${f.online}`);
  lines.push(f.eventUrl);
  if (f.manageUrl && kind !== 'event-cancelled' && kind !== 'registration-cancelled' && kind !== 'confirm-address')
    lines.push(
      '',
      kind === 'attended'
        ? L('Per vedere la tua iscrizione:', 'To see your registration:')
        : L('Per vedere o annullare la tua iscrizione:', 'To see or cancel your registration:'),
      f.manageUrl,
    );
  lines.push('', '— CL.O.C.K.');
  return { subject, body: lines.join('\n') };
}
