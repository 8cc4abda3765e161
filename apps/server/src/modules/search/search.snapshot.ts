import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { analysisSettings } from './analysis.policy.ts';
import { DICTIONARY_DIR, GLOSSARY_DIR } from './concepts.ts';

/**
 * The search index on disk (decision 026): the typed arrays as they are in memory, the kept documents and the
 * dictionaries as JSON, each in its own section with its SHA-256, and a header naming the catalogue marker the index is
 * consistent with, the database it was built from and the analysis it was built with. A restart loads it without
 * analysing any text and catches up from the marker; anything unexpected (another format, another analysis, a short
 * or corrupt file) makes the reader refuse it, and the server builds the index from the database instead.
 *
 * Layout: `MAGIC`, the sections (each 8-byte aligned), the header as JSON, its length (u32 LE), `MAGIC` again. The
 * file is written to a temporary name, flushed and renamed, so a reader sees an old whole file or a new whole file.
 */
export const SNAPSHOT_FORMAT = 2;
const MAGIC = Buffer.from('CLOCKIX1', 'latin1');
const TRAILER = 4 + MAGIC.length;

export type TypedArray = Int32Array | Float32Array | Uint8Array;
type Kind = 'json' | 'i32' | 'f32' | 'u8';
interface Section {
  name: string;
  kind: Kind;
  offset: number;
  bytes: number;
  sha256: string;
}
export interface SnapshotHeader {
  format: number;
  /** `analysisKey()` of the code that wrote it. */
  analysis: string;
  /** The database's identity (system identifier and name). */
  database: string;
  /** The catalogue marker (a database snapshot) the index is consistent with. */
  marker: string;
  documents: number;
  written: string;
  sections: Section[];
}
/** What a snapshot holds: named JSON values and named typed arrays (an array given as parts is written as one). */
export interface SnapshotContent {
  json: Record<string, unknown>;
  arrays: Record<string, TypedArray | TypedArray[]>;
}

export class SnapshotRefused extends Error {}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The sources whose change changes what the index holds for the same catalogue. */
const ANALYSIS_SOURCES = [
  'analysis.policy.ts',
  'budget.rules.ts',
  'concepts.ts',
  'search.docstore.ts',
  'search.index.ts',
  'search.lists.ts',
  'search.snapshot.ts',
  'text.rules.ts',
];
let cachedKey: { settings: string; key: string } | null = null;

/**
 * A hash of everything an index build depends on besides the catalogue: the format, the analysis settings, the
 * glossary and dictionary files, the analysis code and the stemmer's version. Another value refuses a snapshot.
 */
export function analysisKey(): string {
  const settings = JSON.stringify(analysisSettings());
  if (cachedKey?.settings === settings) return cachedKey.key;
  const h = crypto.createHash('sha256');
  h.update(`format ${SNAPSHOT_FORMAT}\n${settings}\n`);
  const files = [
    ...ANALYSIS_SOURCES.map((f) => path.join(here, f)),
    ...[GLOSSARY_DIR, DICTIONARY_DIR].flatMap((dir) =>
      fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [],
    ),
    createRequire(import.meta.url).resolve('snowball-stemmers/package.json'),
  ].sort();
  for (const f of files) {
    if (!fs.statSync(f).isFile()) continue;
    h.update(`${path.basename(f)}\n`);
    h.update(fs.readFileSync(f));
  }
  cachedKey = { settings, key: h.digest('hex') };
  return cachedKey.key;
}

const bytesOf = (a: TypedArray) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const kindOf = (a: TypedArray): Kind => (a instanceof Int32Array ? 'i32' : a instanceof Float32Array ? 'f32' : 'u8');

/** Sequential writes through a 1 MiB buffer, hashing each section as it goes. */
class Writer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  offset = 0;
  constructor(private readonly fd: number) {}
  write(bytes: Uint8Array, hash?: crypto.Hash) {
    hash?.update(bytes);
    if (bytes.length > this.buf.length - this.used) this.flush();
    if (bytes.length >= this.buf.length) fs.writeSync(this.fd, bytes);
    else {
      this.buf.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.offset += bytes.length;
  }
  pad() {
    const n = (8 - (this.offset % 8)) % 8;
    if (n) this.write(new Uint8Array(n));
  }
  flush() {
    if (this.used) fs.writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }
}

/** Bytes written between two yields to the event loop (queries are answered meanwhile). */
const YIELD_EVERY = 4 << 20;
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes a snapshot atomically (temporary file, flush, rename), yielding to the event loop every few MiB so that the
 * thread keeps answering queries; the caller must not change the content meanwhile. Returns the bytes written.
 */
export async function writeSnapshot(
  file: string,
  header: Omit<SnapshotHeader, 'format' | 'sections' | 'written' | 'analysis'>,
  content: SnapshotContent,
): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemporaries(file);
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    const w = new Writer(fd);
    w.write(MAGIC);
    const sections: Section[] = [];
    let sinceYield = 0;
    const section = async (name: string, kind: Kind, parts: Uint8Array[]) => {
      w.pad();
      const hash = crypto.createHash('sha256');
      const offset = w.offset;
      for (const p of parts) {
        w.write(p, hash);
        sinceYield += p.length;
        if (sinceYield >= YIELD_EVERY) {
          sinceYield = 0;
          await yieldToEvents();
        }
      }
      sections.push({ name, kind, offset, bytes: w.offset - offset, sha256: hash.digest('hex') });
    };
    for (const [name, value] of Object.entries(content.json))
      await section(name, 'json', [Buffer.from(JSON.stringify(value), 'utf8')]);
    for (const [name, value] of Object.entries(content.arrays)) {
      const parts = Array.isArray(value) ? value : [value];
      await section(name, parts.length ? kindOf(parts[0]!) : 'u8', parts.map(bytesOf));
    }
    const full: SnapshotHeader = {
      format: SNAPSHOT_FORMAT,
      analysis: analysisKey(),
      ...header,
      written: new Date().toISOString(),
      sections,
    };
    const json = Buffer.from(JSON.stringify(full), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length);
    w.write(json);
    w.write(len);
    w.write(MAGIC);
    w.flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    return w.offset;
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Deletes temporary files left by a process that died while writing (`<file>.<pid>-<thread>.tmp`). */
function removeStaleTemporaries(file: string) {
  const base = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(path.dirname(file))) {
    const m = name.startsWith(base) ? /^(\d+)-\d+\.tmp$/.exec(name.slice(base.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH')
        fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  }
}

/** The header of a snapshot file, or null when there is none or it is not a whole snapshot of this format. */
export function readSnapshotHeader(file: string): SnapshotHeader | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    return headerOf(fd);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function headerOf(fd: number): SnapshotHeader {
  const size = fs.fstatSync(fd).size;
  if (size < MAGIC.length + TRAILER) throw new SnapshotRefused('the file is too short');
  const head = Buffer.alloc(MAGIC.length);
  fs.readSync(fd, head, 0, head.length, 0);
  const tail = Buffer.alloc(TRAILER);
  fs.readSync(fd, tail, 0, TRAILER, size - TRAILER);
  if (!head.equals(MAGIC) || !tail.subarray(4).equals(MAGIC)) throw new SnapshotRefused('not a whole snapshot');
  const len = tail.readUInt32LE(0);
  const start = size - TRAILER - len;
  if (start < MAGIC.length) throw new SnapshotRefused('the header runs past the start');
  const json = Buffer.alloc(len);
  fs.readSync(fd, json, 0, len, start);
  const header = JSON.parse(json.toString('utf8')) as SnapshotHeader;
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotRefused(`format ${header.format}, not ${SNAPSHOT_FORMAT}`);
  for (const s of header.sections)
    if (!(s.offset >= MAGIC.length && s.bytes >= 0 && s.offset + s.bytes <= start))
      throw new SnapshotRefused(`section ${s.name} lies outside the file`);
  return header;
}

/**
 * Reads and checks a whole snapshot written by this analysis for this database: every section's length and hash.
 * Throws `SnapshotRefused` (with the reason) for anything else.
 */
export function readSnapshot(
  file: string,
  database: string,
): { header: SnapshotHeader; json: Record<string, unknown>; arrays: Record<string, TypedArray> } {
  const fd = fs.openSync(file, 'r');
  try {
    const header = headerOf(fd);
    if (header.analysis !== analysisKey()) throw new SnapshotRefused('written by another analysis (code or glossary)');
    if (header.database !== database) throw new SnapshotRefused('written for another database');
    const json: Record<string, unknown> = {};
    const arrays: Record<string, TypedArray> = {};
    for (const s of header.sections) {
      const size = s.kind === 'i32' || s.kind === 'f32' ? 4 : 1;
      if (s.bytes % size) throw new SnapshotRefused(`section ${s.name} has a broken length`);
      const a: TypedArray =
        s.kind === 'i32'
          ? new Int32Array(s.bytes / 4)
          : s.kind === 'f32'
            ? new Float32Array(s.bytes / 4)
            : new Uint8Array(s.bytes);
      const bytes = bytesOf(a);
      if (fs.readSync(fd, bytes, 0, s.bytes, s.offset) !== s.bytes) throw new SnapshotRefused(`${s.name} is short`);
      if (crypto.createHash('sha256').update(bytes).digest('hex') !== s.sha256)
        throw new SnapshotRefused(`section ${s.name} is corrupt`);
      if (s.kind === 'json') json[s.name] = JSON.parse(Buffer.from(a.buffer, 0, s.bytes).toString('utf8'));
      else arrays[s.name] = a;
    }
    return { header, json, arrays };
  } finally {
    fs.closeSync(fd);
  }
}
