import type { SearchResponse } from '@clock/contracts';
import { Glossary, Translator } from './concepts.ts';
import { SearchIndex, type DocInput, type DocType, type Localized, type ParsedQuery } from './search.index.ts';
import { WorkBudget } from './budget.rules.ts';
import { readSnapshot, SnapshotRefused, writeSnapshot } from './search.snapshot.ts';
import { highlightMarkable, markable, markedPhrases, queryTerms, type MarkableText } from './search.snippet.ts';
import type { Lang } from './text.rules.ts';

export interface SearchParams {
  q?: string;
  lang?: Lang;
  type?: string;
  organization?: string;
  sector?: string;
  filiera?: string;
  s3?: string;
  page: number;
  limit: number;
}

/**
 * A set of index changes, as the main thread sends them to the analysis thread. A full reload arrives as several
 * batches (`full`, the first with `first`, the last with `final`): the engine builds a new index from them while the
 * current one keeps answering, and swaps it in with the last batch.
 */
export interface IndexBatch {
  full: boolean;
  first: boolean;
  final: boolean;
  upserts: DocInput[];
  removals: { type: DocType; id: string }[];
  /**
   * The catalogue marker the index is consistent with once this batch is applied (an incremental batch, the last batch
   * of a full load): what a snapshot of the index records.
   */
  marker?: string;
}

/** What `save` and `restore` did, for the main thread's log and the benchmarks. */
export interface SnapshotResult {
  done: boolean;
  documents: number;
  bytes?: number;
  ms: number;
  /** Why nothing was written or loaded. */
  reason?: string;
}

export const pick = (l: Localized | null | undefined, lang: Lang): { text: string; lang: Lang } => {
  if (l?.[lang]) return { text: l[lang]!, lang };
  const other: Lang = lang === 'it' ? 'en' : 'it';
  return { text: l?.[other] ?? '', lang: l?.[other] ? other : lang };
};

/** Documents indexed between two yields to the event loop while a full index is built in the background. */
const SLICE = 250;
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The search index with the glossary and vocabularies, and the CPU-heavy work on it (query analysis, ranking,
 * snippets, and the analysis the matching engine runs): what runs in the analysis thread, away from the event loop
 * that answers HTTP requests. Every input and result is plain data, so it crosses threads by structured clone.
 */
export class SearchEngine {
  index: SearchIndex;
  private staging: SearchIndex | null = null;
  /** True once a full load has been applied: before that, the index is incomplete. */
  loaded = false;
  /** The catalogue marker the index is consistent with (null: unknown, so never written to a snapshot). */
  marker: string | null = null;
  /** The index and its change count at the last snapshot written or read. */
  private saved: { index: SearchIndex; changes: number } | null = null;

  constructor(
    readonly glossary: Glossary = Glossary.load(),
    readonly translator: Translator | null = Translator.load(),
  ) {
    this.index = new SearchIndex(glossary, translator);
  }

  /** An empty engine sharing this one's glossary and vocabularies (for a small index built for one call). */
  sibling(): SearchEngine {
    return new SearchEngine(this.glossary, this.translator);
  }

  /** Applies a batch at once (an incremental change, or a whole full load in one go). */
  applyNow(batch: IndexBatch): void {
    const target = this.target(batch);
    for (const r of batch.removals) target.remove(r.type, r.id);
    for (const d of batch.upserts) target.upsert(d);
    this.finish(batch);
  }

  /** Applies a batch in slices, yielding between them so queries keep being answered from the current index. */
  async applyInSlices(batch: IndexBatch): Promise<void> {
    const target = this.target(batch);
    for (const r of batch.removals) target.remove(r.type, r.id);
    for (let i = 0; i < batch.upserts.length; i += SLICE) {
      for (const d of batch.upserts.slice(i, i + SLICE)) target.upsert(d);
      await yieldToEvents();
    }
    this.finish(batch);
  }

  private target(batch: IndexBatch): SearchIndex {
    if (!batch.full) return this.index;
    // A full reload builds a new index and swaps it in, so replaced documents leave no tombstones behind.
    if (batch.first || !this.staging) this.staging = new SearchIndex(this.glossary, this.translator);
    return this.staging;
  }

  private finish(batch: IndexBatch) {
    if (batch.full && !batch.final) return;
    if (batch.full && this.staging) {
      this.staging.compact();
      this.index = this.staging;
      this.staging = null;
      this.loaded = true;
    }
    if (batch.marker !== undefined) this.marker = batch.marker;
  }

  /**
   * Writes the index to a snapshot file, unless it is incomplete (a full load under way), has no marker, or has not
   * changed since the last snapshot written or read. No change may be applied until it resolves.
   */
  async save(file: string, database: string): Promise<SnapshotResult> {
    const start = performance.now();
    const index = this.index;
    const result = (done: boolean, extra: Partial<SnapshotResult> = {}): SnapshotResult => ({
      done,
      documents: index.size,
      ms: Math.round(performance.now() - start),
      ...extra,
    });
    if (!this.loaded || this.staging || this.marker === null)
      return result(false, { reason: 'no complete index to write' });
    if (this.saved?.index === index && this.saved.changes === index.changes)
      return result(false, { reason: 'unchanged since the last snapshot' });
    // The thread answers queries while it writes; index changes wait behind the write (see the analysis thread).
    const bytes = await writeSnapshot(
      file,
      { database, marker: this.marker, documents: index.size },
      index.toSnapshot(),
    );
    this.saved = { index, changes: index.changes };
    return result(true, { bytes });
  }

  /**
   * Replaces the index with a snapshot written by this analysis for this database (no text analysed). Refuses, and
   * leaves the engine as it was, when the file is missing, another format or analysis, or corrupt.
   */
  restore(file: string, database: string): SnapshotResult & { marker?: string } {
    const start = performance.now();
    try {
      const { header, json, arrays } = readSnapshot(file, database);
      const index = SearchIndex.fromSnapshot(this.glossary, this.translator, json, arrays);
      this.index = index;
      this.staging = null;
      this.loaded = true;
      this.marker = header.marker;
      this.saved = { index, changes: index.changes };
      return { done: true, documents: index.size, ms: Math.round(performance.now() - start), marker: header.marker };
    } catch (e) {
      const reason =
        e instanceof SnapshotRefused || (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? (e as Error).message
          : `unreadable: ${(e as Error).message}`;
      return { done: false, documents: 0, ms: Math.round(performance.now() - start), reason };
    }
  }

  search(p: SearchParams, network: boolean): SearchResponse {
    const lang: Lang = p.lang ?? 'it';
    const index = this.index;
    const budget = new WorkBudget();
    const query = index.parse(p.q ?? '', p.lang ?? null, budget);
    const result = index.search(query, p, network ? 'network' : 'public', (p.page - 1) * p.limit, p.limit);
    return {
      total: result.total,
      page: p.page,
      limit: p.limit,
      hits: result.hits.map(({ doc, score }) => {
        const title = pick(doc.title, lang);
        const summary = pick(doc.summary, title.lang);
        return {
          id: doc.id,
          type: doc.type,
          organization: doc.organization,
          title: title.text,
          snippet: summary.text ? highlightMarkable(this.markable(summary.text, summary.lang), query) : '',
          score: Math.round(score * 1000) / 1000,
          lang: title.lang,
        };
      }),
      facets: result.facets,
      interpretation: {
        corrections: query.corrections,
        concepts: query.concepts.map((id) => ({ id, label: this.glossary.label(id, lang) })),
      },
      truncated: budget.truncated,
    };
  }

  /**
   * A text analysed (tokens, stems, concepts) for marking the matches of one or more queries in it. Not kept between
   * calls: a cache of the 2,000 texts used last answered about a fifth of the look-ups at 10,000 offers, and every
   * entry lived long enough to reach the old generation of the thread's heap before it was dropped, so the heap grew
   * under load by hundreds of MiB of such entries and spent more CPU collecting them than the cache saved
   * (docs/benchmarks.md, "Memory at 100,000 offers").
   */
  markable(text: string, lang: Lang): MarkableText {
    return markable(text, lang, this.glossary);
  }

  /** The phrases of an analysed text that a query matches, as `highlight` would mark them. */
  markedPhrases(text: MarkableText, query: ParsedQuery, terms?: ReadonlySet<string>): string[] {
    return markedPhrases(text, query, terms);
  }

  /** Every term of a query, for `markedPhrases` over many texts. */
  queryTerms(query: ParsedQuery): ReadonlySet<string> {
    return queryTerms(query);
  }
}
