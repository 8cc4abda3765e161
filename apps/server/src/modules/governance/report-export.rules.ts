import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { Report } from '@clock/contracts';

/**
 * A verification report as a PDF for the Region's records (A4: title, period, signatures with dates, the content
 * hash, the KPI table with targets and RAG statuses, bar charts of value against target, objectives, the joint
 * actions and nucleus meetings of the period, comments, conclusions) and as CSV (one row per KPI and per objective).
 */
type Lang = 'it' | 'en';
const WORDS = {
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
    chart: 'Valore rispetto all’obiettivo pro rata (linee a 70 % e 90 %)',
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
    chart: 'Value against the pro-rata target (lines at 70 % and 90 %)',
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
  },
};
const COLOURS = { green: '#008055', amber: '#a66300', red: '#cc334d', none: '#5c6f82' } as const;
const UNITS: Record<Lang, Record<string, string>> = {
  it: { hours: 'ore', 'working days': 'gg lavorativi', EUR: '€', rating: '/ 5' },
  en: { EUR: '€', rating: '/ 5' },
};
function fmt(v: number | null, unit: string, kind: string, lang: Lang): string {
  if (v === null) return '—';
  if (kind === 'boolean') return v ? (lang === 'it' ? 'sì' : 'yes') : 'no';
  const n = Number.isInteger(v) ? String(v) : v.toFixed(2);
  const number = lang === 'it' ? n.replace('.', ',') : n;
  if (unit === 'count') return number;
  return `${number} ${unit === '%' ? '%' : (UNITS[lang][unit] ?? unit)}`;
}
const text = (t: { it?: string; en?: string }, lang: Lang) => t[lang] ?? t.it ?? t.en ?? '';

export function reportPdf(r: Report, lang: Lang = 'it'): Promise<Buffer> {
  const w = WORDS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: `${w.title} ${r.reference}`, Author: 'CL.O.C.K.', Subject: `${r.from} – ${r.to}` },
    lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (s: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#003366').text(s, left).moveDown(0.3);
    doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a');
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#003366').text(`${w.title} — ${r.reference}`);
  doc.font('Helvetica').fontSize(10).fillColor('#333333').text(w.subtitle).moveDown(0.6);
  doc.fillColor('#1a1a1a').fontSize(11);
  doc.text(`${w.period}: ${r.from} – ${r.to}    ${w.revision}: ${r.revision}    ${w.state}: ${w.states[r.state]}`);
  if (r.reopenReason) doc.text(`${w.reopened}: ${r.reopenReason}`);
  doc.fontSize(9).fillColor('#5c6f82').text(`${w.assembled} ${r.assembledAt}`).moveDown(0.4);
  doc.fontSize(9).fillColor('#1a1a1a').font('Helvetica-Bold').text(w.hash);
  doc
    .font('Courier')
    .fontSize(8.5)
    .text(r.contentHash ?? w.noHash);
  doc.font('Helvetica');

  heading(w.signatures);
  for (const s of r.signatures)
    doc.text(`${s.position}. ${s.organization} (${s.role}) — ${s.signer ? `${s.signer}, ${s.signedAt}` : w.unsigned}`);

  heading(w.kpis);
  const kpiCols = [width * 0.52, width * 0.16, width * 0.16, width * 0.16];
  /** A table row; `colour` paints the last cell (the status). */
  const row = (cells: string[], bold = false, colour?: string, cols = kpiCols) => {
    if (doc.y > doc.page.height - 90) doc.addPage();
    const y = doc.y;
    let x = left;
    let h = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((c, i) => {
      doc.fillColor(i === cells.length - 1 && colour ? colour : '#1a1a1a').text(c, x + 2, y, { width: cols[i]! - 4 });
      h = Math.max(h, doc.y - y);
      x += cols[i]!;
    });
    doc
      .moveTo(left, y + h + 2)
      .lineTo(left + width, y + h + 2)
      .lineWidth(0.4)
      .strokeColor('#c5c7c9')
      .stroke();
    doc.x = left;
    doc.y = y + h + 5;
  };
  row([w.kpi, w.value, w.target, w.status], true);
  for (const k of r.kpis)
    row(
      [
        text(k.labels, lang),
        fmt(k.value, k.unit, k.kind, lang),
        fmt(k.target, k.unit, k.kind, lang),
        w.statuses[k.status],
      ],
      false,
      COLOURS[k.status],
    );

  const charted = r.kpis.filter((k) => k.target !== null && k.target !== 0 && k.value !== null);
  if (charted.length) {
    heading(w.chart);
    const labelW = width * 0.42;
    const barW = width - labelW - 50;
    const max = 1.5;
    for (const k of charted) {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      const ratio = k.direction === 'up' ? k.value! / k.target! : k.value! === 0 ? max : k.target! / k.value!;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#1a1a1a')
        .text(text(k.labels, lang), left, y, { width: labelW - 6, height: 20, ellipsis: true });
      const x0 = left + labelW;
      doc.rect(x0, y, barW, 11).fillColor('#f0f0f0').fill();
      doc
        .rect(x0, y, (barW * Math.min(Math.max(ratio, 0), max)) / max, 11)
        .fillColor(COLOURS[k.status])
        .fill();
      for (const mark of [0.7, 0.9, 1])
        doc
          .moveTo(x0 + (barW * mark) / max, y - 2)
          .lineTo(x0 + (barW * mark) / max, y + 13)
          .lineWidth(mark === 1 ? 1 : 0.5)
          .strokeColor('#333333')
          .stroke();
      doc.fillColor('#1a1a1a').text(`${Math.round(ratio * 100)} %`, x0 + barW + 6, y + 1);
      doc.x = left;
      doc.y = y + 20;
    }
  }

  heading(w.objectives);
  if (!r.objectives.length) doc.text(w.none);
  for (const o of r.objectives) {
    if (doc.y > doc.page.height - 90) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fillColor(COLOURS[o.status])
      .text(`${o.reference} · ${o.organization ?? w.network} · ${w.statuses[o.status]}`, left);
    doc.font('Helvetica').fillColor('#1a1a1a').text(text(o.text, lang));
    if (o.kpis.length) doc.fontSize(8.5).fillColor('#5c6f82').text(o.kpis.join(', ')).fontSize(10);
    if (o.override)
      doc
        .fontSize(9)
        .fillColor('#1a1a1a')
        .text(`${w.override} (${w.statuses[o.computedStatus]} → ${w.statuses[o.status]}): ${o.override.comment}`)
        .fontSize(10);
    doc.moveDown(0.4);
  }

  const actions = r.sections.actions;
  if (actions) {
    heading(w.actions);
    doc.text(w.actionCounts(actions.counts.onTime, actions.counts.late, actions.counts.closed)).moveDown(0.3);
    const cols = [width * 0.4, width * 0.34, width * 0.1, width * 0.16];
    row([w.action, w.lead, w.progress, w.standing], true, undefined, cols);
    for (const a of actions.items)
      row(
        [
          `${a.ref} ${text(a.title, lang)} (${a.start} – ${a.end})`,
          [a.lead.name, ...a.partners.map((p) => p.name)].join(', '),
          a.progress === null ? '—' : `${Math.round(a.progress)} %`,
          a.standing === 'closed' && a.onTime === false ? w.closedLate : w.standings[a.standing],
        ],
        false,
        a.standing === 'late' || a.onTime === false ? COLOURS.red : COLOURS.green,
        cols,
      );
    if (!actions.items.length) doc.text(w.none);
  }
  const meetings = r.sections.meetings;
  if (meetings) {
    heading(w.meetings);
    if (!meetings.items.length) doc.text(w.none);
    for (const m of meetings.items) {
      if (doc.y > doc.page.height - 110) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${m.ref} — ${m.startsAt.slice(0, 10)}`, left);
      doc.font('Helvetica').fontSize(9);
      if (m.decisions.length) {
        doc.font('Helvetica-Oblique').text(w.decisions).font('Helvetica');
        doc.list(m.decisions, { bulletRadius: 1.5, textIndent: 10, indent: 6 });
      }
      if (m.actions.length) {
        doc.font('Helvetica-Oblique').text(w.meetingActions).font('Helvetica');
        doc.list(
          m.actions.map(
            (a) =>
              `${a.text} — ${a.owner ?? w.noOwner}${a.due ? `, ${w.due} ${a.due}` : ''} (${a.open ? (a.overdue ? w.overdue : w.open) : w.done})`,
          ),
          { bulletRadius: 1.5, textIndent: 10, indent: 6 },
        );
      }
      doc.x = left;
      doc.fontSize(10).moveDown(0.5);
    }
  }

  heading(w.comments);
  if (!r.comments.length) doc.text(w.none);
  for (const c of r.comments) {
    doc.font('Helvetica-Bold').text(`${c.organization} — ${c.author}`, left);
    doc.font('Helvetica').text(c.comment).moveDown(0.3);
  }
  heading(w.conclusions);
  doc.text(r.conclusions || w.none);
  heading(w.adjustments);
  doc.text(r.adjustments || w.none);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#5c6f82')
      .text(`${r.reference} · ${r.from} – ${r.to} · ${w.page} ${i + 1}/${range.count}`, left, doc.page.height - 36, {
        width,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/**
 * CSV: one row per KPI, per objective, per joint action (progress as value, standing as status, lead and partners as
 * comment), per meeting decision (its day as comment) and per meeting action item (due day as target, owner as
 * comment). RFC 4180, a header row.
 */
export function reportCsv(r: Report): string {
  const rows: (string | number)[][] = [];
  for (const k of r.kpis)
    rows.push([
      'kpi',
      k.code,
      k.labels.it ?? k.label,
      k.value ?? '',
      k.unit,
      k.target ?? '',
      k.baseline ?? '',
      k.status,
      '',
    ]);
  for (const o of r.objectives)
    rows.push([
      'objective',
      o.reference,
      o.text.it ?? o.text.en ?? '',
      '',
      '',
      '',
      '',
      o.status,
      o.override ? o.override.comment : '',
    ]);
  for (const a of r.sections.actions?.items ?? [])
    rows.push([
      'action',
      a.ref,
      a.title.it ?? a.title.en ?? '',
      a.progress ?? '',
      '%',
      '',
      '',
      a.standing,
      [a.lead.name, ...a.partners.map((p) => p.name)].join('; '),
    ]);
  for (const m of r.sections.meetings?.items ?? []) {
    for (const d of m.decisions) rows.push(['decision', m.ref, d, '', '', '', '', '', m.startsAt.slice(0, 10)]);
    for (const a of m.actions)
      rows.push([
        'meeting-action',
        m.ref,
        a.text,
        '',
        '',
        a.due ?? '',
        '',
        a.open ? (a.overdue ? 'overdue' : 'open') : 'done',
        a.owner ?? '',
      ]);
  }
  return stringify(rows, {
    header: true,
    columns: ['kind', 'code', 'label', 'value', 'unit', 'target', 'baseline', 'status', 'comment'],
    record_delimiter: 'windows',
  });
}
