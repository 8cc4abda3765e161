import crypto from 'node:crypto';
import type { EventKind, EventMode } from '@clock/contracts';
import type { Tx } from '../client.ts';
import type { EventPlaceValue, LocalizedText } from '../schema/index.ts';
import { addDays, localDay, zonedTime } from '../../core/calendar.ts';
import * as repo from '../../modules/events/events.repo.ts';
import * as qualRepo from '../../modules/bookings/qualifications.repo.ts';

/**
 * A year of events of the demo network, six months back and six ahead of the day it is loaded: what the six centres
 * really do (paper and tissue testing and building at Lucense, EU project writing and vocational training at ASEV,
 * geothermal energy and the combustion test site at CoSviG, pilot plants for chemistry and the circular economy at
 * the Magona technology park, boat building and ports at NAVIGO, life sciences at TLS), some co-organised with the
 * Region. Past events have their participants and attendance recorded; upcoming ones are open; one is full with a
 * waiting list, one is cancelled, one is a draft, one is for the network only; two courses of two sessions grant a
 * demo qualification (the past one has granted it). Runs inside the demo's transaction, once.
 */

interface DemoEvent {
  lead: string;
  co?: string[];
  kind: EventKind;
  mode?: EventMode;
  title: LocalizedText;
  summary: LocalizedText;
  /** Days from today of each session, its local start (HH:MM) and length in minutes. */
  sessions: [number, string, number][];
  filiere?: string[];
  s3?: string[];
  capacity?: number;
  place?: EventPlaceValue;
  state?: 'draft' | 'cancelled';
  cancelReason?: string;
  visibility?: 'network';
  /** The demo qualification (organisation, Italian name) it grants. */
  grants?: [string, string];
  /** How many registrants (taken from the demo people and visitors); `waiting` more when full. */
  registrants: number;
  waiting?: number;
  price?: number;
}

const PLACES: Record<string, EventPlaceValue> = {
  lucense: { name: 'Polo Tecnologico Lucchese', address: 'Sorbano del Giudice, Lucca', lat: 43.819, lon: 10.523 },
  asev: { name: 'ASEV, aule di formazione', address: 'Via delle Fiascaie, Empoli', lat: 43.7215, lon: 10.936 },
  cosvig: { name: 'CoSviG', address: 'Larderello, Pomarance (PI)', lat: 43.2375, lon: 10.8824 },
  sesta: { name: 'Sesta Lab', address: 'Radicondoli (SI)', lat: 43.2603, lon: 11.0445 },
  cptm: { name: 'Polo Tecnologico Magona', address: 'Cecina (LI)', lat: 43.3105, lon: 10.5215 },
  navigo: { name: 'NAVIGO', address: 'Viareggio (LU)', lat: 43.8625, lon: 10.2455 },
  tls: { name: 'Toscana Life Sciences', address: 'Siena', lat: 43.3335, lon: 11.314 },
  regione: { name: 'Palazzo Strozzi Sacrati', address: 'Piazza del Duomo, Firenze', lat: 43.7731, lon: 11.2567 },
};

const EVENTS: DemoEvent[] = [
  {
    lead: 'lucense',
    kind: 'seminar',
    title: {
      it: 'Fibra riciclata nel tissue: come misurarne la resa',
      en: 'Recycled fibre in tissue: measuring what it yields',
    },
    summary: {
      it: 'I laboratori TissueLAB e FiberLAB presentano prove e indicatori per usare più fibra riciclata senza perdere morbidezza e resistenza.',
      en: 'TissueLAB and FiberLAB present tests and indicators for using more recycled fibre without losing softness and strength.',
    },
    sessions: [[-160, '09:30', 180]],
    filiere: ['carta'],
    s3: ['s3-advanced-materials'],
    capacity: 40,
    registrants: 9,
  },
  {
    lead: 'asev',
    kind: 'course',
    title: { it: 'Scrivere un progetto europeo: corso per PMI', en: 'Writing an EU project: a course for SMEs' },
    summary: {
      it: 'Due pomeriggi su bandi regionali ed europei, dal partenariato al budget, con esempi di proposte finanziate.',
      en: 'Two afternoons on regional and EU calls, from the partnership to the budget, with funded proposals as examples.',
    },
    sessions: [
      [-130, '14:30', 180],
      [-123, '14:30', 180],
    ],
    s3: ['s3-smart-enterprise'],
    capacity: 25,
    registrants: 8,
    price: 12000,
  },
  {
    lead: 'cosvig',
    co: ['regione-toscana'],
    kind: 'open-lab',
    title: { it: 'Porte aperte al Sesta Lab: turbine e idrogeno', en: 'Open day at Sesta Lab: turbines and hydrogen' },
    summary: {
      it: 'Visita guidata al sito di prova dei combustori in scala reale e alle prove di combustione con idrogeno.',
      en: 'A guided visit of the full-scale combustor test site and its hydrogen combustion tests.',
    },
    sessions: [[-95, '10:00', 240]],
    place: PLACES.sesta,
    filiere: ['geotermia'],
    s3: ['s3-environment-energy'],
    capacity: 30,
    registrants: 10,
  },
  {
    lead: 'cptm',
    kind: 'workshop',
    title: { it: "Impianti pilota per l'economia circolare", en: 'Pilot plants for the circular economy' },
    summary: {
      it: "Dal laboratorio all'impianto pilota: essiccamento dei fanghi, recupero dal fresato d'asfalto, estrazione di polifenoli dalle vinacce.",
      en: 'From the lab to the pilot plant: sludge drying, recovery from reclaimed asphalt, polyphenols from grape pomace.',
    },
    sessions: [[-62, '09:30', 240]],
    filiere: ['chimica', 'ambiente'],
    s3: ['s3-ecological-transition'],
    capacity: 30,
    registrants: 7,
  },
  {
    lead: 'navigo',
    co: ['cptm', 'regione-toscana'],
    kind: 'matchmaking',
    title: { it: 'Nautica e nuovi materiali: incontri tra imprese', en: 'Boats and new materials: business meetings' },
    summary: {
      it: 'Cantieri, fornitori e laboratori si incontrano su compositi, riduzione degli scarti e validazione dei processi.',
      en: 'Yards, suppliers and laboratories meet on composites, less scrap and process validation.',
    },
    sessions: [[-44, '09:00', 420]],
    filiere: ['nautica'],
    s3: ['s3-advanced-manufacturing'],
    capacity: 60,
    registrants: 10,
  },
  {
    lead: 'tls',
    kind: 'webinar',
    mode: 'online',
    title: { it: 'Bandi aperti per le scienze della vita', en: 'Open calls for the life sciences' },
    summary: {
      it: 'Una panoramica dei bandi regionali e nazionali per startup e PMI biotech, con le domande dei partecipanti.',
      en: 'An overview of regional and national calls for biotech start-ups and SMEs, with questions from the audience.',
    },
    sessions: [[-30, '11:00', 90]],
    filiere: ['farma'],
    s3: ['s3-health'],
    registrants: 10,
  },
  {
    lead: 'cptm',
    kind: 'course',
    title: { it: 'Uso autonomo del GC-MS', en: 'Using the GC-MS independently' },
    summary: {
      it: 'Due giornate sul metodo, la preparazione dei campioni e la manutenzione ordinaria: chi le frequenta entrambe può prenotare lo strumento da solo.',
      en: 'Two days on the method, sample preparation and routine maintenance: those who attend both may book the instrument on their own.',
    },
    sessions: [
      [-21, '09:00', 420],
      [-20, '09:00', 420],
    ],
    filiere: ['chimica'],
    capacity: 8,
    grants: ['cptm', 'Uso autonomo del GC-MS'],
    registrants: 6,
  },
  {
    lead: 'lucense',
    kind: 'workshop',
    title: {
      it: 'Abitare Mediterraneo: involucro e comfort estivo',
      en: 'Abitare Mediterraneo: building envelope and summer comfort',
    },
    summary: {
      it: 'Nel centro espositivo dei sistemi costruttivi, soluzioni per edifici freschi senza impianti energivori.',
      en: 'In the exhibition of building systems, ways to keep buildings cool without energy-hungry plants.',
    },
    sessions: [[-9, '15:00', 150]],
    filiere: ['edilizia'],
    capacity: 35,
    registrants: 8,
  },
  // Upcoming.
  {
    lead: 'asev',
    kind: 'webinar',
    mode: 'online',
    visibility: 'network',
    title: { it: 'Referenti della rete: il calendario dei bandi', en: 'Network contacts: the calendar of calls' },
    summary: {
      it: 'Incontro operativo tra i referenti dei centri sulle scadenze dei prossimi mesi.',
      en: 'Working meeting of the centres’ contacts on the deadlines of the coming months.',
    },
    sessions: [[5, '10:00', 60]],
    registrants: 4,
  },
  {
    lead: 'cosvig',
    kind: 'seminar',
    title: { it: "Calore geotermico per l'agroalimentare", en: 'Geothermal heat for food producers' },
    summary: {
      it: 'Serre, caseifici e birrifici che usano il calore del sottosuolo: costi, pompe di calore e incentivi.',
      en: 'Greenhouses, dairies and breweries using heat from underground: costs, heat pumps and incentives.',
    },
    sessions: [[8, '17:00', 120]],
    place: PLACES.cosvig,
    filiere: ['geotermia', 'agrifood'],
    s3: ['s3-agrifood'],
    capacity: 4,
    registrants: 4,
    waiting: 2,
  },
  {
    lead: 'lucense',
    kind: 'course',
    title: { it: "Analizzatore ottico di fibre: corso d'uso", en: 'Optical fibre analyser: a user course' },
    summary: {
      it: 'Due mezze giornate nel laboratorio FiberLAB: misura della morfologia delle fibre e lettura dei risultati.',
      en: 'Two half days in the FiberLAB: measuring fibre morphology and reading the results.',
    },
    sessions: [
      [13, '09:00', 240],
      [20, '09:00', 240],
    ],
    filiere: ['carta'],
    capacity: 6,
    grants: ['lucense', "Uso dell'analizzatore ottico di fibre"],
    registrants: 2,
  },
  {
    lead: 'cosvig',
    kind: 'workshop',
    state: 'cancelled',
    cancelReason: 'Il relatore non è disponibile; l’incontro sarà riprogrammato in primavera.',
    title: { it: 'Comunità del cibo a energie rinnovabili', en: 'Food community on renewable energy' },
    summary: {
      it: 'Produttori e tecnici a confronto sull’uso diretto del calore geotermico.',
      en: 'Producers and technicians on the direct use of geothermal heat.',
    },
    sessions: [[18, '10:00', 180]],
    filiere: ['geotermia', 'agrifood'],
    capacity: 30,
    registrants: 3,
  },
  {
    lead: 'navigo',
    kind: 'webinar',
    mode: 'online',
    title: { it: 'Riciclare la vetroresina delle barche', en: 'Recycling boats’ fibreglass' },
    summary: {
      it: 'Dallo smontaggio delle imbarcazioni a fine vita al riuso della fibra: esperienze e filiere possibili.',
      en: 'From dismantling end-of-life boats to reusing the fibre: experiences and possible supply chains.',
    },
    sessions: [[22, '11:00', 90]],
    filiere: ['nautica', 'ambiente'],
    s3: ['s3-ecological-transition'],
    registrants: 3,
  },
  {
    lead: 'tls',
    kind: 'open-lab',
    title: { it: 'Laboratori condivisi aperti alle imprese', en: 'Shared laboratories open to companies' },
    summary: {
      it: 'Visita ai banchi condivisi, alla suite di colture cellulari e agli strumenti di spettrometria.',
      en: 'A visit of the shared benches, the cell-culture suite and the mass-spectrometry instruments.',
    },
    sessions: [[27, '14:00', 180]],
    filiere: ['farma'],
    s3: ['s3-life-technologies'],
    capacity: 20,
    registrants: 3,
  },
  {
    lead: 'cptm',
    kind: 'seminar',
    title: { it: 'Dalle vinacce ai polifenoli', en: 'From grape pomace to polyphenols' },
    summary: {
      it: "Estrazione, separazione dell'alcol e usi dei polifenoli: risultati delle prove pilota con le cantine.",
      en: 'Extraction, alcohol separation and uses of polyphenols: results of the pilot trials with wineries.',
    },
    sessions: [[36, '15:00', 120]],
    filiere: ['agrifood', 'chimica'],
    capacity: 40,
    registrants: 2,
  },
  {
    lead: 'regione-toscana',
    co: ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'],
    kind: 'matchmaking',
    mode: 'mixed',
    title: { it: 'Giornata della rete CL.O.C.K.', en: 'CL.O.C.K. network day' },
    summary: {
      it: 'I sei centri e la Regione presentano servizi e laboratori; incontri su appuntamento con le imprese.',
      en: 'The six centres and the Region present their services and laboratories; meetings with companies by appointment.',
    },
    sessions: [[60, '09:30', 420]],
    place: PLACES.regione,
    s3: ['s3-smart-enterprise'],
    capacity: 150,
    registrants: 5,
  },
  {
    lead: 'lucense',
    kind: 'webinar',
    mode: 'online',
    title: {
      it: 'Industria 4.0 in cartiera: dati dalla linea',
      en: 'Industry 4.0 in the paper mill: data from the line',
    },
    summary: {
      it: 'Sensori, raccolta dati e modelli per ridurre energia e scarti nella produzione della carta.',
      en: 'Sensors, data collection and models to cut energy and waste in paper making.',
    },
    sessions: [[90, '11:00', 90]],
    filiere: ['carta'],
    s3: ['s3-digital-transition'],
    registrants: 0,
  },
  {
    lead: 'navigo',
    co: ['regione-toscana'],
    kind: 'seminar',
    title: { it: 'Porti toscani e transizione energetica', en: 'Tuscan ports and the energy transition' },
    summary: {
      it: 'Elettrificazione delle banchine, carburanti alternativi e servizi per la nautica da diporto.',
      en: 'Shore power, alternative fuels and services for leisure boating.',
    },
    sessions: [[130, '10:00', 180]],
    filiere: ['portualita', 'nautica'],
    s3: ['s3-environment-energy'],
    capacity: 80,
    registrants: 0,
  },
  {
    lead: 'tls',
    kind: 'course',
    title: { it: 'Buone pratiche di coltura cellulare (BSL2)', en: 'Good cell-culture practice (BSL2)' },
    summary: {
      it: 'Biosicurezza, gestione della cappa e prova pratica: il corso che apre la suite di colture cellulari.',
      en: 'Biosafety, working at the hood and a practical test: the course that opens the cell-culture suite.',
    },
    sessions: [[170, '09:00', 240]],
    filiere: ['farma'],
    capacity: 10,
    state: 'draft',
    registrants: 0,
  },
  // Last in the list so that the events above keep their numbers and registrants. The demo's matchmaking day
  // (demo-brokerage.ts) belongs to this event: same organiser, same day.
  {
    lead: 'navigo',
    co: ['cptm'],
    kind: 'matchmaking',
    title: {
      it: 'Refit sostenibile: cantieri e fornitori a confronto',
      en: 'Sustainable refit: yards and suppliers meet',
    },
    summary: {
      it: 'Una mattina in Darsena di incontri uno a uno tra cantieri, imprese del refit e fornitori: materiali più leggeri, propulsione più efficiente, sensori a bordo e meno scarti di lavorazione, con i tecnici di NAVIGO e del Polo Magona.',
      en: 'A morning at the Darsena of one-to-one meetings between yards, refit firms and suppliers: lighter materials, more efficient propulsion, sensors on board and less production scrap, with NAVIGO and the Magona technology park.',
    },
    sessions: [[21, '09:00', 300]],
    filiere: ['nautica', 'portualita'],
    s3: ['s3-advanced-manufacturing', 's3-ecological-transition'],
    capacity: 60,
    registrants: 6,
  },
];

const VISITORS = [
  ['Anna Bertini', 'Cartotecnica Bertini'],
  ['Giorgio Salvadori', 'Studio Salvadori Ingegneria'],
  ['Marta Lenzi', null],
  ['Pietro Nardi', 'Nardi Compositi'],
  ['Ilaria Cosci', 'Azienda agricola Poggio Caldo'],
  ['Riccardo Vanni', 'Vanni Meccanica'],
  ['Sofia Marchetti', 'Università di Pisa'],
  ['Lorenzo Bani', null],
] as const;
const hash = () => crypto.createHash('sha256').update(crypto.randomBytes(16)).digest('hex');

export async function seedDemoEvents(tx: Tx, now = new Date()) {
  const people = await repo.demoPeople(tx);
  if (!people.length || (await repo.countEvents(tx)) > 0) return;
  const today = localDay(now.getTime());
  const at = (days: number, hhmm: string) =>
    zonedTime(addDays(today, days), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
  const companies = people.filter((p) => p.role === 'company');
  const staffOf = (org: string) => people.find((p) => p.organizationId === org && p.role === 'centre-staff');

  for (const [n, d] of EVENTS.entries()) {
    const sessions = d.sessions.map(([day, hhmm, minutes]) => ({
      start: at(day, hhmm),
      end: at(day, hhmm) + minutes * 60_000,
      place: null,
      title: null,
    }));
    const mode = d.mode ?? 'in-person';
    const past = sessions[sessions.length - 1]!.end < now.getTime();
    const qualification = d.grants
      ? (await qualRepo.listQualifications(tx, d.grants[0])).find((q) => q.name.it === d.grants![1])
      : undefined;
    const state = d.state ?? 'published';
    const e = await repo.insertEvent(tx, {
      kind: d.kind,
      title: d.title,
      summary: d.summary,
      mode,
      place: mode === 'online' ? null : (d.place ?? PLACES[d.lead] ?? null),
      onlineUrl: mode === 'in-person' ? null : `https://meet.example.org/clock-${n + 1}`,
      language: 'it',
      audience: { it: 'Imprese, tecnici e ricercatori', en: 'Companies, technicians and researchers' },
      filiere: d.filiere ?? [],
      s3: d.s3 ?? [],
      capacity: d.capacity ?? null,
      price: d.price ?? null,
      state,
      visibility: d.visibility ?? 'public',
      cancelReason: d.cancelReason ?? null,
      sequence: state === 'cancelled' ? 1 : 0,
      publishedAt: state === 'draft' ? null : new Date(Math.min(now.getTime(), sessions[0]!.start - 30 * 86_400_000)),
      grantsQualificationId: qualification?.id ?? null,
      attendanceRequired: 1,
      startsAt: new Date(sessions[0]!.start),
      endsAt: new Date(sessions[sessions.length - 1]!.end),
      createdBy: staffOf(d.lead)?.id ?? null,
    });
    await repo.replaceOrganizers(tx, e.id, [
      { organization: d.lead, role: 'lead' },
      ...(d.co ?? []).map((o) => ({ organization: o, role: 'co-organizer' as const })),
    ]);
    await repo.replaceSessions(tx, e.id, sessions);
    const stored = await repo.sessionsOf(tx, [e.id]);

    // Registrants: demo company people first (they hold accounts), then visitors by e-mail.
    const total = d.registrants + (d.waiting ?? 0);
    for (let i = 0; i < total; i++) {
      const person = companies[(i + n) % companies.length]!;
      const useAccount = i < Math.min(companies.length, Math.ceil(total / 2));
      const visitor = VISITORS[(i + n) % VISITORS.length]!;
      const waiting = i >= d.registrants;
      const attended = past && state === 'published' && i % 5 !== 4;
      const registeredAt = new Date(Math.min(now.getTime(), sessions[0]!.start - (20 - i) * 86_400_000));
      const r = await repo.insertRegistration(tx, {
        eventId: e.id,
        userId: useAccount ? person.id : null,
        email: useAccount
          ? person.email!
          : `${visitor[0].toLowerCase().replace(/\s+/g, '.')}.${n}@visitatori.example.org`,
        name: useAccount ? (person.name ?? '') : visitor[0],
        organizationId: useAccount ? person.organizationId : null,
        organizationName: useAccount ? null : visitor[1],
        answers: {},
        state: state === 'cancelled' ? 'cancelled' : waiting ? 'waiting' : attended ? 'attended' : 'confirmed',
        waitingSince: waiting ? registeredAt : null,
        manageTokenHash: hash(),
        createdAt: registeredAt,
        confirmedAt: waiting ? null : registeredAt,
        cancelledAt: state === 'cancelled' ? now : null,
        certificateCode: attended ? crypto.randomBytes(6).toString('hex').toUpperCase() : null,
      });
      if (past && state === 'published')
        await repo.upsertAttendance(
          tx,
          stored.map((s) => ({
            registrationId: r.id,
            sessionId: s.id,
            present: attended,
            recordedBy: staffOf(d.lead)?.id ?? null,
            recordedAt: new Date(s.end),
          })),
        );
      if (attended && qualification && r.userId)
        await qualRepo.insertGrant(tx, {
          qualificationId: qualification.id,
          userId: r.userId,
          grantedBy: staffOf(d.lead)?.id ?? null,
          source: 'event',
          eventId: e.id,
          note: d.title.it ?? null,
          grantedAt: new Date(sessions[sessions.length - 1]!.end),
          validUntil: addDays(localDay(sessions[sessions.length - 1]!.end), 365 * 2),
        });
    }
  }
}
