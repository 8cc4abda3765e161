import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.ts';
import { ZONE } from '../../core/calendar.ts';
import { dayRef } from './opportunities.rules.ts';
import { agenda, dayOr404 } from './matchmaking.service.ts';
import { requirePerson, type BrokerageDeps } from './opportunities.service.ts';
import * as repo from './matchmaking.repo.ts';

/**
 * A participant's agenda for a matchmaking day as an A4 PDF to print or keep on a phone (pdfkit, the standard
 * Helvetica font: no font files): the day, the person, then one row per meeting — time, table, the person met and
 * their organisation. Only the participant reads it, like the agenda itself.
 */
export async function agendaPdf(deps: BrokerageDeps, actor: Actor, id: string, lang: 'it' | 'en'): Promise<Buffer> {
  const d = await dayOr404(deps.db, id);
  const a = await agenda(deps, actor, id);
  const L = (it: string, en: string) => (lang === 'it' ? it : en);
  const title = d.title[lang] ?? d.title.it ?? d.title.en ?? dayRef(d.number);
  const date = DateTime.fromISO(d.day, { zone: ZONE }).setLocale(lang === 'it' ? 'it-IT' : 'en-GB');
  const me = requirePerson(actor);
  const [profile] = await repo.profilesOf(deps.db, id, [(await repo.profileOfUser(deps.db, id, me.userId))!]);
  const name = [profile?.name, profile?.organizationName].filter(Boolean).join(' — ');

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `${L('Agenda', 'Agenda')} — ${title}`, Author: 'CL.O.C.K.' },
    lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica').fontSize(10).fillColor('#555').text('CL.O.C.K. — CLuster Of Clusters for Knowledge');
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#06c').text(title);
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#000')
    .text(`${date.toFormat('cccc d LLLL yyyy')} · ${dayRef(d.number)}`);
  if (name) doc.text(`${L('Agenda di', 'Agenda of')} ${name}`);
  doc.moveDown(1.5);

  if (!a.items.length) {
    doc.text(L('Nessun incontro in agenda.', 'No meetings in the agenda.'));
  } else {
    const x = { time: 56, table: 150, with: 215 };
    const header = (y: number) => {
      doc.font('Helvetica-Bold').fontSize(11).fillColor('#000');
      doc.text(L('Orario', 'Time'), x.time, y);
      doc.text(L('Tavolo', 'Table'), x.table, y);
      doc.text(L('Con', 'With'), x.with, y);
      doc
        .moveTo(56, y + 16)
        .lineTo(539, y + 16)
        .strokeColor('#999')
        .stroke();
      return y + 22;
    };
    let y = header(doc.y);
    doc.font('Helvetica').fontSize(11);
    for (const m of a.items) {
      const who = `${m.with.name}${m.with.organization ? ` — ${m.with.organization}` : ''}`;
      const h = Math.max(16, doc.heightOfString(who, { width: 324 }) + 4);
      if (y + h > 780) {
        doc.addPage();
        y = header(56);
        doc.font('Helvetica').fontSize(11);
      }
      const t = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toFormat('HH:mm');
      doc.text(`${t(m.start)}–${t(m.end)}`, x.time, y);
      doc.text(String(m.table), x.table, y);
      doc.text(who, x.with, y, { width: 324 });
      y += h;
    }
  }
  doc.end();
  return done;
}
