/**
 * The DCAT-AP_IT catalogue as RDF quads (n3's data model), written as Turtle with n3's Writer and as JSON-LD with
 * jsonld.js — the same quads both ways. Pure: the caller passes the datasets' metadata, versions and agents.
 */
import { DataFactory, Writer, type Quad } from 'n3';
import jsonld from 'jsonld';
import type { LocalizedText } from '../../db/schema/index.ts';

const { namedNode, literal, quad } = DataFactory;

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
} as const;
const EU = 'http://publications.europa.eu/resource/authority';
export const LICENCE = 'http://creativecommons.org/licenses/by/4.0/';

/** The formats every dataset is distributed in: file suffix, EU file type, IANA media type. */
export const DISTRIBUTIONS = [
  {
    suffix: 'csv',
    fileType: 'CSV',
    mediaType: 'text/csv',
    label: { it: 'CSV (RFC 4180, UTF-8)', en: 'CSV (RFC 4180, UTF-8)' },
  },
  { suffix: 'json', fileType: 'JSON', mediaType: 'application/json', label: { it: 'JSON', en: 'JSON' } },
  {
    suffix: 'jsonld',
    fileType: 'JSON_LD',
    mediaType: 'application/ld+json',
    label: { it: 'JSON-LD (schema.org)', en: 'JSON-LD (schema.org)' },
  },
] as const;

export interface CatalogAgent {
  uri: string;
  name: string;
  /** IPA code of a public body, VAT number of a private one, or the agent's URI when neither is known. */
  identifier: string;
}
export interface CatalogDataset {
  name: string;
  title: LocalizedText;
  description: LocalizedText;
  themes: string[];
  keywords: string[];
  modified: Date;
}
export interface CatalogInput {
  base: string;
  title: LocalizedText;
  description: LocalizedText;
  publisher: CatalogAgent;
  contributors: CatalogAgent[];
  /** Contact point of the datasets (the network's coordination), when an address is known. */
  contact: { name: string; email: string } | null;
  issued: Date;
  datasets: CatalogDataset[];
}

const day = (d: Date) => literal(d.toISOString().slice(0, 10), namedNode(`${NS.xsd}date`));
const texts = (t: LocalizedText) => (['it', 'en'] as const).filter((l) => t[l]).map((l) => literal(t[l]!, l));

export const catalogUri = (base: string) => `${base}/opendata/catalog`;
export const datasetUri = (base: string, name: string) => `${base}/opendata/dataset/${name}`;
export const fileUrl = (base: string, name: string, suffix: string) => `${base}/opendata/${name}.${suffix}`;

/** The catalogue's statements. */
export function catalogQuads(c: CatalogInput): Quad[] {
  const out: Quad[] = [];
  const add = (s: string, p: string, o: ReturnType<typeof namedNode> | ReturnType<typeof literal>) =>
    out.push(quad(namedNode(s), namedNode(p), o));
  const iri = (s: string, p: string, o: string) => add(s, p, namedNode(o));
  const type = (s: string, ...classes: string[]) => {
    for (const k of classes) iri(s, `${NS.rdf}type`, k);
  };
  const catalog = catalogUri(c.base);
  const modified = new Date(Math.max(c.issued.getTime(), ...c.datasets.map((d) => d.modified.getTime())));

  type(catalog, `${NS.dcatapit}Catalog`, `${NS.dcat}Catalog`);
  for (const t of texts(c.title)) add(catalog, `${NS.dct}title`, t);
  for (const t of texts(c.description)) add(catalog, `${NS.dct}description`, t);
  iri(catalog, `${NS.dct}publisher`, c.publisher.uri);
  add(catalog, `${NS.dct}modified`, day(modified));
  add(catalog, `${NS.dct}issued`, day(c.issued));
  iri(catalog, `${NS.foaf}homepage`, c.base);
  iri(catalog, `${NS.dct}language`, `${EU}/language/ITA`);
  iri(catalog, `${NS.dct}language`, `${EU}/language/ENG`);
  iri(catalog, `${NS.dcat}themeTaxonomy`, `${EU}/data-theme`);

  for (const a of [c.publisher, ...c.contributors.filter((x) => x.uri !== c.publisher.uri)]) {
    type(a.uri, `${NS.dcatapit}Agent`, `${NS.foaf}Agent`);
    add(a.uri, `${NS.dct}identifier`, literal(a.identifier));
    add(a.uri, `${NS.foaf}name`, literal(a.name));
  }
  type(LICENCE, `${NS.dcatapit}LicenseDocument`, `${NS.dct}LicenseDocument`);
  iri(LICENCE, `${NS.dct}type`, 'http://purl.org/adms/licencetype/Attribution');
  add(LICENCE, `${NS.foaf}name`, literal('Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)', 'it'));
  add(LICENCE, `${NS.foaf}name`, literal('Creative Commons Attribution 4.0 International (CC BY 4.0)', 'en'));
  const contact = c.contact ? `${catalog}#contact` : null;
  if (c.contact && contact) {
    type(contact, `${NS.dcatapit}Organization`, `${NS.vcard}Organization`, `${NS.vcard}Kind`);
    add(contact, `${NS.vcard}fn`, literal(c.contact.name));
    iri(contact, `${NS.vcard}hasEmail`, `mailto:${c.contact.email}`);
  }

  for (const d of c.datasets) {
    const ds = datasetUri(c.base, d.name);
    iri(catalog, `${NS.dcat}dataset`, ds);
    type(ds, `${NS.dcatapit}Dataset`, `${NS.dcat}Dataset`);
    add(ds, `${NS.dct}identifier`, literal(ds));
    for (const t of texts(d.title)) add(ds, `${NS.dct}title`, t);
    for (const t of texts(d.description)) add(ds, `${NS.dct}description`, t);
    add(ds, `${NS.dct}modified`, day(d.modified));
    for (const theme of d.themes) iri(ds, `${NS.dcat}theme`, `${EU}/data-theme/${theme}`);
    iri(ds, `${NS.dct}rightsHolder`, c.publisher.uri);
    iri(ds, `${NS.dct}publisher`, c.publisher.uri);
    for (const a of c.contributors) iri(ds, `${NS.dct}contributor`, a.uri);
    iri(ds, `${NS.dct}accrualPeriodicity`, `${EU}/frequency/UPDATE_CONT`);
    iri(ds, `${NS.dct}language`, `${EU}/language/ITA`);
    iri(ds, `${NS.dct}language`, `${EU}/language/ENG`);
    for (const k of d.keywords) add(ds, `${NS.dcat}keyword`, literal(k, 'it'));
    if (contact) iri(ds, `${NS.dcat}contactPoint`, contact);
    for (const f of DISTRIBUTIONS) {
      const dist = `${ds}/${f.suffix}`;
      const url = fileUrl(c.base, d.name, f.suffix);
      iri(ds, `${NS.dcat}distribution`, dist);
      type(dist, `${NS.dcatapit}Distribution`, `${NS.dcat}Distribution`);
      iri(dist, `${NS.dct}format`, `${EU}/file-type/${f.fileType}`);
      iri(dist, `${NS.dcat}accessURL`, url);
      iri(dist, `${NS.dcat}downloadURL`, url);
      add(dist, `${NS.dcat}mediaType`, literal(f.mediaType));
      iri(dist, `${NS.dct}license`, LICENCE);
      add(dist, `${NS.dct}modified`, day(d.modified));
      for (const t of texts({ it: `${d.title.it} — ${f.label.it}`, en: `${d.title.en} — ${f.label.en}` }))
        add(dist, `${NS.dct}description`, t);
    }
  }
  return out;
}

export function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((e, r) => (e ? reject(e) : resolve(r))));
}

/** JSON-LD compacted with the namespaces as prefixes (no remote context). */
export async function toJsonLd(quads: Quad[]): Promise<object> {
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  return jsonld.compact(expanded, { ...NS });
}
