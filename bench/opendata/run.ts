/**
 * The open-data benchmark (`npm run bench:opendata`): a fresh embedded database with the demo network plus N services
 * (default 100,000), served by `clock serve` in a child process (bench/serve-child.mjs). Times the services CSV download
 * (streamed from the database page by page) while sampling the server's memory, then follows the whole change feed
 * from the beginning, page by page. Prints figures; asserts nothing; writes nothing to the repository.
 *
 *   npm run bench:opendata
 *   npm run bench:opendata -- --count 20000 --page 500
 *
 * Targets (decision 020): the CSV of 100,000 offers in under 10 s, server memory growth under 100 MiB.
 * There is no previous version to compare with: open data is new.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { prepareDatabase } from '../../apps/server/src/db/prepare.ts';

const { values: opts } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, page: { type: 'string', default: '1000' } },
});
const COUNT = Number(opts.count);
const PAGE = Number(opts.page);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (m: string) => process.stderr.write(`[bench:opendata] ${m}\n`);
const MiB = (b: number) => (b / 1024 / 1024).toFixed(1);

function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-bench-opendata-'));
const dataDir = path.join(dir, 'data');
try {
  // 1. The data: the demo network and COUNT services, written in SQL batches (through the change-log triggers).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await prepareDatabase(database, 'demo');
  let t = performance.now();
  for (let done = 0; done < COUNT; done += 10_000) {
    const n = Math.min(10_000, COUNT - done);
    await database.db.execute(
      sql.raw(`
      insert into offers (type, id, organization_id, title, description, keywords, sectors, service_kind)
      select 'service', 'bench-' || (${done} + g),
        (array['lucense','asev','cosvig','cptm','navigo','tls'])[1 + g % 6],
        jsonb_build_object('it', 'Servizio di prova numero ' || (${done} + g), 'en', 'Test service number ' || (${done} + g)),
        jsonb_build_object('it', 'Prove di laboratorio, con "virgolette", virgole; e a capo' || chr(10) || 'seconda riga.'),
        array['prove', 'laboratorio', 'qualità'], array['C17.12'], 'testing'
      from generate_series(1, ${n}) g`),
    );
  }
  const insertMs = performance.now() - t;
  await database.close();
  log(
    `inserted ${COUNT.toLocaleString('en-GB')} services in ${(insertMs / 1000).toFixed(1)} s (change-log triggers included)`,
  );

  // 2. The server, as in production.
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/serve-child.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLOCK_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      CLOCK_SEED: 'none',
      LOG_LEVEL: 'warn',
      CLOCK_WEB_DIST: '',
      CLOCK_WORKER_INTERVAL_MS: '0',
      CLOCK_RATE_LIMIT_DOWNLOADS: '0',
      CLOCK_RATE_LIMIT_NOT_FOUND: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-10_000)));
  child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-10_000)));
  try {
    let url: string | null = null;
    const deadline = performance.now() + 15 * 60_000;
    for (;;) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`server not ready:\n${out}`);
      url ??= /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? null;
      if (url) {
        const h = (await fetch(`${url}/api/health`)
          .then((r) => r.json())
          .catch(() => ({}))) as { search?: { ready?: boolean }; status?: string };
        // Measured once the search index is built, so its memory is not counted as the download's.
        if (h.search?.ready) break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1000));

    // The first reader after the load gives the waiting changes their positions (once): timed on its own.
    t = performance.now();
    await (await fetch(`${url}/api/v1/changes?limit=1`)).json();
    const publishMs = performance.now() - t;

    // 3. The CSV download, streamed, while sampling the server's memory.
    const before = rss(child.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(child.pid!))), 20);
    t = performance.now();
    const res = await fetch(`${url}/opendata/services.csv`, { headers: { 'accept-encoding': 'identity' } });
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>) {
      if (!bytes) firstByteMs = performance.now() - t;
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const csvMs = performance.now() - t;
    clearInterval(sampler);
    peak = Math.max(peak, rss(child.pid!));
    const total = ((await (await fetch(`${url}/api/v1/services?limit=1`)).json()) as { total: number }).total;

    // 4. The change feed, from the beginning to the end.
    t = performance.now();
    let after = 0;
    let entries = 0;
    let pages = 0;
    const pageMs: number[] = [];
    for (;;) {
      const p0 = performance.now();
      const r = (await (await fetch(`${url}/api/v1/changes?after=${after}&limit=${PAGE}`)).json()) as {
        items: { cursor: number }[];
        next: number | null;
      };
      pageMs.push(performance.now() - p0);
      pages++;
      entries += r.items.length;
      if (r.next === null) break;
      after = r.next;
    }
    const feedMs = performance.now() - t;
    pageMs.sort((a, b) => a - b);

    console.log(`open data, embedded database (PGlite), demo network + ${COUNT.toLocaleString('en-GB')} services`);
    console.log(
      `  services.csv        ${(csvMs / 1000).toFixed(2)} s (first byte ${firstByteMs.toFixed(0)} ms), ${MiB(bytes)} MiB, ${lines.toLocaleString('en-GB')} lines (header + rows with line breaks inside quoted cells) for ${total.toLocaleString('en-GB')} services  [target < 10 s]`,
    );
    console.log(
      `  server memory       ${MiB(before)} MiB before, ${MiB(peak)} MiB peak: growth ${MiB(peak - before)} MiB  [target < 100 MiB]`,
    );
    console.log(
      `  change feed         ${entries.toLocaleString('en-GB')} entries in ${pages} pages of ${PAGE} in ${(feedMs / 1000).toFixed(2)} s = ${Math.round(entries / (feedMs / 1000)).toLocaleString('en-GB')} entries/s; page p50 ${pageMs[Math.floor(pageMs.length / 2)]!.toFixed(0)} ms, p95 ${pageMs[Math.floor(pageMs.length * 0.95)]!.toFixed(0)} ms`,
    );
    console.log(
      `  first feed read     ${(publishMs / 1000).toFixed(2)} s (gives the loaded changes their positions, once)`,
    );
    console.log('  previous version    none (open data is new in this version)');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
