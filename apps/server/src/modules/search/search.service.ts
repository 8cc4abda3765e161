import type { SearchResponse } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { AnalysisWorker } from '../../analysis/client.ts';
import type { ThreadMemory, WorkerSettings } from '../../analysis/protocol.ts';
import {
  allOrganizations,
  catalogueChangesSince,
  catalogueFullLoad,
  databaseIdentity,
  liveCatalogueCount,
  markerFits,
  searchCatalogueText,
  type CatalogueMarker,
} from '../catalogue/catalogue.service.ts';
import type * as repo from '../catalogue/catalogue.repo.ts';
import type { AmongResult, MatchInput, MatchResult } from '../matching/matching.engine.ts';
import { pick, type IndexBatch, type SearchParams } from './search.engine.ts';
import type { DocInput, Localized } from './search.index.ts';
import { plainSnippet } from './search.snippet.ts';
import { readSnapshotHeader } from './search.snapshot.ts';
import type { Lang } from './text.rules.ts';
import { degradedPrefixes } from './degraded.rules.ts';

type OrgRow = Awaited<ReturnType<typeof repo.getOrganization>> & {};
type OfferRow = Awaited<ReturnType<typeof repo.getOffer>> & {};
type ExpertRow = Awaited<ReturnType<typeof repo.getExpert>> & {};

export type { SearchParams } from './search.engine.ts';
const langFields = (l: Localized | null | undefined, weight: number) =>
  (['it', 'en'] as const).filter((k) => l?.[k]).map((k) => ({ text: l![k]!, lang: k, weight }));

/** Builds the index documents from catalogue rows; offers inherit their organisation's S3 priorities and, if they have none, its sectors and filiere. */
export function organizationDoc(o: OrgRow): DocInput {
  return {
    type: 'organization',
    id: o.id,
    organization: o.id,
    visibility: 'public',
    title: { it: o.name, en: o.name },
    summary: o.description ?? {},
    fields: [
      { text: [o.name, o.shortName].filter(Boolean).join(' '), lang: 'both', weight: 3 },
      ...langFields(o.description, 1),
      ...langFields(o.profile?.district, 1.5),
      { text: o.town ?? '', lang: 'both', weight: 0.5 },
    ],
    sectors: o.sectors ?? [],
    filiere: o.filiere ?? [],
    s3: o.s3 ?? [],
  };
}
export function offerDoc(r: OfferRow, org: OrgRow | undefined): DocInput {
  return {
    type: r.type,
    id: r.id,
    organization: r.organizationId,
    visibility: 'public',
    title: r.title,
    summary: r.description ?? r.title,
    fields: [
      ...langFields(r.title, 3),
      ...langFields(r.description, 1),
      { text: (r.keywords ?? []).join(', '), lang: 'both', weight: 2 },
      { text: [r.lab, r.location].filter(Boolean).join(', '), lang: 'both', weight: 0.7 },
      { text: org ? [org.name, org.shortName].filter(Boolean).join(' ') : '', lang: 'both', weight: 0.4 },
    ],
    sectors: r.sectors ?? org?.sectors ?? [],
    filiere: r.filiere ?? org?.filiere ?? [],
    s3: r.s3 ?? org?.s3 ?? [],
  };
}
export function expertDoc(e: ExpertRow, org: OrgRow | undefined): DocInput {
  return {
    type: 'expert',
    id: e.id,
    organization: e.organizationId,
    visibility: e.publicProfile ? 'public' : 'network',
    title: { it: e.name, en: e.name },
    summary: e.expertise ?? e.role ?? {},
    fields: [
      { text: e.name, lang: 'both', weight: 2 },
      ...langFields(e.role, 1),
      ...langFields(e.expertise, 1.5),
      { text: (e.keywords ?? []).join(', '), lang: 'both', weight: 2 },
      { text: org ? [org.name, org.shortName].filter(Boolean).join(' ') : '', lang: 'both', weight: 0.4 },
    ],
    sectors: org?.sectors ?? [],
    filiere: org?.filiere ?? [],
    s3: org?.s3 ?? [],
  };
}

/** Wait before a new analysis thread replaces one that died. */
const RESTART_DELAY_MS = 1000;
/** Seconds a client is told to wait (Retry-After) for matching while the index is being built. */
const RETRY_AFTER_S = 10;
/** How often the index is written to its snapshot file when it changed since the last one. */
const SAVE_EVERY_MS = 15 * 60_000;
/** How long a clean shutdown waits for the snapshot to be written. */
const SAVE_ON_CLOSE_MS = 8000;

export interface SearchServiceOptions {
  /** How often (ms) a search checks whether the catalogue changed in the database (any process may have written). */
  checkEveryMs?: number;
  /** Settings of the analysis thread (tests). */
  worker?: WorkerSettings;
  /**
   * The index's snapshot file (decision 026): read at start instead of a full build when it fits this database and
   * this analysis, written after a full build, every `saveEveryMs` when the index changed, and at a clean shutdown.
   * Absent: none.
   */
  snapshotFile?: string | null;
  saveEveryMs?: number;
  /** Told how a start went (restored or built) and what each snapshot write did. */
  log?: (message: string) => void;
}

export interface IndexStatus {
  ready: boolean;
  documents: number;
}

/**
 * Keeps the search index in step with the database (by database snapshot, so several processes sharing one
 * PostgreSQL all see every committed write once, whatever the commit order) and answers search and matching for an
 * actor. The index lives in the analysis thread (`src/analysis/`): this service reads the catalogue changes (the
 * embedded database cannot be opened from another thread), sends them there, and sends each query. At start it loads
 * the index's snapshot file when there is a valid one and catches up from its marker; otherwise it reads the whole
 * catalogue page by page. Until the first index is ready, searches are answered from the database, marked `degraded`.
 */
export class SearchService {
  private worker: AnalysisWorker | null = null;
  private marker: CatalogueMarker | null = null;
  private orgs = new Map<string, OrgRow>();
  private lastCheck = 0;
  private refreshing: Promise<void> | null = null;
  /** A full load is being read and sent: refreshes asked meanwhile run once it is sent. */
  private fullLoading = false;
  private refreshAsked = false;
  private loaded = false;
  /** Whether the current thread has been sent a full load (or a snapshot). */
  private sentFull = false;
  private documents = 0;
  private whenReady!: Promise<void>;
  private markReady!: () => void;
  private closed = false;
  private readonly checkEveryMs: number;
  /** Chunks of the current full load not yet applied by the thread (at most two are sent ahead). */
  private inFlight: Promise<void>[] = [];
  private database: string | null = null;
  /** Changes sent since the last snapshot was written. */
  private unsaved = false;
  /** Snapshot writes under way (a clean shutdown waits for them). */
  private saving = new Set<Promise<void>>();
  private saveTimer: NodeJS.Timeout | null = null;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Db,
    private readonly options: SearchServiceOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 1000;
    this.log = options.log ?? (() => {});
    this.resetReady();
  }

  private resetReady() {
    this.loaded = false;
    this.whenReady = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  private becomeReady(documents: number) {
    this.documents = documents;
    this.loaded = true;
    this.markReady();
  }

  /**
   * Starts the analysis thread and the first load in the background (once); `ready()` tells when it is built. A
   * server starts it once it listens.
   */
  start(): void {
    if (this.worker || this.closed) return;
    this.worker = new AnalysisWorker(this.options.worker ?? {}, {
      onReady: (documents) => this.becomeReady(documents),
      onExit: (error) => {
        // A new thread starts from nothing: the next refresh loads the snapshot or the whole catalogue into it.
        console.error(error);
        this.worker = null;
        this.inFlight = [];
        this.marker = null;
        this.sentFull = false;
        this.orgs.clear();
        this.documents = 0;
        if (this.loaded) this.resetReady();
        // A second later, so that a thread failing at once (a broken install) does not restart in a tight loop.
        setTimeout(() => this.start(), RESTART_DELAY_MS).unref();
      },
    });
    if (this.options.snapshotFile && !this.saveTimer) {
      this.saveTimer = setInterval(() => {
        if (this.unsaved) void this.save().catch((e) => console.error(e));
      }, this.options.saveEveryMs ?? SAVE_EVERY_MS);
      this.saveTimer.unref();
    }
    // After a refresh still reading for a thread that died, if any (it then leaves everything to this one).
    const load = () => {
      void this.refresh(true).catch((e) => console.error(e));
    };
    if (this.refreshing) this.refreshing.then(load, load);
    else load();
  }

  /** Resolves when the first full index has been built (search and matching then run on it). */
  ready(): Promise<void> {
    this.start();
    return this.whenReady;
  }

  /** Calls sent to the analysis thread and not answered yet. */
  get busy(): number {
    return this.worker?.busy ?? 0;
  }

  status(): IndexStatus {
    return { ready: this.loaded, documents: this.documents };
  }

  /** The analysis thread's JavaScript heap (null when it is not running), for the metrics. */
  async threadMemory(): Promise<ThreadMemory | null> {
    return this.worker ? this.worker.call({ kind: 'memory' }).catch(() => null) : null;
  }

  /**
   * Sends every catalogue change since the last refresh to the index (in the order the thread will apply them). While
   * a full load is being read nothing waits for it: the changes asked for are read right after it.
   */
  refresh(force = false): Promise<void> {
    this.start();
    if (!this.worker) return Promise.resolve(); // closed
    if (this.fullLoading) {
      this.refreshAsked = true;
      return Promise.resolve();
    }
    if (!force && Date.now() - this.lastCheck < this.checkEveryMs) return Promise.resolve();
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
      if (this.refreshAsked && this.worker) {
        this.refreshAsked = false;
        void this.refresh(true).catch((e) => console.error(e));
      }
    });
    return this.refreshing;
  }

  private async doRefresh() {
    this.lastCheck = Date.now();
    const worker = this.worker!;
    if (!this.sentFull && (await this.restore(worker))) {
      if (this.worker !== worker) return;
      // Caught up with everything committed since the snapshot before saying ready.
      await this.catchUp(worker);
      if (this.worker !== worker) return;
      // Rows removed without a trace (a restore with --force truncates the tables) leave the count behind.
      const live = await liveCatalogueCount(this.db);
      if (live === this.documents) {
        if (!this.loaded) this.becomeReady(this.documents);
        return;
      }
      this.log(`search index snapshot holds ${this.documents} records, the catalogue ${live}: building again`);
      return this.fullLoad(worker);
    }
    if (this.worker !== worker) return;
    if (!this.sentFull) return this.fullLoad(worker);
    await this.catchUp(worker);
  }

  /** Sends the changes committed since the marker (or a full reload when many organisations changed at once). */
  private async catchUp(worker: AnalysisWorker) {
    const changes = await catalogueChangesSince(this.db, this.marker);
    if (this.worker !== worker) return; // the thread died meanwhile: its successor starts from a full load
    if (changes.full) return this.fullLoad(worker);
    this.marker = changes.marker;
    if (!changes.organizations.length && !changes.offers.length && !changes.experts.length) return;
    for (const o of changes.organizations) this.orgs.set(o.id, o);
    const batch: IndexBatch = {
      full: false,
      first: true,
      final: true,
      upserts: [],
      removals: [],
      marker: this.marker!,
    };
    for (const o of changes.organizations) {
      if (o.retiredAt) batch.removals.push({ type: 'organization', id: o.id });
      else batch.upserts.push(organizationDoc(o));
    }
    for (const r of changes.offers) {
      if (r.retiredAt) batch.removals.push({ type: r.type, id: r.id });
      else batch.upserts.push(offerDoc(r, this.orgs.get(r.organizationId)));
    }
    for (const e of changes.experts) {
      if (e.retiredAt) batch.removals.push({ type: 'expert', id: e.id });
      else batch.upserts.push(expertDoc(e, this.orgs.get(e.organizationId)));
    }
    this.unsaved = true;
    const { applied } = this.send(worker, batch);
    // Before the first answers from a restored index, what was committed since its snapshot is in it.
    if (!this.loaded) await applied;
  }

  /**
   * Reads the whole catalogue page by page and sends each page's documents as it comes (the thread builds a new index
   * from them and swaps it in with the last), at most two pages ahead of what the thread has applied: neither this
   * thread nor the database ever holds the whole catalogue, and other requests run between pages. Then writes the
   * snapshot.
   */
  private async fullLoad(worker: AnalysisWorker) {
    this.fullLoading = true;
    try {
      const load = await catalogueFullLoad(this.db);
      this.orgs = new Map(load.organizations.map((o) => [o.id, o]));
      this.sentFull = true;
      let first = true;
      const send = async (upserts: DocInput[], final: boolean) => {
        const batch: IndexBatch = { full: true, first, final, upserts, removals: [] };
        if (final) batch.marker = load.marker;
        first = false;
        const { applied } = this.send(worker, batch);
        // Ready with the last chunk (the thread says so too, unless it already had a restored index).
        if (final) void applied.then(() => this.worker === worker && !this.loaded && this.becomeReady(this.documents));
        if (this.inFlight.length >= 2) await this.inFlight.shift();
      };
      await send(load.organizations.filter((o) => !o.retiredAt).map(organizationDoc), false);
      for await (const page of load.pages) {
        if (this.worker !== worker) return;
        const docs = page.offers.map((r) => offerDoc(r, this.orgs.get(r.organizationId)));
        for (const e of page.experts) docs.push(expertDoc(e, this.orgs.get(e.organizationId)));
        await send(docs, false);
        // The embedded database answers in microtasks: without a turn of the event loop, requests that arrived
        // during this page (a search answered from the database, a sign-in) would wait behind the next one.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.worker !== worker) return;
      this.marker = load.marker;
      await send([], true);
      this.inFlight = [];
    } finally {
      this.fullLoading = false;
    }
    this.unsaved = true;
    void this.save().catch((e) => console.error(e));
  }

  /**
   * Sends a batch; a chunk of a full load is remembered until applied (see `fullLoad`). The promise tells when the
   * thread applied it (a failure means the thread died: see onExit); a refresh does not wait for it.
   */
  private send(worker: AnalysisWorker, batch: IndexBatch): { applied: Promise<void> } {
    const applied = worker
      .call({ kind: 'apply', batch })
      .then((r) => {
        this.documents = r.documents;
      })
      .catch(() => {});
    if (batch.full) this.inFlight.push(applied);
    return { applied };
  }

  private async databaseIdentity(): Promise<string> {
    this.database ??= await databaseIdentity(this.db);
    return this.database;
  }

  /**
   * Loads the snapshot file into the thread when it was written for this database at a marker this database has
   * passed, and sets the marker to catch up from. False when there is none or the thread refused it.
   */
  private async restore(worker: AnalysisWorker): Promise<boolean> {
    const file = this.options.snapshotFile;
    if (!file) return false;
    const header = readSnapshotHeader(file);
    if (!header) return false;
    const database = await this.databaseIdentity();
    if (!(await markerFits(this.db, database, header.database, header.marker))) {
      this.log(`search index snapshot ${file} is from another database or its future: building from the database`);
      return false;
    }
    const [organizations, result] = await Promise.all([
      allOrganizations(this.db),
      worker.call({ kind: 'restore', file, database }),
    ]);
    if (!result.done || !result.marker) {
      this.log(`search index snapshot not used (${result.reason}): building from the database`);
      return false;
    }
    this.log(`search index restored from ${file}: ${result.documents} documents in ${result.ms} ms`);
    this.orgs = new Map(organizations.map((o) => [o.id, o]));
    this.marker = result.marker;
    this.documents = result.documents;
    this.sentFull = true;
    return true;
  }

  /** Writes the index to its snapshot file (in the thread, after every batch sent so far), if it has one. */
  save(): Promise<void> {
    const file = this.options.snapshotFile;
    const worker = this.worker;
    if (!file || !worker || !this.sentFull || this.fullLoading) return Promise.resolve();
    this.unsaved = false;
    const saving = (async () => {
      const result = await worker.call({ kind: 'save', file, database: await this.databaseIdentity() });
      if (result.done) this.log(`search index written to ${file}: ${result.documents} documents in ${result.ms} ms`);
    })();
    const settled = saving.catch(() => {});
    this.saving.add(settled);
    void settled.then(() => this.saving.delete(settled));
    return saving;
  }

  async search(actor: Actor, p: SearchParams): Promise<SearchResponse> {
    this.start();
    const network = canSeeNetworkContent(actor);
    if (!this.loaded) return this.searchDatabase(network, p);
    await this.refresh();
    return this.worker!.call({ kind: 'search', params: p, network });
  }

  async match(input: MatchInput, network: boolean): Promise<MatchResult> {
    if (!this.loaded) {
      const e = new AppError('UNAVAILABLE', 'The search index is being built; try again in a few seconds');
      (e as AppError & { retryAfter?: number }).retryAfter = RETRY_AFTER_S;
      throw e;
    }
    await this.refresh();
    return this.worker!.call({ kind: 'match', input, network });
  }

  /**
   * Ranks the given documents (not the catalogue's) against a text in the analysis thread: the brokerage's search and
   * matching of opportunities and company profiles. Needs only the thread, not the catalogue index.
   */
  async matchAmong(mode: 'search' | 'match', input: MatchInput, candidates: DocInput[]): Promise<AmongResult> {
    this.start();
    return this.worker!.call({ kind: 'among', mode, input, candidates });
  }

  /**
   * While the index is built: the records holding every query word (as a prefix cut to its stem) in their text, found
   * through the database's text indexes; organisations first, then in import order, with no facets.
   */
  private async searchDatabase(network: boolean, p: SearchParams): Promise<SearchResponse> {
    const lang: Lang = p.lang ?? 'it';
    const words = degradedPrefixes(p.q ?? '');
    const { total, rows } = await searchCatalogueText(this.db, words, p, network, (p.page - 1) * p.limit, p.limit);
    return {
      total,
      page: p.page,
      limit: p.limit,
      degraded: true,
      hits: rows.map((r) => {
        const title = pick(r.title, lang);
        const summary = pick(r.summary, title.lang);
        return {
          id: r.id,
          type: r.type,
          organization: r.organization,
          title: title.text,
          snippet: plainSnippet(summary.text),
          score: 0,
          lang: title.lang,
        };
      }),
      facets: { type: [], organization: [], sector: [], filiera: [], s3: [] },
      interpretation: { corrections: [], concepts: [] },
    };
  }

  /** Stops the thread, writing the snapshot first when the index changed since the last one (bounded wait). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.saveTimer) clearInterval(this.saveTimer);
    if ((this.unsaved && this.loaded) || this.saving.size) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SAVE_ON_CLOSE_MS);
      });
      const last = this.unsaved && this.loaded ? this.save().catch((e) => console.error(e)) : null;
      await Promise.race([Promise.all([...this.saving, last]), timeout]);
      clearTimeout(timer);
    }
    const worker = this.worker;
    this.worker = null;
    await worker?.close();
  }
}
