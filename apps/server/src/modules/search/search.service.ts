import type { SearchResponse } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { AnalysisWorker } from '../../analysis/client.ts';
import type { WorkerSettings } from '../../analysis/protocol.ts';
import { catalogueChangesSince, searchCatalogueText, type CatalogueMarker } from '../catalogue/catalogue.service.ts';
import type * as repo from '../catalogue/catalogue.repo.ts';
import type { AmongResult, MatchInput, MatchResult } from '../matching/matching.engine.ts';
import { pick, type IndexBatch, type SearchParams } from './search.engine.ts';
import type { DocInput, Localized } from './search.index.ts';
import { plainSnippet } from './search.snippet.ts';
import { isStopWordAny, tokenize, type Lang } from './text.rules.ts';

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

/** Documents per message of a full load: each message is copied to the analysis thread while the event loop waits. */
const CHUNK = 2000;
/** Wait before a new analysis thread replaces one that died. */
const RESTART_DELAY_MS = 1000;
/** Seconds a client is told to wait (Retry-After) for matching while the index is being built. */
const RETRY_AFTER_S = 10;

export interface SearchServiceOptions {
  /** How often (ms) a search checks whether the catalogue changed in the database (any process may have written). */
  checkEveryMs?: number;
  /** Settings of the analysis thread (tests). */
  worker?: WorkerSettings;
}

export interface IndexStatus {
  ready: boolean;
  documents: number;
}

/**
 * Keeps the search index in step with the database (by database snapshot, so several processes sharing one
 * PostgreSQL all see every committed write once, whatever the commit order) and answers search and matching for an actor. The index lives in the analysis
 * thread (`src/analysis/`): this service reads the catalogue changes (the embedded database cannot be opened from
 * another thread), sends them there, and sends each query. Until the first index is built, searches are answered
 * from the database, marked `degraded`.
 */
export class SearchService {
  private worker: AnalysisWorker | null = null;
  private marker: CatalogueMarker | null = null;
  private orgs = new Map<string, OrgRow>();
  private lastCheck = 0;
  private refreshing: Promise<void> | null = null;
  private loaded = false;
  /** Whether the current thread has been sent a full load. */
  private sentFull = false;
  private documents = 0;
  private whenReady!: Promise<void>;
  private markReady!: () => void;
  private closed = false;
  private readonly checkEveryMs: number;
  /** Batches not yet sent to the thread, in order: a full load goes one chunk at a time (see `pump`). */
  private outbox: (Pick<IndexBatch, 'full' | 'first' | 'final'> & {
    make: () => Pick<IndexBatch, 'upserts' | 'removals'>;
  })[] = [];
  private pumping = false;

  constructor(
    private readonly db: Db,
    private readonly options: SearchServiceOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 1000;
    this.resetReady();
  }

  private resetReady() {
    this.loaded = false;
    this.whenReady = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  /**
   * Starts the analysis thread and the first full load in the background (once); `ready()` tells when it is built.
   * Reading the whole catalogue keeps the event loop busy for a while (seconds at 100,000 records): a server starts it
   * once it listens.
   */
  start(): void {
    if (this.worker || this.closed) return;
    this.worker = new AnalysisWorker(this.options.worker ?? {}, {
      onReady: (documents) => {
        this.documents = documents;
        this.loaded = true;
        this.markReady();
      },
      onExit: (error) => {
        // A new thread starts from nothing: the next refresh reloads the whole catalogue into it.
        console.error(error);
        this.worker = null;
        this.outbox = [];
        this.marker = null;
        this.sentFull = false;
        this.orgs.clear();
        this.documents = 0;
        if (this.loaded) this.resetReady();
        // A second later, so that a thread failing at once (a broken install) does not restart in a tight loop.
        setTimeout(() => this.start(), RESTART_DELAY_MS).unref();
      },
    });
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

  /** Sends every catalogue change since the last refresh to the index (in the order the thread will apply them). */
  refresh(force = false): Promise<void> {
    this.start();
    if (!this.worker) return Promise.resolve(); // closed
    if (!force && Date.now() - this.lastCheck < this.checkEveryMs) return Promise.resolve();
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh() {
    this.lastCheck = Date.now();
    const worker = this.worker!;
    const first = !this.sentFull;
    const changes = await catalogueChangesSince(this.db, first ? null : this.marker);
    if (this.worker !== worker) return; // the thread died meanwhile: its successor starts from a full load
    this.marker = changes.marker;
    if (!first && !changes.full && !changes.organizations.length && !changes.offers.length && !changes.experts.length)
      return;
    for (const o of changes.organizations) this.orgs.set(o.id, o);
    const full = changes.full || first;
    if (full) {
      this.sentFull = true;
      // A full load: documents are made chunk by chunk as each is sent, so that this thread never holds them all.
      const orgs = [...this.orgs.values()].filter((o) => !o.retiredAt);
      const offers = changes.offers.filter((r) => !r.retiredAt);
      const experts = changes.experts.filter((e) => !e.retiredAt);
      const n = orgs.length + offers.length + experts.length;
      const docAt = (i: number): DocInput => {
        if (i < orgs.length) return organizationDoc(orgs[i]!);
        const r = offers[i - orgs.length];
        if (r) return offerDoc(r, this.orgs.get(r.organizationId));
        const e = experts[i - orgs.length - offers.length]!;
        return expertDoc(e, this.orgs.get(e.organizationId));
      };
      for (let from = 0; from === 0 || from < n; from += CHUNK) {
        const to = Math.min(n, from + CHUNK);
        this.outbox.push({
          full,
          first: from === 0,
          final: to >= n,
          make: () => ({ upserts: Array.from({ length: to - from }, (_, k) => docAt(from + k)), removals: [] }),
        });
      }
    } else {
      const batch: Pick<IndexBatch, 'upserts' | 'removals'> = { upserts: [], removals: [] };
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
      this.outbox.push({ full, first: true, final: true, make: () => batch });
    }
    this.pump(worker);
  }

  /**
   * Sends queued batches in order. The thread applies them in the order they come, so a query sent after an
   * incremental batch sees it; a full load is swapped in whole with its last chunk. Chunks of a full load are sent
   * at most two ahead of what the thread has applied, so that the whole catalogue is never queued in the thread's
   * memory at once; nothing here makes a caller wait for the thread to apply anything.
   */
  private pump(worker: AnalysisWorker) {
    if (this.pumping) return;
    this.pumping = true;
    void (async () => {
      try {
        // Up to two chunks in the thread: it works on one while the next is on its way.
        const pending: Promise<void>[] = [];
        while (this.outbox.length && this.worker === worker) {
          const { make, ...flags } = this.outbox.shift()!;
          const batch: IndexBatch = { ...flags, ...make() };
          const applied = worker.call({ kind: 'apply', batch }).then((r) => {
            this.documents = r.documents;
          });
          applied.catch(() => {
            /* the thread died: see onExit */
          });
          if (batch.full) pending.push(applied);
          if (pending.length >= 2) await pending.shift();
        }
      } catch {
        /* the thread died: see onExit */
      } finally {
        this.pumping = false;
      }
    })();
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

  /** While the index is built: every query word in the title, description or keywords (SQL), newest import last. */
  private async searchDatabase(network: boolean, p: SearchParams): Promise<SearchResponse> {
    const lang: Lang = p.lang ?? 'it';
    const words = [
      ...new Set(
        tokenize(p.q ?? '')
          .map((t) => t.surface)
          .filter((w) => w.length > 1 && !isStopWordAny(w)),
      ),
    ].slice(0, 8);
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

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.close();
  }
}
