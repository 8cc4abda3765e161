import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { requestCentres, requests, users, type LocalizedText } from '../schema/index.ts';
import type { ContributionKind, PartnerRole } from '@clock/contracts';
import { addDays, localDay, zonedTime } from '../../core/calendar.ts';
import * as actionsRepo from '../../modules/actions/actions.repo.ts';
import * as meetingsRepo from '../../modules/meetings/meetings.repo.ts';

/**
 * Joint actions and two years of the coordination nucleus in the demo network, written from the network's facts in
 * our own words: actions across the six centres and the Region (on time, one late, one closed, one programme with
 * sub-actions, one without milestones, one that grew out of a request), their milestones and contributions; six
 * nucleus meetings with agendas, decisions and action items, open ones carried over, minutes approved at the next
 * meeting (the last one's still waiting). Dates are relative to today. Runs inside the demo's transaction; loads once.
 */

interface DemoMilestone {
  title: LocalizedText;
  /** Days from today. */
  due: number;
  /** Done this many days after the due day (negative: early); absent: not done. */
  doneAfter?: number;
  weight?: number;
}
interface DemoAction {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  lead: string;
  partners: [string, PartnerRole][];
  state: 'planned' | 'running' | 'late' | 'closed';
  s3: string[];
  filiere: string[];
  start: number;
  end: number;
  visibility: 'public' | 'network' | 'private';
  parent?: string;
  closedAt?: number;
  milestones: DemoMilestone[];
  contributions: [string, ContributionKind, number, number | null][];
  documents?: [string, string][];
}

const ACTIONS: DemoAction[] = [
  {
    key: 'composites',
    title: {
      it: 'Nuovi materiali compositi per la costruzione di imbarcazioni',
      en: 'New composite materials for boat building',
    },
    description: {
      it: 'Il polo di Cecina mette a disposizione dei cantieri associati a Navigo prove su materiali innovativi e la validazione di processi che riducono scarti e sfridi.',
      en: "Cecina's technology park offers the yards in Navigo's network tests on innovative materials and the validation of processes that cut waste and offcuts.",
    },
    lead: 'cptm',
    partners: [
      ['navigo', 'partner'],
      ['unipi', 'university'],
      ['regione-toscana', 'region'],
    ],
    state: 'running',
    s3: ['s3-advanced-materials', 's3-advanced-manufacturing'],
    filiere: ['nautica'],
    start: -300,
    end: 250,
    visibility: 'public',
    milestones: [
      {
        title: { it: 'Catalogo dei materiali da provare', en: 'Catalogue of materials to test' },
        due: -240,
        doneAfter: -3,
        weight: 1,
      },
      {
        title: { it: 'Prove meccaniche sui laminati', en: 'Mechanical tests on laminates' },
        due: -60,
        doneAfter: 0,
        weight: 3,
      },
      { title: { it: 'Validazione in cantiere', en: 'Validation at a yard' }, due: 120, weight: 3 },
      { title: { it: 'Linee guida per i soci', en: "Guidelines for the network's members" }, due: 240, weight: 1 },
    ],
    contributions: [
      ['cptm', 'person-days', 120, 70],
      ['cptm', 'equipment-hours', 300, 185],
      ['navigo', 'person-days', 40, 26],
      ['unipi', 'person-days', 30, 12],
      ['regione-toscana', 'money', 60000, 35000],
    ],
    documents: [['Piano di lavoro / Work plan', 'https://example.org/clock/azioni/compositi-piano.pdf']],
  },
  {
    key: 'fibreglass',
    title: {
      it: 'Una filiera per smontare e riciclare la vetroresina',
      en: 'A chain to dismantle and recycle fibreglass',
    },
    description: {
      it: 'Cantieri e diportisti non sanno come smaltire le barche in vetroresina a fine vita: l’azione prova lo smontaggio e il recupero del composito.',
      en: 'Yards and owners have no route for end-of-life fibreglass boats: the action tries out dismantling and recovering the composite.',
    },
    lead: 'navigo',
    partners: [
      ['cptm', 'partner'],
      ['cantiere-burlamacco', 'company'],
    ],
    state: 'late',
    s3: ['s3-ecological-transition', 's3-advanced-materials'],
    filiere: ['nautica', 'ambiente'],
    start: -420,
    end: 120,
    visibility: 'network',
    milestones: [
      {
        title: { it: 'Censimento degli scafi a fine vita', en: 'Survey of end-of-life hulls' },
        due: -330,
        doneAfter: 10,
        weight: 1,
      },
      {
        title: { it: 'Prova di smontaggio su tre scafi', en: 'Dismantling trial on three hulls' },
        due: -45,
        weight: 2,
      },
      { title: { it: 'Prova di riciclo del composito', en: 'Composite recycling trial' }, due: 90, weight: 2 },
    ],
    contributions: [
      ['navigo', 'person-days', 60, 48],
      ['cptm', 'equipment-hours', 150, 40],
      ['cantiere-burlamacco', 'in-kind', 15000, 9000],
    ],
  },
  {
    key: 'lucca',
    title: { it: 'Sostenibilità delle filiere produttive lucchesi', en: 'Sustainability of the Lucca supply chains' },
    description: {
      it: 'Programma triennale che riunisce carta, calzature e nautica attorno a progetti di sostenibilità.',
      en: 'A three-year programme gathering paper, footwear and boating around sustainability projects.',
    },
    lead: 'lucense',
    partners: [
      ['navigo', 'partner'],
      ['asev', 'partner'],
    ],
    state: 'running',
    s3: ['s3-ecological-transition'],
    filiere: ['carta', 'calzature', 'nautica'],
    start: -600,
    end: 400,
    visibility: 'public',
    milestones: [],
    contributions: [
      ['lucense', 'person-days', 90, 64],
      ['asev', 'person-days', 20, 11],
    ],
  },
  {
    key: 'pulper',
    parent: 'lucca',
    title: { it: 'Recupero a freddo degli scarti di pulper', en: 'Cold recovery of pulper rejects' },
    description: {
      it: 'Dopo lo studio sulla torcia al plasma, si provano tecnologie a freddo che recuperano materia dagli scarti del riciclo della carta.',
      en: 'After the plasma-torch study, cold technologies are tried to recover material from the rejects of paper recycling.',
    },
    lead: 'lucense',
    partners: [['cartiera-brancoli', 'company']],
    state: 'running',
    s3: ['s3-ecological-transition', 's3-environment-energy'],
    filiere: ['carta'],
    start: -500,
    end: 200,
    visibility: 'public',
    milestones: [
      {
        title: { it: 'Caratterizzazione degli scarti', en: 'Characterising the rejects' },
        due: -380,
        doneAfter: -5,
        weight: 2,
      },
      { title: { it: 'Impianto pilota', en: 'Pilot plant' }, due: -100, doneAfter: 2, weight: 2 },
      { title: { it: 'Bilancio di materia ed energia', en: 'Mass and energy balance' }, due: 150, weight: 1 },
    ],
    contributions: [
      ['lucense', 'equipment-hours', 200, 160],
      ['cartiera-brancoli', 'money', 25000, 25000],
    ],
  },
  {
    key: 'shoes',
    parent: 'lucca',
    title: { it: 'Materiali a basso impatto per le calzature', en: 'Low-impact materials for footwear' },
    description: {
      it: 'Nuovi materiali e trattamenti di superficie per le calzature del distretto di Capannori.',
      en: 'New materials and surface treatments for the footwear of the Capannori district.',
    },
    lead: 'lucense',
    partners: [
      ['asev', 'partner'],
      ['calzaturificio-segromigno', 'company'],
    ],
    state: 'running',
    s3: ['s3-advanced-materials'],
    filiere: ['calzature'],
    start: -200,
    end: 300,
    visibility: 'network',
    milestones: [
      { title: { it: 'Scelta dei materiali', en: 'Choice of materials' }, due: -90, doneAfter: -10, weight: 1 },
      { title: { it: 'Prototipi di tomaia', en: 'Upper prototypes' }, due: 60, weight: 2 },
      { title: { it: 'Prove di durata', en: 'Durability tests' }, due: 220, weight: 2 },
    ],
    contributions: [
      ['asev', 'person-days', 25, 10],
      ['calzaturificio-segromigno', 'in-kind', 8000, 3000],
    ],
  },
  {
    key: 'geothermal',
    title: { it: 'Calore geotermico per le aziende agroalimentari', en: 'Geothermal heat for food producers' },
    description: {
      it: 'Studio e prova di un essiccatoio a calore geotermico per piccoli produttori delle aree geotermiche.',
      en: 'Study and trial of a geothermal-heat dryer for small producers in the geothermal areas.',
    },
    lead: 'cosvig',
    partners: [
      ['cptm', 'partner'],
      ['cantina-colle-sorbaio', 'company'],
      ['regione-toscana', 'region'],
    ],
    state: 'closed',
    closedAt: -70,
    s3: ['s3-environment-energy', 's3-agrifood'],
    filiere: ['geotermia', 'agrifood'],
    start: -650,
    end: -60,
    visibility: 'public',
    milestones: [
      { title: { it: 'Studio di fattibilità', en: 'Feasibility study' }, due: -520, doneAfter: -4, weight: 1 },
      { title: { it: 'Essiccatoio pilota', en: 'Pilot dryer' }, due: -250, doneAfter: 0, weight: 2 },
      { title: { it: 'Relazione finale', en: 'Final report' }, due: -80, doneAfter: -2, weight: 1 },
    ],
    contributions: [
      ['cosvig', 'person-days', 80, 84],
      ['cptm', 'equipment-hours', 120, 110],
      ['regione-toscana', 'money', 40000, 40000],
      ['cantina-colle-sorbaio', 'in-kind', 5000, 6500],
    ],
    documents: [['Relazione finale / Final report', 'https://example.org/clock/azioni/geotermia-relazione.pdf']],
  },
  {
    key: 'devices',
    title: {
      it: 'Rete di laboratori per validare i dispositivi di protezione',
      en: 'A laboratory network to validate protective devices',
    },
    description: {
      it: 'Prove di traspirabilità e filtrazione condivise tra i laboratori della rete, con un unico punto di accesso per le imprese.',
      en: "Breathability and filtration tests shared among the network's laboratories, with one point of entry for companies.",
    },
    lead: 'tls',
    partners: [
      ['cptm', 'partner'],
      ['unisi', 'university'],
    ],
    state: 'running',
    s3: ['s3-health', 's3-life-technologies'],
    filiere: ['farma', 'tessile'],
    start: -150,
    end: 210,
    visibility: 'public',
    milestones: [
      { title: { it: 'Protocollo di prova comune', en: 'Common test protocol' }, due: -100, doneAfter: -6, weight: 1 },
      { title: { it: 'Prove interlaboratorio', en: 'Inter-laboratory tests' }, due: 30, weight: 2 },
    ],
    contributions: [
      ['tls', 'person-days', 50, 22],
      ['cptm', 'equipment-hours', 80, 30],
    ],
  },
  {
    key: 'nano',
    title: {
      it: 'Superfici nanostrutturate per vetro e ceramica',
      en: 'Nanostructured surfaces for glass and ceramics',
    },
    description: {
      it: 'Dalle tabelle di marcia sui materiali avanzati: superfici attive e compositi per il vetro e la ceramica. Si parte il prossimo trimestre.',
      en: 'From the roadmaps on advanced materials: active surfaces and composites for glass and ceramics. Starting next quarter.',
    },
    lead: 'asev',
    partners: [
      ['tls', 'partner'],
      ['lucense', 'partner'],
      ['unifi', 'university'],
    ],
    state: 'planned',
    s3: ['s3-advanced-materials', 's3-digital-technologies'],
    filiere: ['vetro_ceramica'],
    start: 45,
    end: 500,
    visibility: 'network',
    milestones: [],
    contributions: [
      ['asev', 'person-days', 60, null],
      ['unifi', 'person-days', 30, null],
    ],
  },
];

interface DemoOutcome {
  kind: 'information' | 'decision' | 'action';
  text: string;
  /** Action items: the owner's centre (its nucleus member) and the due day, days after the meeting. */
  owner?: string;
  dueAfter?: number;
  /** Days after the meeting it was done; absent: still open. */
  doneAfter?: number;
  action?: string;
}
interface DemoMeeting {
  /** Days from today. */
  at: number;
  place: string | null;
  online: boolean;
  absent?: string[];
  agenda: string[];
  outcomes: DemoOutcome[];
  minutes: string;
}

const MEETINGS: DemoMeeting[] = [
  {
    at: -700,
    place: 'Firenze, Palazzo Strozzi Sacrati',
    online: false,
    agenda: ['Insediamento del nucleo di coordinamento', 'Regole per le richieste delle imprese'],
    outcomes: [
      {
        kind: 'information',
        text: 'La Regione presenta gli obiettivi del protocollo e il calendario delle verifiche semestrali.',
      },
      {
        kind: 'decision',
        text: 'Il nucleo si riunisce ogni quattro mesi; il verbale è approvato nella riunione successiva.',
      },
      {
        kind: 'action',
        text: 'Proporre i tempi di risposta alle richieste delle imprese',
        owner: 'lucense',
        dueAfter: 60,
        doneAfter: 50,
      },
      {
        kind: 'action',
        text: 'Censire le attrezzature condivisibili di ciascun centro',
        owner: 'asev',
        dueAfter: 90,
        doneAfter: 130,
      },
    ],
    minutes: 'Presenti i rappresentanti dei sei centri e la Regione. Il nucleo si insedia e fissa le regole di lavoro.',
  },
  {
    at: -580,
    place: null,
    online: true,
    absent: ['navigo'],
    agenda: ['Tempi di risposta alle richieste', 'Azioni congiunte da avviare'],
    outcomes: [
      {
        kind: 'decision',
        text: 'Adottati i tempi di risposta: 5 giorni lavorativi per la prima risposta, 10 per formare la squadra.',
      },
      { kind: 'decision', text: 'Si avvia il programma sulla sostenibilità delle filiere lucchesi.', action: 'lucca' },
      {
        kind: 'action',
        text: 'Preparare la scheda dell’azione sul calore geotermico',
        owner: 'cosvig',
        dueAfter: 45,
        doneAfter: 40,
        action: 'geothermal',
      },
    ],
    minutes:
      'Approvati i tempi di risposta. Avviato il programma lucchese; COSVIG prepara la scheda sul calore geotermico.',
  },
  {
    at: -450,
    place: 'Cecina, Polo Tecnologico Magona',
    online: false,
    agenda: ['Riciclo della vetroresina', 'Prima verifica semestrale'],
    outcomes: [
      {
        kind: 'decision',
        text: 'Si avvia l’azione sulla filiera della vetroresina, guidata da Navigo.',
        action: 'fibreglass',
      },
      {
        kind: 'action',
        text: 'Raccogliere i dati per la verifica semestrale',
        owner: 'tls',
        dueAfter: 30,
        doneAfter: 28,
      },
      {
        kind: 'action',
        text: 'Mappare le competenze sui materiali compositi',
        owner: 'cptm',
        dueAfter: 120,
        doneAfter: 140,
      },
    ],
    minutes:
      'Avviata l’azione sulla vetroresina. TLS raccoglie i dati della verifica; CPTM mappa le competenze sui compositi.',
  },
  {
    at: -330,
    place: null,
    online: true,
    agenda: ['Materiali compositi per la nautica', 'Allineamento alla S3 2021-2027'],
    outcomes: [
      {
        kind: 'decision',
        text: 'Si avvia l’azione sui materiali compositi per la nautica, con l’Università di Pisa.',
        action: 'composites',
      },
      {
        kind: 'information',
        text: 'La Regione illustra la matrice S3 2021-2027: priorità tecnologiche e ambiti applicativi.',
      },
      { kind: 'action', text: 'Classificare le azioni in corso secondo la S3 2021-2027', owner: 'asev', dueAfter: 60 },
    ],
    minutes: 'Avviata l’azione sui compositi. Presentata la nuova S3; ASEV classifica le azioni in corso.',
  },
  {
    at: -200,
    place: 'Siena, Toscana Life Sciences',
    online: false,
    absent: ['cosvig'],
    agenda: ['Laboratori per i dispositivi di protezione', 'Stato delle azioni congiunte'],
    outcomes: [
      {
        kind: 'decision',
        text: 'Si avvia la rete di laboratori per i dispositivi di protezione, guidata da TLS.',
        action: 'devices',
      },
      {
        kind: 'action',
        text: 'Proporre un punto di accesso unico per le prove di laboratorio',
        owner: 'tls',
        dueAfter: 50,
        doneAfter: 45,
      },
      { kind: 'action', text: 'Aggiornare il piano della filiera della vetroresina', owner: 'navigo', dueAfter: 90 },
    ],
    minutes:
      'Avviata la rete di laboratori. Navigo aggiorna il piano della vetroresina, in ritardo sulla prova di smontaggio.',
  },
  {
    at: -20,
    place: null,
    online: true,
    agenda: ['Ritardo della prova di smontaggio degli scafi', 'Nuova azione sulle superfici nanostrutturate'],
    outcomes: [
      {
        kind: 'information',
        text: 'L’azione sul calore geotermico è chiusa nei tempi; la relazione finale è disponibile.',
      },
      {
        kind: 'decision',
        text: 'Si approva l’avvio dell’azione sulle superfici nanostrutturate il prossimo trimestre.',
        action: 'nano',
      },
      {
        kind: 'action',
        text: 'Riprogrammare la prova di smontaggio con il cantiere partner',
        owner: 'navigo',
        dueAfter: 30,
        action: 'fibreglass',
      },
      {
        kind: 'action',
        text: 'Preparare la verifica semestrale dai dati della piattaforma',
        owner: 'lucense',
        dueAfter: 40,
      },
    ],
    minutes:
      'Il nucleo prende atto della chiusura dell’azione sul calore geotermico e del ritardo sulla vetroresina; approva la nuova azione sulle superfici nanostrutturate.',
  },
];

const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];

export async function seedDemoActions(tx: Tx, now = new Date()): Promise<number> {
  if ((await actionsRepo.treeFacts(tx)).length > 0) return 0;
  const today = localDay(now.getTime());
  const day = (n: number) => addDays(today, n);
  const at = (n: number, hour = 10) => new Date(zonedTime(day(n), hour * 60));
  const ids = new Map<string, string>();
  for (const d of ACTIONS) {
    const a = await actionsRepo.insertAction(tx, {
      title: d.title,
      description: d.description,
      leadOrganizationId: d.lead,
      state: d.state,
      s3: d.s3,
      filiere: d.filiere,
      startDate: day(d.start),
      endDate: day(d.end),
      visibility: d.visibility,
      parentActionId: d.parent ? ids.get(d.parent)! : null,
      closedAt: d.closedAt === undefined ? null : at(d.closedAt),
    });
    ids.set(d.key, a.id);
    await actionsRepo.insertPartners(tx, [
      { actionId: a.id, organizationId: d.lead, role: 'lead' },
      ...d.partners.map(([organizationId, role]) => ({ actionId: a.id, organizationId, role })),
    ]);
    for (const m of d.milestones)
      await actionsRepo.insertMilestone(tx, {
        actionId: a.id,
        title: m.title,
        dueDate: day(m.due),
        weight: m.weight ?? 1,
        doneAt: m.doneAfter === undefined ? null : at(m.due + m.doneAfter, 16),
      });
    for (const [organizationId, kind, planned, actual] of d.contributions)
      await actionsRepo.insertContribution(tx, {
        actionId: a.id,
        organizationId,
        kind,
        planned,
        actual,
        periodStart: day(d.start),
        periodEnd: day(d.end),
      });
    for (const [title, url] of d.documents ?? []) await actionsRepo.insertDocument(tx, { actionId: a.id, title, url });
  }
  await actionFromDemoRequest(tx, day);
  await seedDemoMeetings(tx, ids, at);
  return ACTIONS.length;
}

/** The request in progress with an agreed team became a joint action, as its lead centre would do from the request. */
async function actionFromDemoRequest(tx: Tx, day: (n: number) => string) {
  const [r] = await tx
    .select({
      id: requests.id,
      title: requests.title,
      filiera: requests.filiera,
      company: requests.companyOrganizationId,
    })
    .from(requests)
    .where(eq(requests.state, 'in_progress'))
    .limit(1);
  if (!r) return;
  const team = await tx
    .select({ organizationId: requestCentres.organizationId, role: requestCentres.teamRole })
    .from(requestCentres)
    .where(and(eq(requestCentres.requestId, r.id), isNotNull(requestCentres.teamRole)));
  const lead = team.find((t) => t.role === 'lead');
  if (!lead) return;
  const a = await actionsRepo.insertAction(tx, {
    title: { it: r.title },
    leadOrganizationId: lead.organizationId,
    state: 'running',
    filiere: r.filiera ? [r.filiera] : [],
    s3: ['s3-ecological-transition'],
    startDate: day(-30),
    endDate: day(150),
    visibility: 'network',
    sourceRequestId: r.id,
  });
  await actionsRepo.insertPartners(tx, [
    ...team.map((t) => ({
      actionId: a.id,
      organizationId: t.organizationId,
      role: (t.role === 'lead' ? 'lead' : 'partner') as PartnerRole,
    })),
    ...(r.company ? [{ actionId: a.id, organizationId: r.company, role: 'company' as const }] : []),
  ]);
  await actionsRepo.insertMilestone(tx, {
    actionId: a.id,
    title: { it: 'Prove di riciclabilità sul campione', en: 'Recyclability tests on the sample' },
    dueDate: day(20),
    weight: 1,
  });
}

async function seedDemoMeetings(tx: Tx, actionIds: Map<string, string>, at: (n: number, hour?: number) => Date) {
  const nucleus = new Map<string, string>();
  for (const m of await meetingsRepo.nucleusMembers(tx)) nucleus.set(m.organizationId, m.userId);
  if (CENTRES.some((c) => !nucleus.has(c))) return; // the demo people are not there: no meetings without the nucleus
  const region = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.platformRole, ['region']))
    .limit(1);
  const open: { id: string; text: string; doneAt: Date | null }[] = [];
  let previous: { id: string; number: number } | null = null;
  for (const d of MEETINGS) {
    const startsAt = at(d.at);
    const m = await meetingsRepo.insertMeeting(tx, {
      startsAt,
      place: d.place,
      onlineUrl: d.online ? 'https://meet.example.org/nucleo-clock' : null,
      state: 'held',
      minutes: d.minutes,
    });
    // The agenda as the platform made it: the previous minutes, then every action item still open at that time.
    const carried = open.filter((o) => !o.doneAt || o.doneAt > startsAt);
    const agenda = [
      ...(previous
        ? [
            {
              title: `Approvazione del verbale della riunione N-${String(previous.number).padStart(4, '0')}`,
              carriedOutcomeId: null,
            },
          ]
        : []),
      ...carried.map((o) => ({ title: o.text, carriedOutcomeId: o.id })),
      ...d.agenda.map((title) => ({ title, carriedOutcomeId: null })),
    ];
    await meetingsRepo.insertAgenda(
      tx,
      agenda.map((a, i) => ({ ...a, meetingId: m.id, position: i + 1 })),
    );
    await meetingsRepo.replaceAttendees(tx, m.id, [
      ...CENTRES.map((c) => ({
        meetingId: m.id,
        userId: nucleus.get(c)!,
        organizationId: c,
        present: !d.absent?.includes(c),
      })),
      ...region.map((r) => ({ meetingId: m.id, userId: r.id, organizationId: 'regione-toscana', present: true })),
    ]);
    let position = 0;
    if (previous) {
      const ref = `N-${String(previous.number).padStart(4, '0')}`;
      await meetingsRepo.insertOutcome(tx, {
        meetingId: m.id,
        kind: 'decision',
        text: `Approvato il verbale della riunione ${ref} / Minutes of ${ref} approved`,
        position: ++position,
      });
      await meetingsRepo.updateMeeting(tx, previous.id, {
        state: 'minutes-approved',
        minutesApprovedAt: startsAt,
        approvedInMeetingId: m.id,
      });
    }
    for (const o of d.outcomes) {
      const row = await meetingsRepo.insertOutcome(tx, {
        meetingId: m.id,
        kind: o.kind,
        text: o.text,
        ownerUserId: o.owner ? nucleus.get(o.owner)! : null,
        dueDate: o.dueAfter === undefined ? null : localDay(at(d.at + o.dueAfter).getTime()),
        doneAt: o.doneAfter === undefined ? null : at(d.at + o.doneAfter, 17),
        actionId: o.action ? (actionIds.get(o.action) ?? null) : null,
        position: ++position,
      });
      if (o.kind === 'action') open.push({ id: row.id, text: row.text, doneAt: row.doneAt });
    }
    previous = { id: m.id, number: m.number };
  }
}
