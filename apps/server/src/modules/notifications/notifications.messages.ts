/**
 * The words of notifications and their e-mails, in Italian and English. A confidential subject's notification
 * (`confidential` in its parameters, written so by notifications.rules.ts) has one neutral sentence with its reference
 * and state, whatever its kind: the reader opens it in the app.
 */
type Lang = 'it' | 'en';
type P = Record<string, string>;

const name = (p: P) => (p.title ? `${p.ref} — ${p.title}` : p.ref!);
/** 2026-11-27 → 27/11/2026 (it) or 27 Nov 2026 (en). */
const date = (iso: string | undefined, lang: Lang) => {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ?? '';
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return lang === 'it'
    ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};

const STATE: Record<Lang, Record<string, string>> = {
  it: {
    submitted: 'inviata',
    triage: 'in valutazione',
    open: 'aperta ai centri',
    team_agreed: 'squadra concordata',
    in_progress: 'in corso',
    closed: 'chiusa',
    declined: 'non accolta',
    withdrawn: 'ritirata',
    draft: 'bozza',
    on_hold: 'sospesa',
    published: 'pubblicata',
    rejected: 'respinta',
    expired: 'scaduta',
  },
  en: {
    submitted: 'submitted',
    triage: 'in triage',
    open: 'open to centres',
    team_agreed: 'team agreed',
    in_progress: 'in progress',
    closed: 'closed',
    declined: 'declined',
    withdrawn: 'withdrawn',
    draft: 'draft',
    on_hold: 'on hold',
    published: 'published',
    rejected: 'rejected',
    expired: 'expired',
  },
};

const LINES: Record<string, Record<Lang, (p: P) => string>> = {
  'request-received': {
    it: (p) =>
      `Abbiamo ricevuto la richiesta ${name(p)}. Il nucleo di coordinamento la valuterà e risponderà entro il ${p.due ? date(p.due, 'it') : 'termine previsto'}.`,
    en: (p) =>
      `We received request ${name(p)}. The coordination nucleus will review it and answer by ${p.due ? date(p.due, 'en') : 'the target date'}.`,
  },
  'request-submitted': {
    it: (p) => `Nuova richiesta da valutare: ${name(p)}.`,
    en: (p) => `New request to review: ${name(p)}.`,
  },
  'request-triage': {
    it: (p) => `La richiesta ${name(p)} è in valutazione presso il nucleo di coordinamento.`,
    en: (p) => `Request ${name(p)} is being reviewed by the coordination nucleus.`,
  },
  'request-opened': {
    it: (p) => `La richiesta ${name(p)} è stata aperta ai centri, che ora possono proporsi.`,
    en: (p) => `Request ${name(p)} is now open to the centres, who can offer to take part.`,
  },
  'request-invited': {
    it: (p) => `Una richiesta è aperta al tuo centro: ${name(p)}. Puoi manifestare interesse con una breve proposta.`,
    en: (p) => `A request is open to your centre: ${name(p)}. You can express interest with a short proposal.`,
  },
  'request-declined': {
    it: (p) => `La richiesta ${name(p)} non è stata accolta. Motivazione: ${p.reason}`,
    en: (p) => `Request ${name(p)} was declined. Reason: ${p.reason}`,
  },
  'request-withdrawn': {
    it: (p) => `La richiesta ${name(p)} è stata ritirata dall'impresa.${p.reason ? ` Motivazione: ${p.reason}` : ''}`,
    en: (p) => `Request ${name(p)} was withdrawn by the company.${p.reason ? ` Reason: ${p.reason}` : ''}`,
  },
  'request-interest': {
    it: (p) => `${p.organization} ha manifestato interesse per la richiesta ${name(p)}.`,
    en: (p) => `${p.organization} expressed interest in request ${name(p)}.`,
  },
  'request-team': {
    it: (p) =>
      `Squadra concordata per la richiesta ${name(p)}: capofila ${p.lead}${p.partners ? `, partner ${p.partners}` : ''}.`,
    en: (p) => `Team agreed for request ${name(p)}: lead ${p.lead}${p.partners ? `, partners ${p.partners}` : ''}.`,
  },
  'request-started': {
    it: (p) => `I lavori sulla richiesta ${name(p)} sono iniziati.`,
    en: (p) => `Work on request ${name(p)} has started.`,
  },
  'request-closed': {
    it: (p) => `La richiesta ${name(p)} è chiusa. Puoi lasciare una valutazione.`,
    en: (p) => `Request ${name(p)} is closed. You can leave a rating.`,
  },
  'request-rated': {
    it: (p) => `L'azienda ha valutato la richiesta ${name(p)}: ${p.rating}/5.`,
    en: (p) => `The company rated request ${name(p)}: ${p.rating}/5.`,
  },
  'request-addressed': {
    it: (p) => `Una richiesta è stata indirizzata al tuo centro da una vostra scheda del catalogo: ${name(p)}.`,
    en: (p) => `A request was addressed to your centre from one of your catalogue records: ${name(p)}.`,
  },
  'company-claim-submitted': {
    it: (p) => `${p.person} chiede di rappresentare l'impresa ${p.company}: un centro deve verificarlo.`,
    en: (p) => `${p.person} asks to act for the company ${p.company}: a centre needs to verify it.`,
  },
  'company-claim-verified': {
    it: (p) =>
      `Un centro ha verificato che rappresenti l'impresa ${p.company}: ora ne fai parte su CL.O.C.K. e puoi invitare i colleghi.`,
    en: (p) =>
      `A centre verified that you act for the company ${p.company}: you are now its member on CL.O.C.K. and can invite colleagues.`,
  },
  'company-claim-rejected': {
    it: (p) => `La richiesta di rappresentare l'impresa ${p.company} non è stata accolta. Motivazione: ${p.reason}`,
    en: (p) => `Your claim to act for the company ${p.company} was not accepted. Reason: ${p.reason}`,
  },
  'request-overdue': {
    it: (p) =>
      `La richiesta ${name(p)} è in ritardo: è nello stato «${STATE.it[p.state!] ?? p.state}» dal ${date(p.since, 'it')} e andava gestita entro il ${date(p.due, 'it')}.`,
    en: (p) =>
      `Request ${name(p)} is overdue: it has been ${STATE.en[p.state!] ?? p.state} since ${date(p.since, 'en')} and was due by ${date(p.due, 'en')}.`,
  },
};

/** What a confidential subject is called, by the module's kind. */
const CONFIDENTIAL: Record<Lang, Record<string, string>> = {
  it: { request: 'Richiesta riservata', opportunity: 'Opportunità anonima', other: 'Elemento riservato' },
  en: { request: 'Confidential request', opportunity: 'Anonymous opportunity', other: 'Confidential item' },
};

function confidentialLine(p: P, lang: Lang): string {
  const noun = CONFIDENTIAL[lang][p.subject ?? ''] ?? CONFIDENTIAL[lang].other;
  const state = p.state ? (STATE[lang][p.state] ?? p.state) : null;
  return lang === 'it'
    ? `${noun} ${p.ref}: c'è un aggiornamento${state ? ` (stato: ${state})` : ''}. Apri CL.O.C.K. per leggerlo.`
    : `${noun} ${p.ref}: there is an update${state ? ` (state: ${state})` : ''}. Open CL.O.C.K. to read it.`;
}

// Bookings: `start`/`end` are instants with offset in Europe/Rome; shown as local date and time.
const when = (p: P, lang: Lang) => {
  const s = p.start ?? '';
  const e = p.end ?? '';
  const d = date(s.slice(0, 10), lang);
  return `${d} ${s.slice(11, 16)}–${e.slice(0, 10) === s.slice(0, 10) ? '' : `${date(e.slice(0, 10), lang)} `}${e.slice(11, 16)}`;
};
const what = (p: P, lang: Lang) =>
  `${p.ref} (${lang === 'en' ? p.equipmentEn || p.equipment : p.equipment}, ${when(p, lang)})`;
Object.assign(LINES, {
  'booking-received': {
    it: (p: P) =>
      `Abbiamo ricevuto la tua richiesta di prenotazione ${what(p, 'it')}: il centro la approverà o la rifiuterà.`,
    en: (p: P) => `We received your booking request ${what(p, 'en')}: the centre will approve or decline it.`,
  },
  'booking-requested': {
    it: (p: P) => `Nuova richiesta di prenotazione da approvare: ${what(p, 'it')}.`,
    en: (p: P) => `New booking request to approve: ${what(p, 'en')}.`,
  },
  'booking-confirmed': {
    it: (p: P) => `La prenotazione ${what(p, 'it')} è confermata.`,
    en: (p: P) => `Booking ${what(p, 'en')} is confirmed.`,
  },
  'booking-declined': {
    it: (p: P) => `La richiesta di prenotazione ${what(p, 'it')} non è stata accolta. Motivazione: ${p.reason ?? ''}`,
    en: (p: P) => `Booking request ${what(p, 'en')} was declined. Reason: ${p.reason ?? ''}`,
  },
  'booking-cancelled': {
    it: (p: P) => `La prenotazione ${what(p, 'it')} è stata annullata.${p.reason ? ` Motivazione: ${p.reason}` : ''}`,
    en: (p: P) => `Booking ${what(p, 'en')} was cancelled.${p.reason ? ` Reason: ${p.reason}` : ''}`,
  },
  'booking-expired': {
    it: (p: P) =>
      `La richiesta di prenotazione ${what(p, 'it')} è scaduta senza risposta: il periodo è di nuovo libero.`,
    en: (p: P) => `Booking request ${what(p, 'en')} expired unanswered: the time is free again.`,
  },
  'booking-reminder': {
    it: (p: P) => `Promemoria: domani hai la prenotazione ${what(p, 'it')}.`,
    en: (p: P) => `Reminder: your booking ${what(p, 'en')} is tomorrow.`,
  },
  'qualification-training-request': {
    it: (p: P) =>
      `${p.person} chiede la formazione per l'abilitazione «${p.qualification}».${p.message ? ` Messaggio: ${p.message}` : ''}`,
    en: (p: P) =>
      `${p.person} asks for the training for the qualification "${p.qualificationEn || p.qualification}".${p.message ? ` Message: ${p.message}` : ''}`,
  },
  'qualification-granted': {
    it: (p: P) =>
      `Ti è stata concessa l'abilitazione «${p.qualification}»${p.validUntil ? `, valida fino al ${date(p.validUntil, 'it')}` : ''}.`,
    en: (p: P) =>
      `You were granted the qualification "${p.qualificationEn || p.qualification}"${p.validUntil ? `, valid until ${date(p.validUntil, 'en')}` : ''}.`,
  },
});

// Joint actions: the lead's name, and a milestone with its due day.
Object.assign(LINES, {
  'action-partner-added': {
    it: (p: P) =>
      `La tua organizzazione è partner dell'azione congiunta ${name(p)}${p.lead ? `, guidata da ${p.lead}` : ''}.`,
    en: (p: P) => `Your organisation is a partner of joint action ${name(p)}${p.lead ? `, led by ${p.lead}` : ''}.`,
  },
  'meeting-action-assigned': {
    it: (p: P) =>
      `Riunione del nucleo ${p.ref}: ti è stata affidata un’azione da svolgere entro il ${date(p.due, 'it')}: ${p.item ?? ''}`,
    en: (p: P) => `Nucleus meeting ${p.ref}: an action item is yours, due by ${date(p.due, 'en')}: ${p.item ?? ''}`,
  },
  'action-milestone-due': {
    it: (p: P) => `Azione congiunta ${name(p)}: la tappa «${p.milestone ?? ''}» scade il ${date(p.due, 'it')}.`,
    en: (p: P) =>
      `Joint action ${name(p)}: milestone "${p.milestoneEn || p.milestone || ''}" is due on ${date(p.due, 'en')}.`,
  },
});

// Verification reports: the period.
Object.assign(LINES, {
  'report-signature-awaited': {
    it: (p: P) => `La verifica periodica ${p.ref} (${date(p.from, 'it')} – ${date(p.to, 'it')}) attende la tua firma.`,
    en: (p: P) => `Periodic verification ${p.ref} (${date(p.from, 'en')} – ${date(p.to, 'en')}) awaits your signature.`,
  },
});

// Brokerage: an opportunity's reference and title (an anonymous one never reaches these lines: it is confidential).
const comment = (p: P, lang: Lang) =>
  p.comment ? (lang === 'it' ? ` Commento: ${p.comment}` : ` Comment: ${p.comment}`) : '';
Object.assign(LINES, {
  'opportunity-submitted': {
    it: (p: P) => `Nuova opportunità da esaminare: ${name(p)}.`,
    en: (p: P) => `New opportunity to review: ${name(p)}.`,
  },
  'opportunity-publish': {
    it: (p: P) => `L'opportunità ${name(p)} è stata pubblicata.`,
    en: (p: P) => `Opportunity ${name(p)} is published.`,
  },
  'opportunity-hold': {
    it: (p: P) => `L'opportunità ${name(p)} è sospesa: il centro chiede modifiche.${comment(p, 'it')}`,
    en: (p: P) => `Opportunity ${name(p)} is on hold: the centre asks for changes.${comment(p, 'en')}`,
  },
  'opportunity-reject': {
    it: (p: P) => `L'opportunità ${name(p)} non è stata accolta.${comment(p, 'it')}`,
    en: (p: P) => `Opportunity ${name(p)} was rejected.${comment(p, 'en')}`,
  },
  'opportunity-new': {
    it: (p: P) => `Nuova opportunità nella tua filiera: ${name(p)}.`,
    en: (p: P) => `New opportunity in your supply chain: ${name(p)}.`,
  },
  'opportunity-interest': {
    it: (p: P) => `${p.company} è interessata all'opportunità ${name(p)}.`,
    en: (p: P) => `${p.company} is interested in opportunity ${name(p)}.`,
  },
  'interest-accepted': {
    it: (p: P) => `Il tuo interesse per l'opportunità ${name(p)} è stato accolto: il centro vi metterà in contatto.`,
    en: (p: P) => `Your interest in opportunity ${name(p)} was accepted: the centre will introduce you.`,
  },
  'interest-declined': {
    it: (p: P) => `Il tuo interesse per l'opportunità ${name(p)} non è stato accolto.`,
    en: (p: P) => `Your interest in opportunity ${name(p)} was declined.`,
  },
  'interest-expired': {
    it: (p: P) => `Un'espressione di interesse per l'opportunità ${name(p)} è scaduta senza risposta.`,
    en: (p: P) => `An expression of interest in opportunity ${name(p)} expired unanswered.`,
  },
  'interest-reminder': {
    it: (p: P) =>
      `Promemoria: un'espressione di interesse per ${name(p)} attende risposta entro il ${date(p.due, 'it')}.`,
    en: (p: P) => `Reminder: an expression of interest in ${name(p)} awaits an answer by ${date(p.due, 'en')}.`,
  },
  'introduction-made': {
    it: (p: P) =>
      `Il centro vi ha messo in contatto per l'opportunità ${name(p)}: trovate i riferimenti nella presentazione.`,
    en: (p: P) => `The centre introduced you about opportunity ${name(p)}: the introduction has the contacts.`,
  },
  'outcome-asked': {
    it: (p: P) => `Sono passati ${p.months} mesi dalla presentazione per ${name(p)}: com'è andata?`,
    en: (p: P) => `${p.months} months have passed since the introduction about ${name(p)}: what came of it?`,
  },
  'agreement-reported': {
    it: (p: P) => `È stato dichiarato un accordo nato dall'opportunità ${name(p)}: va confermato.`,
    en: (p: P) => `An agreement born of opportunity ${name(p)} was reported: it awaits your confirmation.`,
  },
  'opportunity-expiring': {
    it: (p: P) => `L'opportunità ${name(p)} scade il ${date(p.due, 'it')}.`,
    en: (p: P) => `Opportunity ${name(p)} expires on ${date(p.due, 'en')}.`,
  },
  'opportunity-expired': {
    it: (p: P) => `L'opportunità ${name(p)} è scaduta.`,
    en: (p: P) => `Opportunity ${name(p)} has expired.`,
  },
});

export function notificationLine(kind: string, params: P, lang: Lang): string {
  if (params.confidential) return confidentialLine(params, lang);
  return LINES[kind]?.[lang](params) ?? `${kind}: ${name(params)}`;
}

/** The link of a message: the subject's page (older notifications of requests carry only the request's id). */
function linkOf(params: P, requestId: string | null, publicUrl: string): string | null {
  if (params.path?.startsWith('/')) return `${publicUrl}${params.path}`;
  return requestId ? `${publicUrl}/richieste/${requestId}` : null;
}

const FOOTER: Record<Lang, (url: string) => string> = {
  it: (url) =>
    `Ricevi questo messaggio perché partecipi a CL.O.C.K. Puoi scegliere un riepilogo giornaliero o nessuna e-mail: ${url}/notifiche`,
  en: (url) =>
    `You receive this message because you take part in CL.O.C.K. You can choose a daily digest or no e-mail: ${url}/notifiche`,
};

export function eventMail(kind: string, params: P, lang: Lang, publicUrl: string, requestId: string | null) {
  const subject =
    `[CL.O.C.K.] ${params.ref ?? params.company ?? ''} ${lang === 'it' ? 'aggiornamento' : 'update'}`.replace(
      /\s+/g,
      ' ',
    );
  const url = linkOf(params, requestId, publicUrl);
  const link = !url
    ? ''
    : requestId
      ? `${lang === 'it' ? 'Apri la richiesta' : 'Open the request'}: ${url}`
      : `${lang === 'it' ? 'Apri' : 'Open'}: ${url}`;
  return {
    subject,
    body: [notificationLine(kind, params, lang), '', link, '', '--', FOOTER[lang](publicUrl)].join('\n'),
  };
}

export function digestMail(
  items: { kind: string; params: P; requestId: string | null }[],
  lang: Lang,
  publicUrl: string,
) {
  const subject =
    lang === 'it'
      ? `[CL.O.C.K.] Riepilogo giornaliero: ${items.length} aggiornamenti`
      : `[CL.O.C.K.] Daily digest: ${items.length} updates`;
  const lines = items.map((i) => {
    const url = linkOf(i.params, i.requestId, publicUrl);
    return `- ${notificationLine(i.kind, i.params, lang)}${url ? `\n  ${url}` : ''}`;
  });
  const head = lang === 'it' ? 'Gli aggiornamenti delle ultime 24 ore:' : 'Updates of the last 24 hours:';
  return { subject, body: [head, '', ...lines, '', '--', FOOTER[lang](publicUrl)].join('\n') };
}
