/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof` or `npm run bench -- --profile DIR`): the functions with the most
 * self time and the most inclusive time, with their source locations relative to the repository.
 *
 * tsx compiles TypeScript to one minified line per file, so a profile only says "file.ts:1". To name the original line
 * of each function, this reads the source maps tsx keeps in its cache (os.tmpdir()/tsx-UID); run it soon after the
 * profiled run, before the sources change.
 *
 *   tsx bench/profile-summary.ts FILE.cpuprofile [--top 25] [--filter apps/server]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, filter: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--filter TEXT]');
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Original file → decoded source map of its newest tsx cache entry.
const maps = new Map<string, { mtime: number; lines: SourceMapSegment[][] }>();
const cacheDir = path.join(os.tmpdir(), `tsx-${os.userInfo().uid}`);
if (fs.existsSync(cacheDir)) {
  for (const name of fs.readdirSync(cacheDir)) {
    const p = path.join(cacheDir, name);
    try {
      const entry = JSON.parse(fs.readFileSync(p, 'utf8')) as { map?: { sources?: string[]; mappings?: string } };
      const src = entry.map?.sources?.length === 1 ? entry.map.sources[0] : undefined;
      if (!src || !entry.map?.mappings) continue;
      const mtime = fs.statSync(p).mtimeMs;
      if ((maps.get(src)?.mtime ?? -1) < mtime) maps.set(src, { mtime, lines: decode(entry.map.mappings) });
    } catch {
      /* not a cache entry */
    }
  }
}
function originalLine(file: string, line: number, column: number): number {
  const segs = maps.get(file)?.lines[line];
  if (!segs?.length) return line + 1;
  let best: SourceMapSegment | undefined;
  for (const s of segs) {
    if (s[0] <= column) best = s;
    else break;
  }
  return best && best.length >= 4 ? best[2]! + 1 : line + 1;
}
const key = (f: CallFrame) => {
  const file = f.url.replace(/^file:\/\//, '');
  const url = file.replace(ROOT + '/', '');
  return `${f.functionName || '(anonymous)'}  ${url ? `${url}:${originalLine(file, f.lineNumber, f.columnNumber)}` : ''}`.trim();
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  const leaf = byId.get(id)!;
  self.set(key(leaf.callFrame), (self.get(key(leaf.callFrame)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const k = key(byId.get(n)!.callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
});

const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  const rows = [...m]
    .filter(([k]) => !values.filter || k.includes(values.filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [k, ms] of rows)
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`);
show('Self time', self);
show('Inclusive time', inclusive);
