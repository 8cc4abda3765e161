import PDFDocument from 'pdfkit';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './events.repo.ts';
import { isOrganizer } from './events.rules.ts';
import { sessionLine } from './events.mail.rules.ts';
import { loadEvent, type EventDeps } from './events.service.ts';
import { tokenOpens } from './registrations.service.ts';
import { eventUrl } from './ics.rules.ts';

/**
 * The attendance certificate: an A4 PDF (pdfkit, the standard Helvetica font: no font files) with the person, the
 * event, its organisers, the sessions attended and their hours, and a verification code the organisers can look up
 * (it is printed on the registration). For the registrant (signed-in owner or the registration's token) and the
 * event's organisers, once attendance is recorded.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function certificatePdf(deps: EventDeps, actor: Actor, id: string, token?: string): Promise<Buffer> {
  const r = UUID.test(id) ? await repo.findRegistration(deps.db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', `No registration with id "${id}"`);
  const e = (await loadEvent(deps.db, r.eventId))!;
  const owner = actor.kind === 'member' && actor.userId !== null && actor.userId === r.userId;
  const byToken = tokenOpens(r, token, 'read');
  if (!owner && !byToken && !isOrganizer(actor, e.facts.organizers))
    throw new AppError('NOT_FOUND', `No registration with id "${id}"`);
  if (r.state !== 'attended' || !r.certificateCode)
    throw new AppError('CONFLICT', 'A certificate is issued once the organisers have recorded attendance');
  const attendance = (await repo.attendanceOf(deps.db, e.row.id)).filter((a) => a.registrationId === id && a.present);
  const attended = e.sessions.filter((s) => attendance.some((a) => a.sessionId === s.id));
  const hours = attended.reduce((h, s) => h + (s.end - s.start) / 3_600_000, 0);
  const lang = r.lang === 'en' ? 'en' : 'it';
  const L = (it: string, en: string) => (lang === 'it' ? it : en);
  const title = e.row.title[lang] ?? e.row.title.it ?? e.row.title.en ?? '';

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { Title: `${L('Attestato di partecipazione', 'Certificate of attendance')} — ${title}`, Author: 'CL.O.C.K.' },
    lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555')
    .text('CL.O.C.K. — CLuster Of Clusters for Knowledge', { align: 'center' });
  doc.moveDown(3);
  doc
    .font('Helvetica-Bold')
    .fontSize(24)
    .fillColor('#06c')
    .text(L('Attestato di partecipazione', 'Certificate of attendance'), { align: 'center' });
  doc.moveDown(2);
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#000')
    .text(L('Si attesta che', 'This is to certify that'), { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(18).text(r.name, { align: 'center' });
  if (r.organizationName) doc.font('Helvetica').fontSize(12).text(r.organizationName, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(12).text(L('ha partecipato a', 'attended'), { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`${L('Organizzato da', 'Organised by')}: ${e.organizers.map((o) => o.name).join(', ')}`, { align: 'center' });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(12).text(L('Sessioni frequentate', 'Sessions attended'));
  doc.font('Helvetica').fontSize(11);
  for (const s of attended) doc.text(`• ${sessionLine(s, lang)}`);
  doc.moveDown(0.5);
  const h = Math.round(hours * 10) / 10;
  doc.text(
    L(
      `Ore di presenza: ${String(h).replace('.', ',')} (${attended.length} di ${e.sessions.length} sessioni)`,
      `Hours attended: ${h} (${attended.length} of ${e.sessions.length} sessions)`,
    ),
  );
  doc.moveDown(2);
  doc.fontSize(10).fillColor('#333');
  doc.text(`${L('Codice di verifica', 'Verification code')}: ${r.certificateCode}`);
  doc.text(`${L('Evento', 'Event')}: ${eventUrl(deps.publicUrl, e.row.id)}`);
  doc.end();
  return done;
}
