import type { DocInput, DocType, Localized } from './search.index.ts';
import { Dictionary } from './search.lists.ts';
import { SnapshotRefused, type TypedArray } from './search.snapshot.ts';

/** The four texts a kept document shows, in the order they are stored: bit `1 << k` of `present` says text k exists. */
const TEXTS = 4;
const text = (l: Localized | undefined, k: number) => (k & 1 ? l?.en : l?.it);
/** The facet lists a kept document carries, in the order they are stored. */
const TAG_LISTS = 3;

const grow = <T extends Uint8Array | Int32Array>(a: T, need: number, make: (n: number) => T): T => {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2, 64));
  b.set(a);
  return b;
};

/**
 * What the index keeps of each document for its answers (type, id, organisation, visibility, titles, summaries and
 * facet values), without the fields' texts, which only serve to build the postings. Every document's texts are UTF-8
 * in one byte buffer with their offsets in a typed array, and the repeated strings (types, organisations, facet values)
 * are numbered once, so that 100,000 documents cost a few tens of MiB outside the JavaScript heap instead of about
 * 90 MiB of objects inside it: the heap the collector walks, and lets grow in proportion, stays small. A document is
 * decoded into a `DocInput` (with no fields) when an answer shows it: a page of hits, a matching's candidates.
 * Documents are appended and never rewritten (the index gives a replaced document a new number).
 */
export class DocStore {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  /** Text k of document d is `bytes[textAt[4d + k] .. textAt[4d + k + 1])`. */
  private textAt = new Int32Array(TEXTS * 1024 + 1);
  private present = new Uint8Array(1024);
  private type = new Uint8Array(1024);
  private org = new Int32Array(1024);
  private visibility = new Uint8Array(1024);
  /** List k (sectors, filiere, s3) of document d is `tags[tagAt[3d + k] .. tagAt[3d + k + 1])`, as ids of `strings`. */
  private tagAt = new Int32Array(TAG_LISTS * 1024 + 1);
  private tags = new Int32Array(1024);
  private ids: string[] = [];
  private types = new Dictionary();
  private orgs = new Dictionary();
  private strings = new Dictionary();
  private readonly encoder = new TextEncoder();

  get length(): number {
    return this.ids.length;
  }

  /** Appends a document; returns its number. */
  push(doc: DocInput): number {
    const d = this.ids.length;
    const n = d + 1;
    this.present = grow(this.present, n, (k) => new Uint8Array(k));
    this.type = grow(this.type, n, (k) => new Uint8Array(k));
    this.org = grow(this.org, n, (k) => new Int32Array(k));
    this.visibility = grow(this.visibility, n, (k) => new Uint8Array(k));
    this.textAt = grow(this.textAt, TEXTS * n + 1, (k) => new Int32Array(k));
    this.tagAt = grow(this.tagAt, TAG_LISTS * n + 1, (k) => new Int32Array(k));
    let present = 0;
    for (let k = 0; k < TEXTS; k++) {
      const t = text(k < 2 ? doc.title : doc.summary, k);
      if (t !== undefined) {
        present |= 1 << k;
        // At most 3 bytes of UTF-8 per UTF-16 unit.
        this.bytes = grow(this.bytes, this.used + t.length * 3, (m) => new Uint8Array(m));
        this.used += this.encoder.encodeInto(t, this.bytes.subarray(this.used)).written;
      }
      this.textAt[TEXTS * d + k + 1] = this.used;
    }
    this.present[d] = present;
    this.type[d] = this.types.id(doc.type);
    this.org[d] = this.orgs.id(doc.organization);
    this.visibility[d] = doc.visibility === 'public' ? 0 : 1;
    let end = this.tagAt[TAG_LISTS * d]!;
    for (let k = 0; k < TAG_LISTS; k++) {
      const list = k === 0 ? doc.sectors : k === 1 ? doc.filiere : doc.s3;
      this.tags = grow(this.tags, end + list.length, (m) => new Int32Array(m));
      for (const v of list) this.tags[end++] = this.strings.id(v);
      this.tagAt[TAG_LISTS * d + k + 1] = end;
    }
    this.ids.push(doc.id);
    return d;
  }

  /** Document d's type and id (what the index keys it by), without decoding the rest. */
  key(d: number): string {
    return `${this.types.values[this.type[d]!]!}:${this.ids[d]!}`;
  }

  /** Document d as it was given, without its fields (a new object each time: callers may keep or change it). */
  get(d: number): DocInput {
    const present = this.present[d]!;
    const texts: (string | undefined)[] = [];
    for (let k = 0; k < TEXTS; k++)
      texts.push(
        present & (1 << k) ? this.decode(this.textAt[TEXTS * d + k]!, this.textAt[TEXTS * d + k + 1]!) : undefined,
      );
    const localized = (it: string | undefined, en: string | undefined): Localized => {
      const l: Localized = {};
      if (it !== undefined) l.it = it;
      if (en !== undefined) l.en = en;
      return l;
    };
    const list = (k: number) => {
      const out: string[] = [];
      for (let i = this.tagAt[TAG_LISTS * d + k]!, e = this.tagAt[TAG_LISTS * d + k + 1]!; i < e; i++)
        out.push(this.strings.values[this.tags[i]!]!);
      return out;
    };
    return {
      type: this.types.values[this.type[d]!] as DocType,
      id: this.ids[d]!,
      organization: this.orgs.values[this.org[d]!]!,
      visibility: this.visibility[d] === 0 ? 'public' : 'network',
      title: localized(texts[0], texts[1]),
      summary: localized(texts[2], texts[3]),
      fields: [],
      sectors: list(0),
      filiere: list(1),
      s3: list(2),
    };
  }

  private decode(from: number, to: number): string {
    return from === to ? '' : Buffer.from(this.bytes.buffer, this.bytes.byteOffset + from, to - from).toString('utf8');
  }

  /** Drops the slack left by doubling (call after a bulk load; appending still works afterwards). */
  trim(): void {
    const n = this.ids.length;
    if (this.bytes.length > this.used) this.bytes = this.bytes.slice(0, this.used);
    if (this.present.length > n) {
      this.present = this.present.slice(0, n);
      this.type = this.type.slice(0, n);
      this.org = this.org.slice(0, n);
      this.visibility = this.visibility.slice(0, n);
    }
    if (this.textAt.length > TEXTS * n + 1) this.textAt = this.textAt.slice(0, TEXTS * n + 1);
    if (this.tagAt.length > TAG_LISTS * n + 1) this.tagAt = this.tagAt.slice(0, TAG_LISTS * n + 1);
    const tags = this.tagAt[TAG_LISTS * n]!;
    if (this.tags.length > tags) this.tags = this.tags.slice(0, tags);
  }

  /** The store's sections of an index snapshot: the typed arrays as they are (views) and the strings as JSON. */
  toSnapshot(): { json: Record<string, unknown>; arrays: Record<string, TypedArray> } {
    const n = this.ids.length;
    return {
      json: {
        'store.strings': {
          ids: this.ids,
          types: this.types.values,
          orgs: this.orgs.values,
          strings: this.strings.values,
        },
      },
      arrays: {
        'store.bytes': this.bytes.subarray(0, this.used),
        'store.textAt': this.textAt.subarray(0, TEXTS * n + 1),
        'store.present': this.present.subarray(0, n),
        'store.type': this.type.subarray(0, n),
        'store.org': this.org.subarray(0, n),
        'store.visibility': this.visibility.subarray(0, n),
        'store.tagAt': this.tagAt.subarray(0, TAG_LISTS * n + 1),
        'store.tags': this.tags.subarray(0, this.tagAt[TAG_LISTS * n]!),
      },
    };
  }

  /** A store as `toSnapshot` left it. Throws `SnapshotRefused` when a section is missing or does not fit the others. */
  static fromSnapshot(json: Record<string, unknown>, arrays: Record<string, TypedArray>): DocStore {
    const strings = json['store.strings'] as { ids?: unknown; types?: unknown; orgs?: unknown; strings?: unknown };
    if (!strings || !Array.isArray(strings.ids)) throw new SnapshotRefused('the kept documents are missing');
    const s = new DocStore();
    const n = strings.ids.length;
    if (!strings.ids.every((id) => typeof id === 'string')) throw new SnapshotRefused('a kept document has no id');
    s.ids = strings.ids as string[];
    const dictionary = (values: unknown) => {
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string'))
        throw new SnapshotRefused('a kept-document dictionary is missing');
      return Dictionary.of(values);
    };
    s.types = dictionary(strings.types);
    s.orgs = dictionary(strings.orgs);
    s.strings = dictionary(strings.strings);
    const array = <T extends TypedArray>(name: string, make: new (n: number) => T, length?: number): T => {
      const a = arrays[`store.${name}`];
      if (!(a instanceof make) || (length !== undefined && a.length !== length))
        throw new SnapshotRefused(`array store.${name} is missing or has the wrong length`);
      return a as T;
    };
    s.bytes = array('bytes', Uint8Array);
    s.used = s.bytes.length;
    s.textAt = array('textAt', Int32Array, TEXTS * n + 1);
    s.present = array('present', Uint8Array, n);
    s.type = array('type', Uint8Array, n);
    s.org = array('org', Int32Array, n);
    s.visibility = array('visibility', Uint8Array, n);
    s.tagAt = array('tagAt', Int32Array, TAG_LISTS * n + 1);
    s.tags = array('tags', Int32Array, s.tagAt[TAG_LISTS * n]);
    // Every offset within its buffer and in order, every id within its dictionary: a decoded document is never garbage.
    const ordered = (at: Int32Array, max: number) => {
      if (at[0] !== 0 || at[at.length - 1] !== max) return false;
      for (let i = 1; i < at.length; i++) if (at[i]! < at[i - 1]!) return false;
      return true;
    };
    const within = (a: Uint8Array | Int32Array, size: number) => a.every((v) => v >= 0 && v < size);
    if (
      !ordered(s.textAt, s.used) ||
      !ordered(s.tagAt, s.tags.length) ||
      !within(s.type, s.types.values.length) ||
      !within(s.org, s.orgs.values.length) ||
      !within(s.tags, s.strings.values.length)
    )
      throw new SnapshotRefused('the kept documents do not match their offsets');
    return s;
  }
}
