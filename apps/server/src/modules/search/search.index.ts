import { analysisSettings, CONCEPT_WEIGHT } from './analysis.policy.ts';
import { TEXT_LIMITS, WorkBudget } from './budget.rules.ts';
import { analyse, pluralBases, type AnalysedToken, type Glossary, type Translator } from './concepts.ts';
import {
  compoundParts,
  editDistance,
  fold,
  guessLanguage,
  isStopWord,
  LANGS,
  looksIntended,
  stem,
  tokenize,
  type Lang,
} from './text.rules.ts';
import { DocStore } from './search.docstore.ts';
import { Dictionary, FlatLists, TopK } from './search.lists.ts';
import { instrumentSiblings, isCompoundOfKnownParts } from './real-words.rules.ts';
import { SnapshotRefused, type SnapshotContent, type TypedArray } from './search.snapshot.ts';
import { orderShared, type SharedMatches } from './search.shared.ts';

/** Typo correction looks only at words of at least this many letters. */
const CORRECTABLE_MIN = 5;

/**
 * The catalogue's documents, plus the brokerage's (`opportunity`, `company`: a company profile's offers and seeks),
 * which are never in the catalogue index, only in the small indexes `matchAmong` builds for one call.
 */
export type DocType = 'organization' | 'competence' | 'service' | 'equipment' | 'expert' | 'opportunity' | 'company';
export type Localized = { it?: string; en?: string };

/** One text of a document to index, in a known language or in both when unknown (keywords, names). */
export interface DocField {
  text: string;
  lang: Lang | 'both';
  weight: number;
}

export interface DocInput {
  type: DocType;
  id: string;
  organization: string;
  /** Public documents are visible to everyone; network documents only to signed-in network members. */
  visibility: 'public' | 'network';
  title: Localized;
  /** Text shown in snippets, per language. */
  summary: Localized;
  fields: DocField[];
  sectors: string[];
  filiere: string[];
  s3: string[];
}

/** The JSON part of a snapshot besides the documents. */
interface SnapshotMeta {
  documents: number;
  totalLength: number;
  aliveCount: number;
  terms: string[];
  dicts: Record<FacetName, string[]>;
  sectorCodes: string[];
  vocabulary: [string, number][];
  accented: [string, string[]][];
}

const FACETS = ['type', 'organization', 'sector', 'filiera', 's3'] as const;
const MAX_FACET_VALUES = 100;

class Postings {
  docs: Int32Array = new Int32Array(4);
  tf: Float32Array = new Float32Array(4);
  n = 0;
  /** Postings read from a snapshot: views into its arrays (the first `add` copies them into arrays of their own). */
  static view(docs: Int32Array, tf: Float32Array): Postings {
    const p = new Postings();
    p.docs = docs;
    p.tf = tf;
    p.n = docs.length;
    return p;
  }
  /** Drops the unused tail of the arrays (they grow by doubling while the index is built). */
  trim() {
    if (this.docs.length > this.n) {
      this.docs = this.docs.slice(0, this.n);
      this.tf = this.tf.slice(0, this.n);
    }
  }
  add(doc: number, tf: number) {
    if (this.n === this.docs.length) {
      const d = new Int32Array(Math.max(4, this.n * 2));
      d.set(this.docs);
      this.docs = d;
      const t = new Float32Array(Math.max(4, this.n * 2));
      t.set(this.tf);
      this.tf = t;
    }
    this.docs[this.n] = doc;
    this.tf[this.n++] = tf;
  }
}

export interface QueryAlt {
  term: string;
  weight: number;
}
/** `shares: false` keeps a unit out of the query's shared alternatives (by default every unit shares them). */
export interface QueryUnit {
  label: string;
  alts: QueryAlt[];
  shares?: boolean;
}
export interface ParsedQuery {
  units: QueryUnit[];
  /**
   * Alternatives that count for every unit (context words of a matching aspect) unless the unit says `shares: false`:
   * such a unit scores a document by the best of its own alternatives and these. Scanning them once instead of once
   * per unit gives the same ranking.
   */
  shared?: QueryAlt[];
  corrections: { from: string; to: string }[];
  concepts: string[];
  lang: Lang | null;
  /** The text was longer than the analysis takes (`TEXT_LIMITS.queryWords`), or its time ran out: the query is partial. */
  truncated?: boolean;
}

export interface SearchFilters {
  type?: string;
  organization?: string;
  sector?: string;
  filiera?: string;
  s3?: string;
}
/**
 * `rankOnly`: for callers that only want the best documents (matching): no facet counts, and `total` is the number of
 * hits returned rather than of all matching documents, so documents that cannot reach the page are never looked at.
 */
export interface SearchOptions {
  rankOnly?: boolean;
  /** Documents of this type are left out (matching ranks records, never organisations). */
  exceptType?: DocType;
  /**
   * Exponent of the share of query units a document matches, which scales its score (1: the share itself, 0: none).
   * Search defaults to `searchCoordination`; matching passes `matchingCoordination` (long texts).
   */
  coordination?: number;
}
export interface RankedDoc {
  doc: DocInput;
  score: number;
  matched: number;
}
export type FacetName = 'type' | 'organization' | 'sector' | 'filiera' | 's3';
/**
 * Who is asking, for `SearchIndex.search`: `'public'` sees public documents only, `'network'` public and network
 * documents (read from a per-document byte, no call per document). A function decides document by document.
 */
export type Visibility = 'public' | 'network' | ((d: DocInput) => boolean);
/** Per-document visibility classes (bit positions in an audience's mask). */
const VIS_PUBLIC = 0;
const VIS_NETWORK = 1;
const AUDIENCE_MASK = { public: 1 << VIS_PUBLIC, network: (1 << VIS_PUBLIC) | (1 << VIS_NETWORK) } as const;
export type Facets = Record<FacetName, { value: string; count: number }[]>;

const K1 = 1.2;
const B = 0.75;
const ANCESTOR_WEIGHT = 0.5;
const CORRECTION_WEIGHT = 0.9;

/** "C17.12" → C, C17, C17.1, C17.12: a filter on a division finds its classes. */
export function sectorAncestors(code: string): string[] {
  const m = /^([A-U])(\d{2})?(?:\.(\d)(\d)?)?$/.exec(code.trim().toUpperCase());
  if (!m) return [code];
  const [, sec, div, g, c] = m;
  const out = [sec!];
  if (div) out.push(`${sec}${div}`);
  if (div && g) out.push(`${sec}${div}.${g}`);
  if (div && g && c) out.push(`${sec}${div}.${g}${c}`);
  return out;
}
const sectorDivision = (code: string) => sectorAncestors(code).slice(0, 2).pop()!;

/**
 * The in-memory search index of the catalogue: BM25F over language-tagged stems (`it:prov`), concept terms from the
 * glossary (`c:fatigue-testing`, with broader concepts at a lower weight), typo correction towards the index's own
 * words, and translation through general vocabularies for words the glossary does not know.
 */
export class SearchIndex {
  /** What answers show of each document, by number (`search.docstore.ts`). */
  private docs = new DocStore();
  // Per-document data read in the hot loops lives in typed arrays (documents as objects made scoring 20× slower).
  private docLength = new Float32Array(1024);
  private docAlive = new Uint8Array(1024);
  private docType = new Int32Array(1024);
  private docOrg = new Int32Array(1024);
  private docVisibility = new Uint8Array(1024);
  // Facet values per document (sector divisions, filiere, S3 areas) as dictionary ids, and every sector code with its
  // ancestors (what a sector filter matches) as ids of `sectorCodes`.
  private docSectors = new FlatLists();
  private docFiliere = new FlatLists();
  private docS3 = new FlatLists();
  private docSectorCodes = new FlatLists();
  private sectorCodes = new Dictionary();
  private dict: Record<FacetName, Dictionary> = {
    type: new Dictionary(),
    organization: new Dictionary(),
    sector: new Dictionary(),
    filiera: new Dictionary(),
    s3: new Dictionary(),
  };
  private byKey = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private totalLength = 0;
  private aliveCount = 0;
  /** folded word → document frequency (for typo correction) */
  private vocabulary = new Map<string, number>();
  private accented = new Map<string, Set<string>>();
  private deletes: Map<string, string[]> | null = null;
  private scratch = new Float32Array(0);
  private total = new Float32Array(0);
  private matchedUnits = new Uint8Array(0);
  private sharedScore = new Float32Array(0);
  private matchedSharing = new Uint8Array(0);
  /**
   * The matches of the last list of shared alternatives scored (`alts`, while `version`, bumped by every change, is
   * unchanged), whose scores `sharedScore` holds (every other entry is 0): one problem's aspects send the same list one
   * after the other, so it is scanned once. Its arrays are buffers reused for the next list.
   */
  private sharedLoaded: (SharedMatches & { alts: QueryAlt[]; version: number }) | null = null;
  private sharedDocs = new Int32Array(0);
  private sharedScores = new Float32Array(0);
  private sharedOrder = new Int32Array(0);
  /** Units of the last scored query that take shared alternatives. */
  private sharing = 0;
  private touched = new Int32Array(0);
  /** BM25's length normalisation per document, `K1 × (1 − B + B × length / avgdl)`, for `normFor`. */
  private docNorm = new Float64Array(0);
  private normFor = { version: -1, avgdl: 0 };
  private unitTouched = new Int32Array(0);
  private version = 0;

  constructor(
    readonly glossary: Glossary,
    readonly translator: Translator | null,
  ) {
    if (translator) glossary.useParts(translator);
  }

  get size(): number {
    return this.aliveCount;
  }

  /** Adds or replaces a document. */
  upsert(input: DocInput): void {
    this.version++;
    const key = `${input.type}:${input.id}`;
    this.remove(input.type, input.id);
    const terms = new Map<string, number>();
    let length = 0;
    const addTerm = (term: string, w: number) => terms.set(term, (terms.get(term) ?? 0) + w);
    for (const field of input.fields) {
      if (!field.text) continue;
      const langs = field.lang === 'both' ? LANGS : [field.lang];
      const w = field.lang === 'both' ? field.weight * 0.75 : field.weight;
      for (const lang of langs) {
        const tokens = analyse(field.text, lang);
        for (const t of tokens) {
          if (t.stop) continue;
          addTerm(`${lang}:${t.stem}`, w);
          length += w;
          for (const part of compoundParts(t.folded))
            if (part.length > 1) addTerm(`${lang}:${stem(part, lang)}`, w * 0.5);
          this.noteWord(t);
        }
        for (const hit of this.glossary.find(tokens, lang, false)) {
          addTerm(`c:${hit.concept}`, w);
          for (const a of this.glossary.ancestors(hit.concept)) addTerm(`c:${a}`, w * ANCESTOR_WEIGHT);
        }
      }
    }
    const docNo = this.docs.length;
    this.growTo(docNo + 1);
    // The fields' texts are needed only to build the postings: the kept document holds what results show.
    this.docs.push(input);
    this.docLength[docNo] = length;
    this.docAlive[docNo] = 1;
    this.docType[docNo] = this.dict.type.id(input.type);
    this.docOrg[docNo] = this.dict.organization.id(input.organization);
    this.docVisibility[docNo] = input.visibility === 'public' ? VIS_PUBLIC : VIS_NETWORK;
    this.docSectors.push(input.sectors.map((v) => this.dict.sector.id(sectorDivision(v))));
    this.docFiliere.push(input.filiere.map((v) => this.dict.filiera.id(v)));
    this.docS3.push(input.s3.map((v) => this.dict.s3.id(v)));
    this.docSectorCodes.push(input.sectors.flatMap(sectorAncestors).map((v) => this.sectorCodes.id(v)));
    this.byKey.set(key, docNo);
    for (const [term, tf] of terms) {
      let p = this.postings.get(term);
      if (!p) {
        p = new Postings();
        this.postings.set(term, p);
      }
      p.add(docNo, tf);
    }
    this.totalLength += length;
    this.aliveCount++;
  }

  /** Frees the slack left by building (call after a bulk load; later changes still work). */
  compact(): void {
    for (const p of this.postings.values()) p.trim();
    for (const l of [this.docSectors, this.docFiliere, this.docS3, this.docSectorCodes]) l.trim();
    this.docs.trim();
  }

  remove(type: DocType, id: string): void {
    this.version++;
    const key = `${type}:${id}`;
    const n = this.byKey.get(key);
    if (n === undefined) return;
    if (this.docAlive[n]) {
      this.docAlive[n] = 0;
      this.totalLength -= this.docLength[n]!;
      this.aliveCount--;
    }
    this.byKey.delete(key);
  }

  /** Changes applied so far (upserts and removals): a snapshot is rewritten only when this moved. */
  get changes(): number {
    return this.version;
  }

  /**
   * Everything the index holds, for a snapshot file (`search.snapshot.ts`, decision 026): typed arrays as they are
   * (views, no copies), the kept documents as tuples in chunks, the dictionaries and word tables as JSON. The typo
   * tables are left out: they are built on the first unknown word, as after a build.
   */
  toSnapshot(): SnapshotContent {
    const n = this.docs.length;
    const store = this.docs.toSnapshot();
    const json: Record<string, unknown> = { ...store.json };
    const terms: string[] = [];
    const counts = new Int32Array(this.postings.size);
    const docs: Int32Array[] = [];
    const tfs: Float32Array[] = [];
    for (const [term, p] of this.postings) {
      counts[terms.length] = p.n;
      terms.push(term);
      docs.push(p.docs.subarray(0, p.n));
      tfs.push(p.tf.subarray(0, p.n));
    }
    const meta: SnapshotMeta = {
      documents: n,
      totalLength: this.totalLength,
      aliveCount: this.aliveCount,
      terms,
      dicts: Object.fromEntries(FACETS.map((f) => [f, this.dict[f].values])) as Record<FacetName, string[]>,
      sectorCodes: this.sectorCodes.values,
      vocabulary: [...this.vocabulary],
      accented: [...this.accented].map(([k, v]) => [k, [...v]]),
    };
    json.meta = meta;
    const arrays: SnapshotContent['arrays'] = {
      ...store.arrays,
      docLength: this.docLength.subarray(0, n),
      docAlive: this.docAlive.subarray(0, n),
      docType: this.docType.subarray(0, n),
      docOrg: this.docOrg.subarray(0, n),
      docVisibility: this.docVisibility.subarray(0, n),
      postingCounts: counts,
      postingDocs: docs,
      postingTf: tfs,
    };
    for (const [name, l] of this.lists()) {
      arrays[`${name}.offsets`] = l.offsets.subarray(0, n + 1);
      arrays[`${name}.values`] = l.values.subarray(0, l.offsets[n]!);
    }
    return { json, arrays };
  }

  /** An index as `toSnapshot` left it (the same answers to every query). Throws `SnapshotRefused` on a mismatch. */
  static fromSnapshot(
    glossary: Glossary,
    translator: Translator | null,
    json: Record<string, unknown>,
    arrays: Record<string, TypedArray>,
  ): SearchIndex {
    const ix = new SearchIndex(glossary, translator);
    const meta = json.meta as SnapshotMeta;
    const n = meta.documents;
    ix.docs = DocStore.fromSnapshot(json, arrays);
    const array = <T extends TypedArray>(name: string, make: new (n: number) => T, length?: number): T => {
      const a = arrays[name];
      if (!(a instanceof make) || (length !== undefined && a.length !== length))
        throw new SnapshotRefused(`array ${name} is missing or has the wrong length`);
      return a as T;
    };
    if (ix.docs.length !== n) throw new SnapshotRefused('the documents do not match their count');
    ix.docLength = array('docLength', Float32Array, n);
    ix.docAlive = array('docAlive', Uint8Array, n);
    ix.docType = array('docType', Int32Array, n);
    ix.docOrg = array('docOrg', Int32Array, n);
    ix.docVisibility = array('docVisibility', Uint8Array, n);
    for (const [name, l] of ix.lists()) {
      l.offsets = array(`${name}.offsets`, Int32Array, n + 1);
      l.values = array(`${name}.values`, Int32Array, l.offsets[n]);
      l.length = n;
    }
    for (const f of FACETS) ix.dict[f] = Dictionary.of(meta.dicts[f]);
    ix.sectorCodes = Dictionary.of(meta.sectorCodes);
    for (let d = 0; d < n; d++) if (ix.docAlive[d]) ix.byKey.set(ix.docs.key(d), d);
    const counts = array('postingCounts', Int32Array, meta.terms.length);
    const docs = array('postingDocs', Int32Array);
    const tfs = array('postingTf', Float32Array, docs.length);
    let at = 0;
    for (let i = 0; i < meta.terms.length; i++) {
      const c = counts[i]!;
      if (c <= 0 || at + c > docs.length) throw new SnapshotRefused('the postings do not match their counts');
      ix.postings.set(meta.terms[i]!, Postings.view(docs.subarray(at, at + c), tfs.subarray(at, at + c)));
      at += c;
    }
    if (at !== docs.length) throw new SnapshotRefused('the postings do not match their counts');
    ix.totalLength = meta.totalLength;
    ix.aliveCount = meta.aliveCount;
    ix.vocabulary = new Map(meta.vocabulary);
    ix.accented = new Map(meta.accented.map(([k, v]) => [k, new Set(v)]));
    return ix;
  }

  private lists(): [string, FlatLists][] {
    return [
      ['sectors', this.docSectors],
      ['filiere', this.docFiliere],
      ['s3', this.docS3],
      ['sectorCodes', this.docSectorCodes],
    ];
  }

  private growTo(n: number) {
    if (n <= this.docLength.length) return;
    const size = Math.max(n, this.docLength.length * 2);
    const grow = <T extends Float32Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.docLength = grow(this.docLength, (k) => new Float32Array(k));
    this.docAlive = grow(this.docAlive, (k) => new Uint8Array(k));
    this.docType = grow(this.docType, (k) => new Int32Array(k));
    this.docOrg = grow(this.docOrg, (k) => new Int32Array(k));
    this.docVisibility = grow(this.docVisibility, (k) => new Uint8Array(k));
  }

  get(type: DocType, id: string): DocInput | null {
    const n = this.byKey.get(`${type}:${id}`);
    return n === undefined || !this.docAlive[n] ? null : this.docs.get(n);
  }

  private noteWord(t: AnalysedToken) {
    if (t.folded.length < 3 || /^\d+$/.test(t.folded)) return;
    const df = this.vocabulary.get(t.folded);
    this.vocabulary.set(t.folded, (df ?? 0) + 1);
    if (df === undefined && this.deletes && t.folded.length >= 4) this.addDeletes(t.folded);
    if (t.surface !== t.folded) {
      let s = this.accented.get(t.folded);
      if (!s) {
        s = new Set();
        this.accented.set(t.folded, s);
      }
      s.add(t.surface);
    }
  }

  private addDeletes(word: string) {
    // Only words typo correction can reach (within two letters of a correctable word) are worth their deletions.
    if (word.length > TEXT_LIMITS.correctableChars + 2) return;
    const d = this.deletes!;
    for (const del of deletions(word)) {
      const list = d.get(del);
      if (!list) d.set(del, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }

  /**
   * The best known word within one edit (two for words of nine letters or more) of an unknown word. Words longer than
   * `TEXT_LIMITS.correctableChars` are never corrected: the probes grow with the square of the length.
   */
  correct(word: string, budget: WorkBudget = new WorkBudget()): string | null {
    if (word.length > TEXT_LIMITS.correctableChars) return null;
    budget.corrections++;
    if (!this.deletes) {
      this.deletes = new Map();
      for (const w of this.vocabulary.keys()) if (w.length >= 4) this.addDeletes(w);
      for (const w of this.glossary.words) if (w.length >= 4) this.addDeletes(w);
    }
    const candidates = new Set<string>();
    const probe = (k: string) => {
      budget.probes++;
      for (const w of this.deletes!.get(k) ?? []) candidates.add(w);
    };
    probe(word);
    const dels = deletions(word);
    for (const del of dels) {
      probe(del);
      if (this.vocabulary.has(del) || this.glossary.words.has(del)) candidates.add(del);
    }
    if (word.length >= 9) for (const del of dels) for (const d2 of deletions(del)) probe(d2);
    let best: string | null = null;
    let bestScore = -Infinity;
    const max = word.length >= 9 ? 2 : 1;
    for (const c of candidates) {
      const dist = editDistance(word, c, max, budget);
      if (dist > max || c === word) continue;
      const score = (this.vocabulary.get(c) ?? 0) + (this.glossary.words.has(c) ? 5 : 0) - dist * 1000;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * A word is known when it, or another form of it (same stem in either language), is in the index or glossary, or
   * (`realWords`) is a real word of either language: typo correction never touches a known word.
   */
  private known(surface: string, folded: string): boolean {
    if (this.vocabulary.has(folded) || this.glossary.words.has(folded) || this.translator?.knows(folded)) return true;
    // The plural of a word of the catalogue or glossary (maglifici: maglificio), whose stem may differ from it.
    const known = (b: string) => this.vocabulary.has(b) || this.glossary.words.has(b);
    if (analysisSettings().realWords && LANGS.some((l) => pluralBases(folded, l).some(known))) return true;
    // An instrument beside its technique (spectrophotometer: spectrophotometry), either one a word of the catalogue.
    if (analysisSettings().realWords && analysisSettings().wordClasses && instrumentSiblings(folded).some(known))
      return true;
    if (analysisSettings().realWords && this.translator?.isRealWord(surface)) return true;
    // A compound of known parts (boat-building, gc-ms, micro-reti): each part is looked at on its own.
    const parts = compoundParts(folded);
    if (
      analysisSettings().realWords &&
      analysisSettings().wordClasses &&
      isCompoundOfKnownParts(parts, (p) => this.known(p, p), CORRECTABLE_MIN)
    )
      return true;
    return LANGS.some((l) => {
      const term = `${l}:${stem(surface, l)}`;
      return this.postings.has(term) || this.glossary.stems.has(term);
    });
  }

  /**
   * Turns a query into units (one per content word) with their alternative terms. Bounded work: the first
   * `TEXT_LIMITS.queryWords` content words are taken, at most `TEXT_LIMITS.corrections` unknown words are corrected,
   * and none once the budget's time is out; the query says `truncated` when something was left out.
   */
  parse(q: string, hint: Lang | null = null, budget: WorkBudget = new WorkBudget()): ParsedQuery {
    const lang = guessLanguage(q) ?? hint;
    const isStop = (f: string) =>
      (lang ? isStopWord(f, lang) : isStopWord(f, 'it') && isStopWord(f, 'en')) ||
      (f.length <= 2 && (isStopWord(f, 'it') || isStopWord(f, 'en')));
    const raw = tokenize(q);
    let words = 0;
    const cut = raw.findIndex((t) => !isStop(t.folded) && ++words > TEXT_LIMITS.queryWords);
    if (cut >= 0) {
      raw.length = cut;
      budget.truncated = true;
    }
    const corrections: { from: string; to: string }[] = [];
    // Each distinct word is looked at once (null: known, or no correction found or tried).
    const corrected = new Map<string, string | null>();
    const realWords = analysisSettings().realWords;
    const correction = (t: { surface: string; folded: string; start: number; end: number }): string | null => {
      let fix = corrected.get(t.surface);
      if (fix !== undefined) return fix;
      fix = null;
      if (
        t.folded.length >= CORRECTABLE_MIN &&
        t.folded.length <= TEXT_LIMITS.correctableChars &&
        !/\d/.test(t.folded) &&
        budget.corrections < TEXT_LIMITS.corrections &&
        budget.left() &&
        !this.known(t.surface, t.folded) &&
        !(realWords && looksIntended(q, t.start, t.end))
      ) {
        fix = this.correct(t.folded, budget);
        if (fix) corrections.push({ from: t.surface, to: fix });
      }
      corrected.set(t.surface, fix);
      return fix;
    };
    // Corrected, accent-restored spellings of each raw token.
    const spellings: string[][] = raw.map((t) => {
      const out = new Set<string>([t.surface]);
      if (isStop(t.folded)) return [...out];
      for (const s of this.accented.get(t.folded) ?? []) out.add(s);
      for (const s of this.glossary.accented.get(t.folded) ?? []) out.add(s);
      const fix = correction(t);
      if (fix) {
        out.add(fix);
        for (const s of this.accented.get(fix) ?? []) out.add(s);
        for (const s of this.glossary.accented.get(fix) ?? []) out.add(s);
      }
      return [...out];
    });
    const aware = analysisSettings().languageAware && lang !== null;
    const other: Lang | null = lang === 'it' ? 'en' : lang === 'en' ? 'it' : null;
    // Language-aware: a word is stemmed in the text's language, and in the other one only when it is not a word of the
    // text's language or is also a word of the other (loanwords, "laser", "test"): "fatica" never meets English stems.
    const langsOf = (s: string): readonly Lang[] => {
      if (!aware || !this.translator) return LANGS;
      const mine = this.translator.isWordOf(s, lang!, true) || this.glossary.stems.has(`${lang}:${stem(s, lang!)}`);
      return !mine || this.translator.isWordOf(s, other!) ? LANGS : [lang!];
    };
    const units: (QueryUnit | null)[] = raw.map((t, i) => {
      if (isStop(t.folded)) return null;
      const alts: QueryAlt[] = [];
      const fixed = corrected.get(t.surface);
      for (const s of spellings[i]!) {
        const w = fixed && fold(s) !== t.folded ? CORRECTION_WEIGHT : 1;
        const langs = langsOf(s);
        for (const l of langs) pushAlt(alts, `${l}:${stem(s, l)}`, w);
        for (const part of compoundParts(fold(s)))
          if (part.length > 1) for (const l of langs) pushAlt(alts, `${l}:${stem(part, l)}`, w * 0.6);
      }
      return { label: t.surface, alts };
    });

    // Concepts, in both languages, over the best spelling of each token.
    const concepts = new Set<string>();
    const best = raw.map((t, i) => spellings[i]![spellings[i]!.length - 1] ?? t.surface);
    const text = best.join(' ');
    const covered = new Set<number>();
    for (const l of LANGS) {
      const toks = analyse(text, l).map((tok, i) => ({ ...tok, stop: units[i] === null }));
      // The other language's concepts match exact surface forms only (loanwords, acronyms), never through its stemmer.
      for (const hit of this.glossary.find(toks, l, true, aware && l !== lang)) {
        concepts.add(hit.concept);
        for (let i = hit.from; i <= hit.to; i++) {
          const u = units[i];
          if (!u) continue;
          covered.add(i);
          pushAlt(u.alts, `c:${hit.concept}`, CONCEPT_WEIGHT);
        }
      }
    }
    // General vocabularies translate what the glossary missed (single words and pairs).
    if (this.translator) {
      const TRANSLATION_WEIGHT = analysisSettings().translationWeight;
      // A concept reached through a translation counts 1.5 times the translated word, at most as much as a word of the
      // text: always less than a concept found in the text, and never an aspect of the problem.
      const translatedConcept = Math.min(TRANSLATION_WEIGHT * 1.5, 1);
      for (let i = 0; i < raw.length; i++) {
        const u = units[i];
        if (!u || covered.has(i)) continue;
        const phrases: string[] = [fold(best[i]!)];
        if (units[i + 1]) phrases.unshift(`${fold(best[i]!)} ${fold(best[i + 1]!)}`);
        let added = 0;
        const froms = langsOf(best[i]!);
        for (const p of phrases) {
          for (const from of froms) {
            const to: Lang = from === 'it' ? 'en' : 'it';
            for (const label of this.translator.translate(p, from)) {
              const toks = analyse(label, to);
              for (const hit of this.glossary.find(toks, to, false)) {
                pushAlt(u.alts, `c:${hit.concept}`, translatedConcept);
              }
              const content = toks.filter((x) => !x.stop);
              for (const tok of content) {
                if (added >= 8) break;
                if (pushAlt(u.alts, `${to}:${tok.stem}`, TRANSLATION_WEIGHT / content.length ** 0.5)) added++;
              }
            }
          }
        }
      }
    }
    return {
      units: units.filter((u): u is QueryUnit => u !== null),
      corrections,
      concepts: [...concepts],
      lang,
      truncated: budget.truncated,
    };
  }

  private ensureScratch() {
    const n = this.docs.length;
    if (this.scratch.length < n) {
      const size = Math.max(1024, n * 2);
      this.scratch = new Float32Array(size);
      this.total = new Float32Array(size);
      this.matchedUnits = new Uint8Array(size);
      this.sharedScore = new Float32Array(size);
      this.matchedSharing = new Uint8Array(size);
      this.touched = new Int32Array(size);
      this.unitTouched = new Int32Array(size);
      this.sharedDocs = new Int32Array(size);
      this.sharedScores = new Float32Array(size);
      this.sharedOrder = new Int32Array(size);
      this.sharedLoaded = null;
    }
  }

  /** Computes `docNorm` for the index as it is (once per change: every change moves the average length). */
  private ensureNorm(avgdl: number) {
    if (this.normFor.version === this.version && this.normFor.avgdl === avgdl) return;
    const n = this.docs.length;
    if (this.docNorm.length < n) this.docNorm = new Float64Array(Math.max(1024, n));
    const { docNorm, docLength } = this;
    for (let d = 0; d < n; d++) docNorm[d] = K1 * (1 - B + (B * docLength[d]!) / avgdl);
    this.normFor = { version: this.version, avgdl };
  }

  /**
   * Scores every posting of `alt` into `into` (the best alternative wins); documents touched for the first time are
   * appended to `list` from position `count`. Returns the new count.
   */
  private scan(alt: QueryAlt, into: Float32Array, list: Int32Array, count: number, N: number): number {
    const p = this.postings.get(alt.term);
    if (!p) return count;
    const { docAlive, docNorm } = this;
    const { docs, tf: tfs } = p;
    const idf = Math.log(1 + (N - p.n + 0.5) / (p.n + 0.5));
    const w = alt.weight * idf;
    for (let i = 0; i < p.n; i++) {
      const d = docs[i]!;
      if (!docAlive[d]) continue;
      const tf = tfs[i]!;
      const s = (w * tf * (K1 + 1)) / (tf + docNorm[d]!);
      const old = into[d]!;
      if (old === 0) list[count++] = d;
      if (s > old) into[d] = s;
    }
    return count;
  }

  /**
   * Writes the scores of a list of shared alternatives into `sharedScore` (scanned once per list while the index is
   * unchanged and no other list came in between), clearing the list written before.
   */
  private loadShared(alts: QueryAlt[], N: number): SharedMatches {
    const loaded = this.sharedLoaded;
    if (loaded && loaded.alts === alts && loaded.version === this.version) return loaded;
    const { sharedScore, sharedDocs: docs, sharedScores: scores, sharedOrder: order } = this;
    if (loaded) for (let i = 0; i < loaded.n; i++) sharedScore[docs[i]!] = 0;
    let n = 0;
    for (const alt of alts) n = this.scan(alt, sharedScore, docs, n, N);
    for (let i = 0; i < n; i++) scores[i] = sharedScore[docs[i]!]!;
    this.sharedLoaded = { alts, version: this.version, n, docs, scores, order, ...orderShared(scores, n, order) };
    return this.sharedLoaded;
  }

  /**
   * Scores the documents a query matches: each unit scores a document by its best alternative term, a document's
   * total is the sum over units. Leaves the totals in `total`, the number of units matched in `matchedUnits`, and
   * returns how many documents it wrote to `touched`. With `unitsOnly`, documents matched by shared alternatives alone
   * are left out of `touched` (the caller ranks them from `sharedLoaded`: they all score `sharing` × their shared score).
   */
  private score(query: ParsedQuery, N: number, unitsOnly = false): number {
    const { scratch, total, matchedUnits, sharedScore, matchedSharing, touched, unitTouched } = this;
    let nTouched = 0;
    // Matching sends one problem's context words with several aspects: their scores are computed once.
    const shared = query.shared?.length ? this.loadShared(query.shared, N) : null;
    let sharing = 0;
    for (const unit of query.units) {
      let n = 0;
      for (const alt of unit.alts) n = this.scan(alt, scratch, unitTouched, n, N);
      const shares = unit.shares !== false;
      if (shares) sharing++;
      const best = shares && shared !== null;
      for (let i = 0; i < n; i++) {
        const d = unitTouched[i]!;
        if (matchedUnits[d] === 0) touched[nTouched++] = d;
        total[d]! += best ? Math.max(scratch[d]!, sharedScore[d]!) : scratch[d]!;
        matchedUnits[d]! += 1;
        if (shares) matchedSharing[d]! += 1;
        scratch[d] = 0;
      }
    }
    this.sharing = sharing;
    if (shared && unitsOnly) {
      // A shared alternative matches every sharing unit whose own alternatives did not (scores are positive).
      for (let i = 0; i < nTouched; i++) {
        const d = touched[i]!;
        if (sharedScore[d]! === 0) continue;
        const extra = sharing - matchedSharing[d]!;
        total[d]! += extra * sharedScore[d]!;
        matchedUnits[d]! += extra;
      }
    } else if (shared) {
      for (let i = 0; i < shared.n; i++) {
        const d = shared.docs[i]!;
        if (matchedUnits[d] === 0) touched[nTouched++] = d;
        const extra = sharing - matchedSharing[d]!;
        total[d]! += extra * sharedScore[d]!;
        matchedUnits[d]! += extra;
      }
    }
    for (let i = 0; i < nTouched; i++) matchedSharing[touched[i]!] = 0;
    return nTouched;
  }

  /**
   * Ranks documents for a parsed query: each unit scores a document by its best alternative term; a document's score
   * is the sum over units, scaled by the share of units it matches. An empty query lists every document.
   *
   * Every visible document that passes the filters is counted (`total`, and the facets, where each facet counts the
   * documents passing every other filter); only the page is ranked in full. One pass over the matching documents,
   * reading typed arrays only: a function `visible` is the one call per document left.
   */
  search(
    query: ParsedQuery,
    filters: SearchFilters,
    visible: Visibility,
    offset: number,
    limit: number,
    options: SearchOptions = {},
  ) {
    this.ensureScratch();
    const avgdl = this.aliveCount ? this.totalLength / this.aliveCount : 1;
    const N = Math.max(1, this.aliveCount);
    const browse = query.units.length === 0;
    if (!browse) this.ensureNorm(avgdl);
    const rankOnly = options.rankOnly === true;
    // Filters as dictionary ids (-1: no filter; -2: a value no document has, so nothing passes).
    const want = (dict: Dictionary, v: string | undefined) =>
      v === undefined || v === '' ? -1 : (dict.ids.get(v) ?? -2);
    const fType = want(this.dict.type, filters.type);
    const fOrg = want(this.dict.organization, filters.organization);
    const fFiliera = want(this.dict.filiera, filters.filiera);
    const fS3 = want(this.dict.s3, filters.s3);
    const fSector = want(this.sectorCodes, filters.sector ? filters.sector.toUpperCase() : undefined);
    const filtering = fType !== -1 || fOrg !== -1 || fFiliera !== -1 || fS3 !== -1 || fSector !== -1;
    // Ranking only, unfiltered, with shared alternatives: the documents they alone match are ranked after the loop.
    const deferShared = rankOnly && !filtering && !browse && (query.shared?.length ?? 0) > 0;
    const nCandidates = browse ? this.docs.length : this.score(query, N, deferShared);
    const sharedOnly = deferShared ? this.sharedLoaded : null;
    const { touched, total: totals, matchedUnits, docAlive, docVisibility, docType, docOrg, docs } = this;
    const mask = typeof visible === 'function' ? 0 : AUDIENCE_MASK[visible];
    const visibleFn = typeof visible === 'function' ? visible : null;
    const counting = !rankOnly;
    const except = options.exceptType === undefined ? -1 : (this.dict.type.ids.get(options.exceptType) ?? -1);
    const cType = new Int32Array(counting ? this.dict.type.values.length : 0);
    const cOrg = new Int32Array(counting ? this.dict.organization.values.length : 0);
    const cSector = new Int32Array(counting ? this.dict.sector.values.length : 0);
    const cFiliera = new Int32Array(counting ? this.dict.filiera.values.length : 0);
    const cS3 = new Int32Array(counting ? this.dict.s3.values.length : 0);
    const sectors = this.docSectors,
      filiere = this.docFiliere,
      s3s = this.docS3;
    const units = query.units.length;
    const coordination = options.coordination ?? analysisSettings().searchCoordination;
    // The coordination factor by number of units matched (`matchedUnits` holds a byte).
    const coord = new Float64Array(browse ? 0 : 256);
    for (let m = 0; m < coord.length; m++) {
      const share = m / units;
      coord[m] = coordination === 1 ? share : share ** coordination;
    }
    // Top (offset + limit) by score in a min-heap: the root is the worst kept (lowest score, then highest number).
    const k = offset + limit;
    const heap = new TopK(k, Math.min(nCandidates, 1024));
    let count = 0;
    for (let i = 0; i < nCandidates; i++) {
      const d = browse ? i : touched[i]!;
      let score = 0;
      if (!browse) {
        score = totals[d]! * coord[matchedUnits[d]!]!;
        totals[d] = 0;
        if (!sharedOnly) matchedUnits[d] = 0;
      }
      const enters = heap.admits(d, score);
      // Ranking only: a document that cannot enter the page is not even checked for visibility.
      if (rankOnly && !enters) continue;
      if (!docAlive[d]) continue;
      if (visibleFn ? !visibleFn(docs.get(d)) : ((mask >> docVisibility[d]!) & 1) === 0) continue;
      if (docType[d] === except) continue;
      if (!filtering) {
        // No filter: every facet counts every document (the usual case, kept free of the checks below).
        if (counting) {
          cType[docType[d]!]!++;
          cOrg[docOrg[d]!]!++;
          for (let j = sectors.offsets[d]!, e = sectors.offsets[d + 1]!; j < e; j++) cSector[sectors.values[j]!]!++;
          for (let j = filiere.offsets[d]!, e = filiere.offsets[d + 1]!; j < e; j++) cFiliera[filiere.values[j]!]!++;
          for (let j = s3s.offsets[d]!, e = s3s.offsets[d + 1]!; j < e; j++) cS3[s3s.values[j]!]!++;
        }
        count++;
        if (enters) heap.add(d, score);
        continue;
      }
      const okType = fType === -1 || docType[d] === fType;
      const okOrg = fOrg === -1 || docOrg[d] === fOrg;
      const okSector = fSector === -1 || this.docSectorCodes.has(d, fSector);
      const okFiliera = fFiliera === -1 || filiere.has(d, fFiliera);
      const okS3 = fS3 === -1 || s3s.has(d, fS3);
      // Each facet counts the documents that pass every other filter.
      if (counting) {
        if (okOrg && okSector && okFiliera && okS3) cType[docType[d]!]!++;
        if (okType && okSector && okFiliera && okS3) cOrg[docOrg[d]!]!++;
        if (okType && okOrg && okFiliera && okS3)
          for (let j = sectors.offsets[d]!, e = sectors.offsets[d + 1]!; j < e; j++) cSector[sectors.values[j]!]!++;
        if (okType && okOrg && okSector && okS3)
          for (let j = filiere.offsets[d]!, e = filiere.offsets[d + 1]!; j < e; j++) cFiliera[filiere.values[j]!]!++;
        if (okType && okOrg && okSector && okFiliera)
          for (let j = s3s.offsets[d]!, e = s3s.offsets[d + 1]!; j < e; j++) cS3[s3s.values[j]!]!++;
      }
      if (okType && okOrg && okSector && okFiliera && okS3) {
        count++;
        if (enters) heap.add(d, score);
      }
    }
    if (sharedOnly) {
      // Documents matched by shared alternatives alone (a unit matched the others, ranked above): each scores its
      // shared score times `sharing`, times the same coordination factor, so walking them best first stops at the
      // first one that cannot enter. Ranking only, so no filters or counts apply.
      const { docs: sDocs, scores: sScores, order: sOrder, head, headMin } = sharedOnly;
      const sharing = this.sharing;
      const factor = coord[sharing & 0xff]!;
      for (let j = 0; j < sharedOnly.n; j++) {
        // Past the sorted head, nothing scores above its lowest.
        if (j === head && Math.fround(sharing * headMin) * factor < heap.floor()) break;
        const i = sOrder[j]!;
        const d = sDocs[i]!;
        if (matchedUnits[d] !== 0) continue;
        const score = Math.fround(sharing * sScores[i]!) * factor;
        if (j < head && score < heap.floor()) break;
        if (!heap.admits(d, score) || !docAlive[d]) continue;
        if (visibleFn ? !visibleFn(docs.get(d)) : ((mask >> docVisibility[d]!) & 1) === 0) continue;
        if (docType[d] === except) continue;
        heap.add(d, score);
      }
      for (let i = 0; i < nCandidates; i++) matchedUnits[touched[i]!] = 0;
    }
    const order = heap.sorted();
    const counts: Record<FacetName, Int32Array> = {
      type: cType,
      organization: cOrg,
      sector: cSector,
      filiera: cFiliera,
      s3: cS3,
    };
    const facets = {} as Facets;
    for (const f of FACETS) {
      const rows: { value: string; count: number }[] = [];
      const c = counts[f];
      for (let i = 0; i < c.length; i++) if (c[i]! > 0) rows.push({ value: this.dict[f].values[i]!, count: c[i]! });
      rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      facets[f] = rows.slice(0, MAX_FACET_VALUES);
    }
    // `ref`: the document's number in the index, the same for a record in every search while the index is unchanged
    // (each `doc` is decoded anew from the compact store).
    const page = order
      .slice(offset, offset + limit)
      .map((r) => ({ doc: this.docs.get(r.d), ref: r.d, score: r.score }));
    return { total: rankOnly ? page.length : count, hits: page, facets };
  }
}

function pushAlt(alts: QueryAlt[], term: string, weight: number): boolean {
  const existing = alts.find((a) => a.term === term);
  if (existing) {
    if (weight > existing.weight) existing.weight = weight;
    return false;
  }
  alts.push({ term, weight });
  return true;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
