import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { addDays, localDay, zonedTime } from '../../core/calendar.ts';
import * as gov from '../../modules/governance/governance.repo.ts';
import * as reportsRepo from '../../modules/governance/reports.repo.ts';
import { findUserByEmail } from '../../modules/identity/identity.repo.ts';
import { ensureDefinitions } from '../../modules/governance/kpis.service.ts';
import { periodOf, type Period } from '../../modules/governance/kpis.rules.ts';
import { protocolFor } from '../../modules/governance/protocols.service.ts';
import { assemble, contentHashOf, slotsOf } from '../../modules/governance/reports.service.ts';

/**
 * The protocol's own loop in the demo network: the protocol signed on 9 December 2019 by the Region and the six
 * centres (Palazzo Strozzi Sacrati, Florence; three years) and its renewals, two years of objectives with KPI
 * targets (network-wide and per centre), manual KPI values with their evidence, the verification report of the last
 * half-year signed by the six nucleus members and the Region, and the current half-year's report being signed. Dates
 * are relative to now, so the demo stays plausible whenever it is loaded. Runs inside the demo's transaction; loads
 * once.
 */
const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'] as const;
const NUCLEUS: Record<(typeof CENTRES)[number], string> = {
  lucense: 'chiara.lombardi@lucense.example.org',
  asev: 'marco.cecchi@asev.example.org',
  cosvig: 'francesca.rossi@cosvig.example.org',
  cptm: 'andrea.galli@cptm.example.org',
  navigo: 'roberta.pellegrini@navigo.example.org',
  tls: 'alessandro.conti@tls.example.org',
};
const REGION_OFFICER = 'giovanni.bartoli@regione.example.org';
const REGION = 'regione-toscana';
const EVIDENCE = 'https://clock.example.org/documenti';

const t = (it: string, en: string) => ({ it, en });

/** Network-wide targets per year; the half-year reports take them pro rata (sums) or as they are (levels). */
const NETWORK_TARGETS: [string, number, number | null][] = [
  ['requests.received', 22, 15],
  ['requests.closed', 18, 12],
  ['requests.first-answer.median-days', 3, 5],
  ['requests.rating.mean', 4, 3.8],
  ['requests.triaged-on-time', 90, 75],
  ['requests.opened-on-time', 80, 60],
  ['requests.repeat-companies', 6, 3],
  ['requests.multi-centre-teams', 8, 4],
  ['bookings.outside-hours', 300, 180],
  ['bookings.revenue', 12000, 7000],
  ['network.joint-proposals', 6, 4],
  ['network.companies-trained', 120, 90],
  ['network.s3-alignment-review', 1, null],
];

const MANUAL = [
  {
    code: 'network.joint-proposals',
    label: t('Proposte progettuali congiunte presentate a bandi', 'Joint project proposals submitted to calls'),
    unit: 'count',
    kind: 'count' as const,
    aggregation: 'sum' as const,
  },
  {
    code: 'network.companies-trained',
    label: t('Persone di imprese formate dalla rete', 'Company staff trained by the network'),
    unit: 'count',
    kind: 'count' as const,
    aggregation: 'sum' as const,
  },
  {
    code: 'network.s3-alignment-review',
    label: t(
      'Riesame dell’allineamento dell’offerta alla S3 svolto',
      'Review of the offer’s alignment with the S3 carried out',
    ),
    unit: 'yes/no',
    kind: 'boolean' as const,
    aggregation: 'last' as const,
  },
];

function halfOf(day: string): { from: string; to: string } {
  const y = day.slice(0, 4);
  return day.slice(5, 7) <= '06' ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}
const period = (from: string, to: string) => periodOf(from, to) as Period;

/**
 * Records tagged with their own S3 cells (the rest take their centre's tags): the fibreglass end-of-life work CPTM and
 * NAVIGO both offer, and the help with funding calls four centres offer — the duplications the coverage map shows.
 */
const OWN_CELLS: [string, string[], string[]][] = [
  [
    'competence',
    ['cptm-fibreglass-recycling', 'navigo-end-of-life-boats'],
    ['s3-advanced-materials', 's3-environment-energy'],
  ],
  [
    'service',
    [
      'asev-funding-scouting',
      'asev-eu-proposal-writing',
      'asev-project-reporting',
      'lucense-rd-funding-support',
      'cptm-regional-call-support',
      'navigo-funding-support',
    ],
    ['s3-advanced-manufacturing', 's3-smart-enterprise'],
  ],
  ['competence', ['asev-sme-rd-projects'], ['s3-advanced-manufacturing', 's3-smart-enterprise']],
];

/** Past requests the network handled over the two years before the current ones, so the KPIs have a history; the
 * sector is the company's ATECO 2007 class for the work asked about. */
const PAST: {
  company: string;
  centres: (typeof CENTRES)[number][];
  title: string;
  sector: string;
  filiera: string;
}[] = [
  {
    company: 'cartiera-brancoli',
    centres: ['lucense'],
    title: 'Riduzione delle fibre vergini nel tissue',
    sector: 'C17.12',
    filiera: 'carta',
  },
  {
    company: 'cantiere-burlamacco',
    centres: ['navigo', 'cptm'],
    title: 'Prove su laminati per scafi',
    sector: 'C30.12',
    filiera: 'nautica',
  },
  {
    company: 'pietre-del-frigido',
    centres: ['cosvig'],
    title: 'Recupero dei fanghi di segagione',
    sector: 'C23.70',
    filiera: 'lapideo',
  },
  {
    company: 'cantina-colle-sorbaio',
    centres: ['cosvig', 'tls'],
    title: 'Calore geotermico per la cantina',
    sector: 'C11.02',
    filiera: 'agroalimentare',
  },
  {
    company: 'arbia-therapeutics',
    centres: ['tls'],
    title: 'Validazione di un dispositivo diagnostico',
    sector: 'C32.50',
    filiera: 'scienze-della-vita',
  },
  {
    company: 'conceria-usciana',
    centres: ['asev', 'lucense'],
    title: 'Tracciabilità delle pelli con RFID',
    sector: 'C15.11',
    filiera: 'moda',
  },
  {
    company: 'cristallerie-badia',
    centres: ['asev'],
    title: 'Rivestimenti antigraffio per il cristallo',
    sector: 'C23.13',
    filiera: 'vetro',
  },
  {
    company: 'mobilificio-staggia',
    centres: ['lucense', 'navigo'],
    title: 'Digitalizzazione del reparto verniciatura',
    sector: 'C31.09',
    filiera: 'legno-arredo',
  },
  {
    company: 'calzaturificio-segromigno',
    centres: ['lucense'],
    title: 'Suole da materiali riciclati',
    sector: 'C15.20',
    filiera: 'moda',
  },
];

/** How many past requests the demo adds (closed or declined, all of them before the demo's current requests). */
export const DEMO_PAST_REQUESTS = 40;

async function seedPastRequests(tx: Tx, now: Date) {
  const day = 86_400_000;
  const first = now.getTime() - 760 * day;
  for (let i = 0; i < DEMO_PAST_REQUESTS; i++) {
    const p = PAST[i % PAST.length]!;
    const submitted = first + i * 16 * day + (i % 3) * 3600_000 * 5;
    const answered = submitted + (1 + (i % 4)) * day + (i % 7 === 6 ? 6 * day : 0);
    const opened = answered + (2 + (i % 3)) * day;
    const declined = i % 9 === 4;
    const closed = opened + (45 + (i % 5) * 10) * day;
    const confidentiality = i % 5 === 2 ? 'confidential' : i % 3 === 0 ? 'public' : 'network';
    const res =
      (await tx.execute(sql`insert into requests (title, summary, description, confidentiality, state, sector, filiera,
        company_organization_id, company_name, submitted_at, state_changed_at, first_response_at, opened_at, closed_at,
        outcome, rating, decline_reason)
      select ${p.title}, ${p.title}, ${`${p.title}: richiesta gestita dalla rete.`}, ${confidentiality},
        ${declined ? 'declined' : 'closed'}, ${p.sector}, ${p.filiera}, o.id, o.name, to_timestamp(${submitted / 1000}),
        to_timestamp(${(declined ? answered : closed) / 1000}), to_timestamp(${answered / 1000}),
        ${declined ? null : new Date(opened).toISOString()}::timestamptz, to_timestamp(${(declined ? answered : closed) / 1000}),
        ${declined ? null : 'Risultati consegnati e discussi con l’impresa.'}, ${declined ? null : 3 + (i % 3)},
        ${declined ? 'Richiesta fuori dal perimetro della rete: indirizzata a un laboratorio privato.' : null}
      from organizations o where o.id = ${p.company}
      returning id`)) as unknown as { rows: { id: string }[] };
    const id = res.rows[0]?.id;
    if (!id || declined) continue;
    for (const [k, c] of p.centres.entries())
      await tx.execute(sql`insert into request_centres (request_id, organization_id, invited_at, interest_at, team_role)
        values (${id}, ${c}, to_timestamp(${opened / 1000}), to_timestamp(${(opened + day) / 1000}),
          ${k === 0 ? 'lead' : 'partner'})`);
    await tx.execute(sql`insert into request_events (request_id, at, kind, from_state, to_state)
      values (${id}, to_timestamp(${(opened + 7 * day) / 1000}), 'state', 'open', 'team_agreed'),
             (${id}, to_timestamp(${closed / 1000}), 'state', 'in_progress', 'closed')`);
  }
}

export async function seedDemoGovernance(tx: Tx, now = new Date()) {
  if ((await gov.listProtocols(tx)).length) return;
  await seedPastRequests(tx, now);
  for (const [type, ids, s3] of OWN_CELLS)
    await tx.execute(sql`update offers set s3 = ${`{${s3.join(',')}}`}::text[], revision = nextval('catalogue_revision_seq')
      where type = ${type} and id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) and s3 is null`);
  const signer = async (email: string) => {
    const u = await findUserByEmail(tx, email);
    if (!u) throw new Error(`demo governance: no demo person ${email}`);
    return u;
  };
  const region = await signer(REGION_OFFICER);
  const nucleus = Object.fromEntries(
    await Promise.all(CENTRES.map(async (c) => [c, await signer(NUCLEUS[c])] as const)),
  ) as unknown as Record<(typeof CENTRES)[number], { id: string; name: string | null }>;

  // The protocol and its renewals (the renewal dates are the demo's: each at the end of the three-year term).
  const protocol = await gov.insertProtocol(
    tx,
    {
      title: t(
        'Protocollo d’intesa per la costituzione della Piattaforma CL.O.C.K.',
        'Memorandum of understanding setting up the CL.O.C.K. platform',
      ),
      signedOn: '2019-12-09',
      place: 'Palazzo Strozzi Sacrati, Firenze',
      termMonths: 36,
    },
    [
      ...CENTRES.map((c) => ({ organizationId: c, role: 'centre' as const })),
      { organizationId: REGION, role: 'region' },
    ],
  );
  for (const renewedOn of ['2022-12-09', '2025-12-09'])
    await gov.insertRenewal(tx, {
      protocolId: protocol.id,
      renewedOn,
      termMonths: 36,
      note: t('Rinnovo per altri tre anni (data della dimostrazione)', 'Renewed for three more years (demo date)'),
    });

  await ensureDefinitions(tx);
  for (const m of MANUAL) await gov.insertDefinition(tx, { ...m, direction: 'up', source: 'manual', public: true });

  const today = localDay(now.getTime());
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 1, thisYear];
  const by = (userId: string) => ({ createdBy: userId });

  // Two years of objectives and targets.
  for (const y of years) {
    const from = `${y}-01-01`;
    const to = `${y}-12-31`;
    for (const [kpi, target, baseline] of NETWORK_TARGETS)
      await gov.upsertTarget(tx, {
        kpiCode: kpi,
        periodFrom: from,
        periodTo: to,
        organizationId: null,
        target,
        baseline,
        ...by(region.id),
      });
    const network = [
      {
        text: t(
          'Rispondere a ogni impresa entro tre giorni lavorativi e aprire la richiesta ai centri entro una settimana',
          'Answer every company within three working days and open its request to the centres within a week',
        ),
        kpis: ['requests.first-answer.median-days', 'requests.triaged-on-time', 'requests.opened-on-time'],
        s3: [],
      },
      {
        text: t(
          'Far lavorare insieme più centri sulle richieste delle imprese e presentare proposte congiunte',
          'Get several centres working together on companies’ requests and submit joint proposals',
        ),
        kpis: ['requests.multi-centre-teams', 'network.joint-proposals'],
        s3: ['s3-advanced-materials', 's3-advanced-manufacturing'],
      },
      {
        text: t(
          'Aprire le attrezzature dei centri alle imprese esterne',
          'Open the centres’ equipment to outside companies',
        ),
        kpis: ['bookings.outside-hours', 'bookings.revenue'],
        s3: [],
      },
      {
        text: t(
          'Tenere l’offerta della rete allineata alla S3 2021-2027 e formare le imprese delle filiere',
          'Keep the network’s offer aligned with the S3 2021-2027 and train the supply chains’ companies',
        ),
        kpis: ['network.s3-alignment-review', 'network.companies-trained', 'requests.rating.mean'],
        s3: ['s3-digital-technologies', 's3-smart-enterprise'],
      },
    ];
    for (const o of network)
      await gov.insertObjective(tx, {
        periodFrom: from,
        periodTo: to,
        organizationId: null,
        ...o,
        public: true,
        ...by(region.id),
      });
    // One objective per centre, set by its nucleus member, measured on the centre's own share.
    const own: Record<(typeof CENTRES)[number], [string, string, string[]]> = {
      lucense: [
        'Portare il Centro Qualità Carta alle cartiere della filiera lucchese',
        'Bring the Centro Qualità Carta to the Lucca paper chain',
        ['s3-advanced-materials', 's3-environment-energy'],
      ],
      asev: [
        'Accompagnare le PMI dei materiali avanzati ai bandi regionali',
        'Guide advanced-materials SMEs to regional calls',
        ['s3-advanced-materials', 's3-smart-enterprise'],
      ],
      cosvig: [
        'Diffondere gli usi diretti del calore geotermico nelle filiere agroalimentari',
        'Spread direct uses of geothermal heat in the agrifood chains',
        ['s3-environment-energy', 's3-agrifood'],
      ],
      cptm: [
        'Aprire il laboratorio di Magona alle prove sui materiali per la nautica',
        'Open the Magona laboratory to testing of boat-building materials',
        ['s3-advanced-materials', 's3-environment-energy'],
      ],
      navigo: [
        'Portare la digitalizzazione ai cantieri e ai porti turistici',
        'Bring digitalisation to shipyards and marinas',
        ['s3-digital-technologies', 's3-smart-enterprise'],
      ],
      tls: [
        'Sostenere le imprese delle scienze della vita dalla validazione al mercato',
        'Support life-science companies from validation to market',
        ['s3-life-technologies', 's3-health'],
      ],
    };
    for (const c of CENTRES) {
      const [it, en, s3] = own[c];
      await gov.insertObjective(tx, {
        periodFrom: from,
        periodTo: to,
        organizationId: c,
        text: t(it, en),
        s3,
        kpis: ['requests.received', 'requests.closed'],
        public: true,
        ...by(nucleus[c].id),
      });
      await gov.upsertTarget(tx, {
        kpiCode: 'requests.received',
        periodFrom: from,
        periodTo: to,
        organizationId: c,
        target: 4,
        baseline: 2,
        ...by(nucleus[c].id),
      });
      await gov.upsertTarget(tx, {
        kpiCode: 'requests.closed',
        periodFrom: from,
        periodTo: to,
        organizationId: c,
        target: 3,
        baseline: 2,
        ...by(nucleus[c].id),
      });
    }
  }

  // Manual values per quarter that has ended, each with its evidence and who entered it.
  const enteredBy = [nucleus.lucense.id, nucleus.cosvig.id, nucleus.tls.id, region.id];
  let q = 0;
  for (const y of years)
    for (const [m1, m3, last] of [
      ['01', '03', '31'],
      ['04', '06', '30'],
      ['07', '09', '30'],
      ['10', '12', '31'],
    ] as const) {
      const from = `${y}-${m1}-01`;
      const to = `${y}-${m3}-${last}`;
      if (to >= today) continue;
      const who = enteredBy[q % enteredBy.length]!;
      await gov.upsertValue(tx, {
        kpiCode: 'network.joint-proposals',
        periodFrom: from,
        periodTo: to,
        organizationId: null,
        value: [1, 2, 1, 2, 2, 1, 1, 3][q % 8]!,
        evidenceUrl: `${EVIDENCE}/proposte-congiunte-${y}-T${(q % 4) + 1}.pdf`,
        note: 'Elenco delle proposte con capofila e bando',
        enteredBy: who,
      });
      await gov.upsertValue(tx, {
        kpiCode: 'network.companies-trained',
        periodFrom: from,
        periodTo: to,
        organizationId: null,
        value: [22, 31, 12, 35, 28, 26, 15, 30][q % 8]!,
        evidenceUrl: `${EVIDENCE}/registri-presenze-${y}-T${(q % 4) + 1}.pdf`,
        note: 'Registri presenze dei corsi',
        enteredBy: who,
      });
      q++;
    }
  // The review of the offer against the S3, per half-year that has ended: postponed once (no), then held.
  const lastYear = years[0]!;
  for (const [from, to, held] of [
    [`${lastYear}-01-01`, `${lastYear}-06-30`, false],
    [`${lastYear}-07-01`, `${lastYear}-12-31`, true],
    [`${thisYear}-01-01`, `${thisYear}-06-30`, true],
  ] as const) {
    if (to >= today) continue;
    await gov.upsertValue(tx, {
      kpiCode: 'network.s3-alignment-review',
      periodFrom: from,
      periodTo: to,
      organizationId: null,
      booleanValue: held,
      evidenceUrl: `${EVIDENCE}/verbale-nucleo-riesame-s3-${from.slice(0, 7)}.pdf`,
      note: held
        ? 'Verbale del nucleo con il riesame della mappa S3'
        : 'Riesame rinviato al semestre successivo (verbale del nucleo)',
      enteredBy: region.id,
    });
  }

  // The last half-year's report, signed by everyone; the current half-year's so far, being signed.
  const current = halfOf(today);
  const previous = halfOf(addDays(current.from, -1));
  // Assembled a few days after its half-year ended, before the first signature (12 days after).
  const assembledOn = new Date(zonedTime(addDays(previous.to, 5), 9 * 60));
  const signedReport = await draftReport(tx, previous.from, previous.to, region.id, assembledOn);
  const comments: Record<(typeof CENTRES)[number], string> = {
    lucense: 'Le richieste della filiera cartaria sono arrivate soprattutto tramite il Centro Qualità Carta.',
    asev: 'Due proposte congiunte sui materiali avanzati sono in valutazione.',
    cosvig: 'La stagione estiva ha rallentato le prove sul campo; recupero previsto nel prossimo semestre.',
    cptm: 'Il laboratorio di Magona ha accolto le prime prove per la nautica insieme a NAVIGO.',
    navigo: 'I cantieri chiedono soprattutto supporto sulla digitalizzazione dei processi.',
    tls: 'Le imprese delle scienze della vita chiedono tempi di risposta più brevi sui servizi regolatori.',
  };
  for (const c of CENTRES)
    await reportsRepo.putComment(tx, {
      reportId: signedReport.id,
      organizationId: c,
      comment: comments[c],
      authorId: nucleus[c].id,
    });
  await reportsRepo.updateReport(tx, signedReport.id, {
    conclusions:
      'Il nucleo ritiene raggiunti gli obiettivi di risposta alle imprese; la collaborazione tra centri cresce ma resta sotto l’obiettivo annuale.',
    adjustments:
      'Proporre alla Regione un incontro di filiera sui materiali per la nautica e rivedere l’obiettivo di ricavi dalle attrezzature per il prossimo anno.',
  });
  let at = zonedTime(addDays(previous.to, 12), 10 * 60);
  for (const [i, c] of CENTRES.entries()) {
    await reportsRepo.sign(tx, signedReport.id, i + 1, nucleus[c].id, nucleus[c].name ?? '', new Date(at));
    at += 26 * 3600_000;
  }
  await reportsRepo.sign(tx, signedReport.id, CENTRES.length + 1, region.id, region.name ?? '', new Date(at));
  const hash = await contentHashOf(tx, (await reportsRepo.findReport(tx, signedReport.id))!);
  await reportsRepo.updateReport(tx, signedReport.id, { state: 'signed', contentHash: hash, signedAt: new Date(at) });

  const inProgress = await draftReport(tx, current.from, today, nucleus.lucense.id, now);
  for (const c of ['lucense', 'asev', 'cptm'] as const)
    await reportsRepo.putComment(tx, {
      reportId: inProgress.id,
      organizationId: c,
      comment: 'Osservazioni in corso di stesura per il semestre.',
      authorId: nucleus[c].id,
    });
}

async function draftReport(tx: Tx, from: string, to: string, createdBy: string, now: Date) {
  const p = period(from, to);
  const protocol = (await protocolFor(tx, from, to))!;
  const snapshot = await assemble(tx, p, protocol, now);
  const r = await reportsRepo.insertReport(tx, {
    protocolId: protocol.id,
    periodFrom: from,
    periodTo: to,
    snapshot: snapshot as unknown as Record<string, unknown>,
    createdBy,
  });
  await reportsRepo.insertSlots(tx, slotsOf(r.id, protocol));
  return r;
}
