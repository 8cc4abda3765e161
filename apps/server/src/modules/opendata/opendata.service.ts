/**
 * Open data: the DCAT-AP_IT catalogue, one file per dataset and format (streamed page by page), each public record as
 * JSON-LD at its URI, and the versions that answer conditional requests. Everything is read as the public reads it.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.ts';
import * as repo from './opendata.repo.ts';
import { type AnyDataset, DATASETS, datasetByType, pagesOf } from './datasets.service.ts';
import { catalogQuads, toJsonLd, toTurtle, type CatalogAgent } from './catalog.rules.ts';
import { cellText, recordUri, SCHEMA_CONTEXT } from './records.rules.ts';

/** Bumped when the shape of the files changes, so caches holding the old shape revalidate. */
const FORMAT_VERSION = 1;

/** What a conditional request is compared with. */
export interface Version {
  etag: string;
  lastModified: Date | null;
}

/** Publishes waiting changes, then the version of the data behind some change types. */
async function versionFor(db: Db, key: string, types: string[]) {
  await repo.publishChanges(db);
  const v = await repo.versionOf(db, types);
  return { etag: `W/"${key}-${FORMAT_VERSION}-${v.position}"`, lastModified: v.published, changed: v.changed };
}

export function datasetVersion(db: Db, d: AnyDataset): Promise<Version> {
  return versionFor(db, d.name, d.changeTypes);
}
const ALL_TYPES = [...new Set(DATASETS.flatMap((d) => d.changeTypes))];
export function catalogVersion(db: Db): Promise<Version> {
  return versionFor(db, 'catalog', ALL_TYPES);
}

/** IPA codes of public bodies known to the software, by web site (the Region's is in AgID's DCAT-AP_IT guide). */
const IPA_CODES: Record<string, string> = { 'www.regione.toscana.it': 'r_toscan', 'regione.toscana.it': 'r_toscan' };
const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
};

/**
 * The Region (publisher and rights holder) and the centres (contributors), as DCAT-AP_IT agents. Identifier: the IPA
 * code of a public body, the VAT number of a private one; when neither is recorded, the agent's URI on this instance
 * (a non-empty literal, which the profile accepts) — never an invented code.
 */
export async function catalogAgents(db: Db, base: string) {
  const all = await repo.networkAgents(db);
  const agent = (a: (typeof all)[number]): CatalogAgent => {
    const uri = recordUri(base, 'organization', a.id);
    const ipa = IPA_CODES[hostOf(a.website) ?? ''];
    return { uri, name: a.name, identifier: ipa ?? a.vatNumber ?? uri };
  };
  const region = all.find((a) => a.kind === 'region');
  const publisher: CatalogAgent = region
    ? agent(region)
    : {
        uri: `${base}/opendata/catalog#publisher`,
        name: 'CL.O.C.K.',
        identifier: `${base}/opendata/catalog#publisher`,
      };
  const email = region ? await repo.organizationEmail(db, region.id) : null;
  return {
    publisher,
    contributors: all.filter((a) => a.kind === 'centre').map(agent),
    contact: email && region ? { name: region.name, email } : null,
  };
}

async function catalogInput(db: Db, base: string) {
  await repo.publishChanges(db);
  const agents = await catalogAgents(db, base);
  const now = new Date();
  const datasets = [];
  let issued = now;
  for (const d of DATASETS) {
    const v = await repo.versionOf(db, d.changeTypes);
    const modified = v.changed ?? now;
    if (modified < issued) issued = modified;
    datasets.push({
      name: d.name,
      title: d.title,
      description: d.description,
      themes: d.themes,
      keywords: d.keywords,
      modified,
    });
  }
  return {
    base,
    title: { it: 'Catalogo dei dati aperti di CL.O.C.K.', en: 'CL.O.C.K. open data catalogue' },
    description: {
      it: 'I dati pubblici della rete toscana dei centri di trasferimento tecnologico: organizzazioni, competenze, servizi, attrezzature, esperti, richieste pubbliche delle imprese e copertura della strategia S3.',
      en: "The public data of Tuscany's network of technology-transfer centres: organisations, competences, services, equipment, experts, companies' public requests and coverage of the S3 strategy.",
    },
    ...agents,
    issued,
    datasets,
  };
}

export async function catalogTurtle(db: Db, base: string): Promise<string> {
  return toTurtle(catalogQuads(await catalogInput(db, base)));
}
export async function catalogJsonLd(db: Db, base: string): Promise<object> {
  return toJsonLd(catalogQuads(await catalogInput(db, base)));
}

/**
 * Rows in slices small enough that each written chunk stays in V8's young generation: a chunk of a whole page
 * (hundreds of KB) is a large object, freed only by a full collection of a heap that holds the search index — measured
 * with `npm run bench:opendata`, the server's memory then grew by 150-280 MiB during a download instead of 30.
 */
const SLICE = 100;
async function* slicesOf(db: Db, d: AnyDataset): AsyncGenerator<unknown[]> {
  for await (const rows of pagesOf(db, d)) for (let i = 0; i < rows.length; i += SLICE) yield rows.slice(i, i + SLICE);
}

/** The dataset as CSV: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row, one row per public record. */
export function csvStream(db: Db, d: AnyDataset, base: string): Readable {
  const options = { record_delimiter: 'windows' as const };
  return Readable.from(
    (async function* () {
      yield stringify([d.columns], options);
      for await (const rows of slicesOf(db, d)) {
        yield stringify(
          rows.map((row) => {
            const cells = d.csv(row as never, base);
            return d.columns.map((c) => cellText(cells[c]));
          }),
          options,
        );
      }
    })(),
  );
}

/** A JSON array written a slice of records at a time, inside `head` … `tail`. */
function jsonArrayStream(head: string, pages: AsyncIterable<object[]>, tail: string): Readable {
  return Readable.from(
    (async function* () {
      yield head;
      let first = true;
      for await (const items of pages) {
        yield (first ? '\n' : ',\n') + items.map((i) => JSON.stringify(i)).join(',\n');
        first = false;
      }
      yield `\n${tail}`;
    })(),
  );
}
async function* mapped(db: Db, d: AnyDataset, f: (row: never) => object) {
  for await (const rows of slicesOf(db, d)) yield rows.map((r) => f(r as never));
}

export function jsonStream(db: Db, d: AnyDataset, base: string): Readable {
  return jsonArrayStream(
    '[',
    mapped(db, d, (r) => d.record(r, base)),
    ']\n',
  );
}
export function jsonLdStream(db: Db, d: AnyDataset, base: string): Readable {
  return jsonArrayStream(
    `{"@context":${JSON.stringify(SCHEMA_CONTEXT)},"@graph":[`,
    mapped(db, d, (r) => d.node(r, base)),
    ']}\n',
  );
}

/** One public record as schema.org JSON-LD, or null when there is no such public record. */
export async function recordJsonLd(db: Db, type: string, id: string, base: string): Promise<object | null> {
  const d = datasetByType(type);
  if (!d?.byIds) return null;
  const [row] = await d.byIds(db, [id]);
  return row === undefined ? null : { '@context': SCHEMA_CONTEXT, ...d.node(row, base) };
}

/** Whether a public record of that type and id exists (for redirecting a record URI to its page). */
export async function recordExists(db: Db, type: string, id: string): Promise<boolean> {
  const d = datasetByType(type);
  return !!d?.byIds && (await d.byIds(db, [id])).length > 0;
}
