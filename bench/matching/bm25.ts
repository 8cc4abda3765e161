/**
 * The plain BM25 baseline of the matching benchmark: what a search box without any language processing would do.
 *
 * Every record (competence, service, equipment, expert) is one document made of all the words of its title,
 * description and keywords in every language (for experts: name, role, expertise and keywords), lower-cased and split
 * on anything that is not a letter. No stemming, no stop words, no accent folding, no glossary, no fields. The problem
 * text is tokenised the same way; each distinct query word adds idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)),
 * with k1 1.2, b 0.75 and idf = ln(1 + (N − n + 0.5) / (n + 0.5)). Organisations are ranked by their best record.
 */

export interface Bm25Document {
  id: string;
  organization: string;
  text: string;
}

export interface Scored {
  id: string;
  score: number;
}

/** Lower-cases and splits on every character that is not a letter (digits and punctuation separate words). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((t) => t.length > 0);
}

export class Bm25 {
  private readonly docs: { id: string; organization: string; length: number; tf: Map<string, number> }[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(
    documents: readonly Bm25Document[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.docs = documents.map((d) => {
      const tokens = tokenize(d.text);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { id: d.id, organization: d.organization, length: tokens.length, tf };
    });
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** Records with a positive score, best first (ties by id, so runs are reproducible). */
  search(query: string, limit = Number.POSITIVE_INFINITY): Scored[] {
    const terms = [...new Set(tokenize(query))];
    const n = this.docs.length;
    const out: Scored[] = [];
    for (const d of this.docs) {
      let score = 0;
      for (const t of terms) {
        const tf = d.tf.get(t);
        if (!tf) continue;
        const df = this.df.get(t) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * (tf * (this.k1 + 1))) / (tf + this.k1 * (1 - this.b + (this.b * d.length) / this.avgLength));
      }
      if (score > 0) out.push({ id: d.id, score });
    }
    out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return out.slice(0, limit);
  }

  /** Organisations ranked by their best record in a result list. */
  rankOrganizations(results: readonly Scored[]): Scored[] {
    const ownerOf = new Map(this.docs.map((d) => [d.id, d.organization]));
    const best = new Map<string, number>();
    for (const r of results) {
      const org = ownerOf.get(r.id);
      if (org !== undefined && r.score > (best.get(org) ?? 0)) best.set(org, r.score);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  }
}
