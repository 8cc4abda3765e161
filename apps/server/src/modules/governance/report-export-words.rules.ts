/**
 * The words and number formats of the verification report's PDF, in Italian and English (report-export.rules.ts).
 */
export type Lang = 'it' | 'en';
export const WORDS = {
  it: {
    title: 'Verifica periodica delle attività',
    subtitle: 'Protocollo d’intesa CL.O.C.K. — Regione Toscana e centri di trasferimento tecnologico',
    period: 'Periodo',
    revision: 'Revisione',
    state: 'Stato',
    states: { draft: 'bozza', signing: 'in firma', signed: 'firmato', reopened: 'riaperto' },
    hash: 'Impronta SHA-256 del contenuto firmato',
    noHash: 'non ancora firmato da tutti',
    kpis: 'Indicatori',
    kpi: 'Indicatore',
    value: 'Valore',
    target: 'Obiettivo',
    status: 'Stato',
    statuses: { green: 'in linea', amber: 'attenzione', red: 'critico', none: '—' },
    chart: 'Valore rispetto all’obiettivo pro rata (linee a 70 %, 90 % e 100 %)',
    objectives: 'Obiettivi',
    network: 'Rete',
    override: 'Stato modificato dal nucleo',
    comments: 'Osservazioni dei centri',
    conclusions: 'Conclusioni del nucleo',
    adjustments: 'Adeguamenti proposti alla Regione',
    signatures: 'Firme',
    unsigned: 'da firmare',
    reopened: 'Riaperto per',
    page: 'Pagina',
    assembled: 'Dati assemblati il',
    none: 'Nessuno.',
    actions: 'Azioni congiunte del periodo',
    actionCounts: (a: number, b: number, c: number) => `In tempo: ${a} · in ritardo: ${b} · concluse: ${c}`,
    action: 'Azione',
    lead: 'Capofila e partner',
    progress: 'Avanz.',
    standing: 'Andamento',
    standings: { 'on-time': 'in tempo', late: 'in ritardo', closed: 'conclusa' },
    closedLate: 'conclusa in ritardo',
    meetings: 'Riunioni del nucleo nel periodo',
    decisions: 'Decisioni',
    meetingActions: 'Azioni assegnate',
    open: 'aperta',
    done: 'svolta',
    overdue: 'scaduta',
    due: 'entro il',
    noOwner: 'senza responsabile',
    region: 'Regione',
  },
  en: {
    title: 'Periodic verification of the activities',
    subtitle: 'CL.O.C.K. memorandum of understanding — Regione Toscana and the technology-transfer centres',
    period: 'Period',
    revision: 'Revision',
    state: 'State',
    states: { draft: 'draft', signing: 'being signed', signed: 'signed', reopened: 'reopened' },
    hash: 'SHA-256 fingerprint of the signed content',
    noHash: 'not yet signed by everyone',
    kpis: 'Indicators',
    kpi: 'Indicator',
    value: 'Value',
    target: 'Target',
    status: 'Status',
    statuses: { green: 'on track', amber: 'at risk', red: 'off track', none: '—' },
    chart: 'Value against the pro-rata target (lines at 70 %, 90 % and 100 %)',
    objectives: 'Objectives',
    network: 'Network',
    override: 'Status set by the nucleus',
    comments: "Centres' comments",
    conclusions: "The nucleus's conclusions",
    adjustments: 'Adjustments proposed to the Region',
    signatures: 'Signatures',
    unsigned: 'to be signed',
    reopened: 'Reopened because',
    page: 'Page',
    assembled: 'Data assembled on',
    none: 'None.',
    actions: 'Joint actions in the period',
    actionCounts: (a: number, b: number, c: number) => `On time: ${a} · late: ${b} · closed: ${c}`,
    action: 'Action',
    lead: 'Lead and partners',
    progress: 'Progress',
    standing: 'Standing',
    standings: { 'on-time': 'on time', late: 'late', closed: 'closed' },
    closedLate: 'closed late',
    meetings: 'Nucleus meetings in the period',
    decisions: 'Decisions',
    meetingActions: 'Action items',
    open: 'open',
    done: 'done',
    overdue: 'overdue',
    due: 'due',
    noOwner: 'no owner',
    region: 'Region',
  },
};
export const COLOURS = { green: '#008055', amber: '#a66300', red: '#cc334d', none: '#5c6f82' } as const;
const UNITS: Record<Lang, Record<string, string>> = {
  it: { hours: 'ore', 'working days': 'gg lavorativi', EUR: '€', rating: '/ 5' },
  en: { EUR: '€', rating: '/ 5' },
};
/** Decimals worth reading per unit: whole euros, tenths of hours, percentages and counts; ratings and days as kept. */
const DECIMALS: Record<string, number> = { EUR: 0, hours: 1, '%': 1, count: 1 };
/**
 * A KPI value in words: thousands grouped (12.500 €, 1,250 h), a pro-rata target rounded as the value is read
 * (5.951 €, not 5950,68 €), "—" for no data, sì/no for a yes/no KPI.
 */
export function fmt(v: number | null, unit: string, kind: string, lang: Lang): string {
  if (v === null) return '—';
  if (kind === 'boolean') return v ? (lang === 'it' ? 'sì' : 'yes') : 'no';
  const number = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    maximumFractionDigits: DECIMALS[unit] ?? 2,
    useGrouping: 'always' as unknown as boolean,
  }).format(v);
  if (unit === 'count') return number;
  return `${number} ${unit === '%' ? '%' : (UNITS[lang][unit] ?? unit)}`;
}
export const text = (t: { it?: string; en?: string }, lang: Lang) => t[lang] ?? t.it ?? t.en ?? '';
/** A day as people read it: "1 gennaio 2026" / "1 January 2026". */
export function day(iso: string, lang: Lang): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
/** An instant in Europe/Rome, as the days are written: "12 luglio 2026, 10:00" / "12 July 2026, 10:00". */
export function instant(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  }).format(d);
  const date = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Rome',
  }).format(d);
  return `${date}, ${time}`;
}
