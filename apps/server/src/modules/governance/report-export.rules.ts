import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { Report } from '@clock/contracts';
import { COLOURS, day, fmt, instant, text, WORDS, type Lang } from './report-export-words.rules.ts';

/**
 * A verification report as a PDF for the Region's records (A4: title, period, signatures with dates, the content
 * hash, the KPI table with targets and RAG statuses, bar charts of value against target, objectives, the joint
 * actions and nucleus meetings of the period, comments, conclusions) and as CSV (one row per KPI and per objective).
 */

/** `names`: the parties' names by organisation id (the report carries ids). */
export function reportPdf(r: Report, lang: Lang = 'it', names: Record<string, string> = {}): Promise<Buffer> {
  const w = WORDS[lang];
  const nameOf = (id: string) => names[id] ?? id;
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
  doc.text(
    `${w.period}: ${day(r.from, lang)} – ${day(r.to, lang)}    ${w.revision}: ${r.revision}    ${w.state}: ${w.states[r.state]}`,
  );
  if (r.reopenReason) doc.text(`${w.reopened}: ${r.reopenReason}`);
  doc
    .fontSize(9)
    .fillColor('#5c6f82')
    .text(`${w.assembled} ${instant(r.assembledAt, lang)}`)
    .moveDown(0.4);
  doc.fontSize(9).fillColor('#1a1a1a').font('Helvetica-Bold').text(w.hash);
  doc
    .font('Courier')
    .fontSize(8.5)
    .text(r.contentHash ?? w.noHash);
  doc.font('Helvetica');

  heading(w.signatures);
  for (const s of r.signatures)
    doc.text(
      `${s.position}. ${nameOf(s.organization)}${s.role === 'region' ? ` (${w.region})` : ''} — ${
        s.signer && s.signedAt ? `${s.signer}, ${instant(s.signedAt, lang)}` : w.unsigned
      }`,
    );

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

  // A yes/no KPI has no share of its target to draw (the table says sì or no).
  const charted = r.kpis.filter((k) => k.kind !== 'boolean' && k.target !== null && k.target !== 0 && k.value !== null);
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
      .text(`${o.reference} · ${o.organization ? nameOf(o.organization) : w.network} · ${w.statuses[o.status]}`, left);
    doc.font('Helvetica').fillColor('#1a1a1a').text(text(o.text, lang));
    for (const v of o.values) {
      const k = r.kpis.find((x) => x.code === v.code);
      const kind = k?.kind ?? 'count';
      doc
        .fontSize(8.5)
        .fillColor('#333333')
        .text(
          `– ${k ? text(k.labels, lang) : v.code}: ${fmt(v.value, v.unit, kind, lang)} (${w.target.toLowerCase()} ${fmt(v.target, v.unit, kind, lang)}) — ${w.statuses[v.status]}`,
          { indent: 8 },
        );
    }
    doc.fontSize(10);
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
          `${a.ref} ${text(a.title, lang)} (${day(a.start, lang)} – ${day(a.end, lang)})`,
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
        .text(`${m.ref} — ${instant(m.startsAt, lang)}`, left);
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
              `${a.text} — ${a.owner ?? w.noOwner}${a.due ? `, ${w.due} ${day(a.due, lang)}` : ''} (${a.open ? (a.overdue ? w.overdue : w.open) : w.done})`,
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
    doc.font('Helvetica-Bold').text(`${nameOf(c.organization)} — ${c.author}`, left);
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
    doc.font('Helvetica').fontSize(8).fillColor('#5c6f82');
    doc.text(
      `${r.reference} · ${day(r.from, lang)} – ${day(r.to, lang)} · ${w.page} ${i + 1}/${range.count}`,
      left,
      doc.page.height - 36,
      {
        width,
        align: 'center',
      },
    );
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
