/**
 * The registry of open datasets: every public collection of the network, with how to read it in pages, how each
 * record looks in JSON, CSV and JSON-LD, and which change-log types move it. The catalogue (DCAT-AP_IT), the files,
 * the record URIs and the change feed are all built from this list: a new public collection (joint actions,
 * opportunities) is one more entry here, as events and news are (event-news-datasets.service.ts) — plus, for the
 * change feed, a trigger (or `recordChange` calls) writing its type into the change log.
 */
import type { Db } from '../../db/client.ts';
import type { LocalizedText, OfferType } from '../../db/schema/index.ts';
import { presentExpert, presentOffer, presentOrganization } from '../catalogue/catalogue.presenter.ts';
import { events, news } from './event-news-datasets.service.ts';
import * as repo from './opendata.repo.ts';
import {
  bilingual,
  bilingualColumns,
  compact,
  joinList,
  keyed,
  langValues,
  orgRef,
  type Page,
  recordPage,
  recordUri,
  type Cell,
  type JsonObject,
} from './records.rules.ts';

export type { Page };

export interface Dataset<Row = never> {
  /** The file name: /opendata/<name>.csv */
  name: string;
  /** The record type of the change feed and of record URIs; null for a collection of figures (no record URIs). */
  recordType: string | null;
  /** Change-log types whose changes change this collection (its version, `dct:modified`). */
  changeTypes: string[];
  title: LocalizedText;
  description: LocalizedText;
  /** EU data themes (codes of http://publications.europa.eu/resource/authority/data-theme). */
  themes: string[];
  keywords: string[];
  columns: string[];
  /** One page of public rows after the key `after` (0: from the start), in a stable order. */
  page(db: Db, after: number, limit: number): Promise<Page<Row>>;
  /** The public rows among `ids` (the others are not public, or do not exist). */
  byIds?(db: Db, ids: string[]): Promise<Row[]>;
  id(row: Row): string;
  record(row: Row, base: string): JsonObject;
  csv(row: Row, base: string): Record<string, Cell>;
  node(row: Row, base: string): JsonObject;
}

const OFFER_COLUMNS = [
  'id',
  'uri',
  'organization',
  'institution',
  ...bilingualColumns('title'),
  ...bilingualColumns('description'),
  'keywords',
  'technology_areas',
  'sectors',
  'filiere',
  's3',
];
const offerCells = (o: repo.OfferRow, base: string): Record<string, Cell> => ({
  id: o.offer.id,
  uri: recordUri(base, o.offer.type, o.offer.id),
  organization: o.offer.organizationId,
  institution: o.institution,
  ...bilingual('title', o.offer.title),
  ...bilingual('description', o.offer.description),
  keywords: joinList(o.offer.keywords),
  technology_areas: joinList(o.offer.technologyAreas),
  sectors: joinList(o.offer.sectors),
  filiere: joinList(o.offer.filiere),
  s3: joinList(o.offer.s3),
});
const offerNode = (o: repo.OfferRow, base: string, type: string): JsonObject =>
  compact({
    '@id': recordUri(base, o.offer.type, o.offer.id),
    '@type': type,
    identifier: o.offer.id,
    name: langValues(o.offer.title),
    description: langValues(o.offer.description),
    keywords: o.offer.keywords ?? [],
    url: recordPage(base, o.offer.type, o.offer.id),
  });

function offerDataset(
  type: OfferType,
  name: string,
  title: LocalizedText,
  description: LocalizedText,
  extra: {
    columns: string[];
    cells(o: repo.OfferRow, base: string): Record<string, Cell>;
    node(o: repo.OfferRow, base: string): JsonObject;
  },
): Dataset<repo.OfferRow> {
  return {
    name,
    recordType: type,
    changeTypes: [type],
    title,
    description,
    themes: ['TECH', 'ECON'],
    keywords: ['innovazione', 'trasferimento tecnologico', 'Toscana'],
    columns: [...OFFER_COLUMNS, ...extra.columns],
    page: async (db, after, limit) => keyed(await repo.pageOffers(db, type, after, limit), limit, (r) => r.offer.seq),
    byIds: (db, ids) => repo.offersByIds(db, type, ids),
    id: (r) => r.offer.id,
    record: (r, base) => ({ ...presentOffer(r.offer), uri: recordUri(base, type, r.offer.id) }),
    csv: (r, base) => ({ ...offerCells(r, base), ...extra.cells(r, base) }),
    node: extra.node,
  };
}

const organizations: Dataset<repo.OrganizationRow> = {
  name: 'organizations',
  recordType: 'organization',
  changeTypes: ['organization'],
  title: { it: 'Organizzazioni della rete', en: 'Organisations of the network' },
  description: {
    it: 'La Regione, i centri di trasferimento tecnologico, le università, gli enti di ricerca e le imprese presenti nel catalogo della rete, con il profilo pubblico delle imprese (partita IVA, classe dimensionale, cosa offrono e cosa cercano).',
    en: "The Region, the technology-transfer centres, universities, research bodies and companies in the network's catalogue, with companies' public profiles (VAT number, size class, what they offer and what they seek).",
  },
  themes: ['TECH', 'ECON'],
  keywords: ['organizzazioni', 'imprese', 'centri di trasferimento tecnologico'],
  columns: [
    'id',
    'uri',
    'kind',
    'name',
    'short_name',
    'town',
    'province',
    'website',
    ...bilingualColumns('description'),
    'sectors',
    'filiere',
    's3',
    ...bilingualColumns('district'),
    'latitude',
    'longitude',
    'vat_number',
    'size_class',
    ...bilingualColumns('company_offers'),
    ...bilingualColumns('company_seeks'),
  ],
  page: async (db, after, limit) => keyed(await repo.pageOrganizations(db, after, limit), limit, (r) => r.org.seq),
  byIds: (db, ids) => repo.organizationsByIds(db, ids),
  id: (r) => r.org.id,
  record(r, base) {
    const company = companyOf(r);
    return {
      ...presentOrganization(r.org),
      uri: recordUri(base, 'organization', r.org.id),
      ...(company ? { company } : {}),
    };
  },
  csv(r, base) {
    const o = r.org;
    const company = companyOf(r);
    return {
      id: o.id,
      uri: recordUri(base, 'organization', o.id),
      kind: o.kind,
      name: o.name,
      short_name: o.shortName,
      town: o.town,
      province: o.province,
      website: o.website,
      ...bilingual('description', o.description),
      sectors: joinList(o.sectors),
      filiere: joinList(o.filiere),
      s3: joinList(o.s3),
      ...bilingual('district', o.profile?.district),
      latitude: o.profile?.lat,
      longitude: o.profile?.lon,
      vat_number: company?.vatNumber,
      size_class: company?.sizeClass,
      ...bilingual('company_offers', company?.offers),
      ...bilingual('company_seeks', company?.seeks),
    };
  },
  node(r, base) {
    const o = r.org;
    const company = companyOf(r);
    return compact({
      '@id': recordUri(base, 'organization', o.id),
      '@type': o.kind === 'company' ? 'Corporation' : 'Organization',
      identifier: o.id,
      name: o.name,
      alternateName: o.shortName,
      description: langValues(o.description),
      url: o.website ?? recordPage(base, 'organization', o.id),
      mainEntityOfPage: recordPage(base, 'organization', o.id),
      vatID: company?.vatNumber,
      address:
        o.town || o.province
          ? compact({
              '@type': 'PostalAddress',
              addressLocality: o.town,
              addressRegion: o.province,
              addressCountry: 'IT',
            })
          : null,
      geo:
        o.profile?.lat !== undefined && o.profile?.lon !== undefined
          ? { '@type': 'GeoCoordinates', latitude: o.profile.lat, longitude: o.profile.lon }
          : null,
      makesOffer: langValues(company?.offers).length
        ? { '@type': 'Offer', description: langValues(company?.offers) }
        : null,
      seeks: langValues(company?.seeks).length ? { '@type': 'Demand', description: langValues(company?.seeks) } : null,
    });
  },
};

/** A company's public profile; none for a company whose registration a centre rejected (as the API shows it). */
function companyOf(r: repo.OrganizationRow) {
  if (r.verification === null || r.verification === 'rejected') return null;
  return compact({
    vatNumber: r.vatNumber,
    sizeClass: r.sizeClass,
    offers: r.offers,
    seeks: r.seeks,
    verified: r.verification === 'verified',
  });
}

const competences = offerDataset(
  'competence',
  'competences',
  { it: 'Competenze dei centri', en: "The centres' competences" },
  {
    it: 'Le competenze tecnologiche che i centri della rete mettono a disposizione delle imprese, con il livello di maturità tecnologica (TRL).',
    en: 'The technology competences the network centres offer to companies, with their technology readiness level (TRL).',
  },
  {
    columns: ['trl'],
    cells: (r) => ({ trl: r.offer.trl }),
    node: (r, base) =>
      compact({
        ...offerNode(r, base, 'Service'),
        serviceType: 'competence',
        provider: orgRef(base, r.offer.organizationId),
        additionalProperty: r.offer.trl === null ? null : { '@type': 'PropertyValue', name: 'TRL', value: r.offer.trl },
      }),
  },
);

const services = offerDataset(
  'service',
  'services',
  { it: 'Servizi dei centri', en: "The centres' services" },
  {
    it: 'I servizi (prove, analisi, consulenza, formazione, certificazione, incubazione…) offerti dai centri della rete.',
    en: 'The services (testing, analysis, consulting, training, certification, incubation…) the network centres offer.',
  },
  {
    columns: ['service_kind'],
    cells: (r) => ({ service_kind: r.offer.serviceKind }),
    node: (r, base) =>
      compact({
        ...offerNode(r, base, 'Service'),
        serviceType: r.offer.serviceKind,
        provider: orgRef(base, r.offer.organizationId),
      }),
  },
);

/** Equipment: the columns of national equipment registers (Uniquip) where the record has the data. */
const equipment = offerDataset(
  'equipment',
  'equipment',
  { it: 'Attrezzature e laboratori', en: 'Equipment and laboratories' },
  {
    it: 'Le attrezzature scientifiche e tecnologiche dei centri della rete: laboratorio, sede, condizioni di accesso e se si prenotano sulla piattaforma.',
    en: 'The scientific and technological equipment of the network centres: laboratory, location, access conditions and whether it is booked on the platform.',
  },
  {
    columns: ['laboratory', 'location', 'access_conditions', 'bookable', 'web_page'],
    cells: (r, base) => ({
      laboratory: r.offer.lab,
      location: r.offer.location,
      access_conditions: r.offer.access,
      bookable: r.offer.bookable,
      web_page: recordPage(base, 'equipment', r.offer.id),
    }),
    node: (r, base) =>
      compact({
        ...offerNode(r, base, 'Product'),
        category: 'equipment',
        '@reverse': { owns: orgRef(base, r.offer.organizationId) },
        additionalProperty: [
          ['laboratory', r.offer.lab],
          ['location', r.offer.location],
          ['access', r.offer.access],
          ['bookable', r.offer.bookable],
        ]
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([name, value]) => ({ '@type': 'PropertyValue', name, value })),
      }),
  },
);

const experts: Dataset<repo.ExpertRow> = {
  name: 'experts',
  recordType: 'expert',
  changeTypes: ['expert'],
  title: { it: 'Esperti con profilo pubblico', en: 'Experts with a public profile' },
  description: {
    it: 'Le persone esperte dei centri che hanno acconsentito a un profilo pubblico: ruolo, ambiti di competenza, parole chiave.',
    en: 'The centres’ experts who consented to a public profile: role, fields of expertise, keywords.',
  },
  themes: ['TECH'],
  keywords: ['esperti', 'competenze'],
  columns: [
    'id',
    'uri',
    'organization',
    'institution',
    'name',
    ...bilingualColumns('role'),
    ...bilingualColumns('expertise'),
    'keywords',
  ],
  page: async (db, after, limit) => keyed(await repo.pageExperts(db, after, limit), limit, (r) => r.expert.seq),
  byIds: (db, ids) => repo.expertsByIds(db, ids),
  id: (r) => r.expert.id,
  record: (r, base) => ({ ...presentExpert(r.expert), uri: recordUri(base, 'expert', r.expert.id) }),
  csv: (r, base) => ({
    id: r.expert.id,
    uri: recordUri(base, 'expert', r.expert.id),
    organization: r.expert.organizationId,
    institution: r.institution,
    name: r.expert.name,
    ...bilingual('role', r.expert.role),
    ...bilingual('expertise', r.expert.expertise),
    keywords: joinList(r.expert.keywords),
  }),
  node: (r, base) =>
    compact({
      '@id': recordUri(base, 'expert', r.expert.id),
      '@type': 'Person',
      identifier: r.expert.id,
      name: r.expert.name,
      jobTitle: langValues(r.expert.role),
      knowsAbout: [...langValues(r.expert.expertise), ...(r.expert.keywords ?? [])],
      worksFor: orgRef(base, r.expert.organizationId),
      url: recordPage(base, 'expert', r.expert.id),
    }),
};

const requestRef = (n: number) => `R-${String(n).padStart(4, '0')}`;
/** Public requests: only the summary anyone may read — never the description, the company or any contact. */
const requests: Dataset<repo.RequestSummaryRow> = {
  name: 'requests',
  recordType: 'request',
  changeTypes: ['request'],
  title: { it: 'Richieste pubbliche delle imprese (sintesi)', en: "Companies' public requests (summaries)" },
  description: {
    it: 'La sintesi dei problemi che le imprese hanno portato alla rete come richieste pubbliche, una volta aperte ai centri: titolo, sintesi, stato, settore e filiera. Le richieste riservate e quelle visibili solo alla rete non sono incluse.',
    en: 'The summaries of the problems companies brought to the network as public requests, once opened to the centres: title, summary, state, sector and supply chain. Confidential and network-only requests are not included.',
  },
  themes: ['TECH', 'ECON'],
  keywords: ['domanda di innovazione', 'richieste delle imprese'],
  columns: [
    'id',
    'uri',
    'ref',
    'title',
    'summary',
    'language',
    'state',
    'sector',
    'filiera',
    'submitted_at',
    'opened_at',
    'closed_at',
  ],
  page: async (db, after, limit) => keyed(await repo.pageRequestSummaries(db, after, limit), limit, (r) => r.number),
  byIds: (db, ids) => repo.requestSummariesByIds(db, ids),
  id: (r) => r.id,
  record: (r, base) => ({
    id: r.id,
    uri: recordUri(base, 'request', r.id),
    ref: requestRef(r.number),
    title: r.title,
    summary: r.summary,
    lang: r.lang,
    state: r.state,
    sector: r.sector,
    filiera: r.filiera,
    submittedAt: r.submittedAt.toISOString(),
    openedAt: r.openedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
  }),
  csv: (r, base) => ({
    id: r.id,
    uri: recordUri(base, 'request', r.id),
    ref: requestRef(r.number),
    title: r.title,
    summary: r.summary,
    language: r.lang,
    state: r.state,
    sector: r.sector,
    filiera: r.filiera,
    submitted_at: r.submittedAt.toISOString(),
    opened_at: r.openedAt?.toISOString(),
    closed_at: r.closedAt?.toISOString(),
  }),
  node: (r, base) =>
    compact({
      '@id': recordUri(base, 'request', r.id),
      '@type': 'Demand',
      identifier: requestRef(r.number),
      name: { '@value': r.title, '@language': r.lang },
      description: r.summary ? { '@value': r.summary, '@language': r.lang } : null,
      availabilityStarts: r.openedAt?.toISOString(),
      url: recordPage(base, 'request', r.id),
    }),
};

type S3Row = Awaited<ReturnType<typeof repo.s3Coverage>>[number];
const S3_COUNTS = ['organizations', 'competences', 'services', 'equipment'] as const;
/** Coverage of the regional smart-specialisation strategy: figures per priority, read whole (a few dozen rows). */
const s3Coverage: Dataset<S3Row> = {
  name: 's3-coverage',
  recordType: null,
  changeTypes: ['organization', 'competence', 'service', 'equipment'],
  title: { it: 'Copertura della strategia S3 regionale', en: 'Coverage of the regional S3 strategy' },
  description: {
    it: 'Per ogni priorità della strategia di specializzazione intelligente (S3) della Toscana: quante organizzazioni, competenze, servizi e attrezzature della rete la coprono.',
    en: "For each priority of Tuscany's smart specialisation strategy (S3): how many organisations, competences, services and equipment of the network cover it.",
  },
  themes: ['TECH', 'REGI'],
  keywords: ['S3', 'specializzazione intelligente'],
  columns: ['code', ...bilingualColumns('label'), 'parent', ...S3_COUNTS],
  page: async (db, after) => (after > 0 ? { rows: [], next: null } : { rows: await repo.s3Coverage(db), next: null }),
  id: (r) => r.code,
  record: (r) => ({ ...r }),
  csv: (r) => ({ code: r.code, ...bilingual('label', r.label), parent: r.parent, ...pick(r, S3_COUNTS) }),
  node: (r, base) =>
    compact({
      '@id': `${base}/opendata/s3-coverage#${encodeURIComponent(r.code)}`,
      '@type': 'DefinedTerm',
      termCode: r.code,
      name: langValues(r.label),
      additionalProperty: S3_COUNTS.map((k) => ({ '@type': 'PropertyValue', name: k, value: r[k] })),
    }),
};
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

// biome-ignore lint/suspicious/noExplicitAny: each entry has its own row type; callers use only the interface.
export type AnyDataset = Dataset<any>;

/** Every open dataset, in the order the catalogue lists them. */
export const DATASETS: readonly AnyDataset[] = [
  organizations,
  competences,
  services,
  equipment,
  experts,
  requests,
  events,
  news,
  s3Coverage,
];

export const datasetByName = (name: string) => DATASETS.find((d) => d.name === name) ?? null;
export const datasetByType = (type: string) => DATASETS.find((d) => d.recordType === type) ?? null;
/** Every record type the change feed may carry. */
export const RECORD_TYPES = DATASETS.flatMap((d) => (d.recordType ? [d.recordType] : []));

/** Every public row of a dataset, page after page (never the whole collection in memory). */
export async function* pagesOf(db: Db, d: AnyDataset, pageSize = 500): AsyncGenerator<unknown[]> {
  let after = 0;
  for (;;) {
    const { rows, next } = await d.page(db, after, pageSize);
    if (rows.length) yield rows;
    if (next === null) return;
    after = next;
  }
}
