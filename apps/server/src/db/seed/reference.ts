import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../client.ts';
import { upsertTaxonomyTerms } from '../../modules/catalogue/catalogue.repo.ts';

const NACE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../vocab/nace');

// NACE Rev. 2 sections by division range.
const SECTIONS: [string, number, number][] = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];
export function naceSection(division: string): string | null {
  const d = Number(division.slice(0, 2));
  return SECTIONS.find(([, lo, hi]) => d >= lo && d <= hi)?.[0] ?? null;
}

/** "1712" → "C17.12", "171" → "C17.1", "17" → "C17", "C" → "C": the code form used across the platform. */
export function naceCode(raw: string): string | null {
  if (/^[A-U]$/.test(raw)) return raw;
  const digits = raw.replace(/\D/g, '');
  const sec = naceSection(digits);
  if (!sec || digits.length < 2) return null;
  return digits.length === 2 ? `${sec}${digits}` : `${sec}${digits.slice(0, 2)}.${digits.slice(2)}`;
}

const cap = (s: string) => (s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);

/** Loads the NACE Rev. 2 / ATECO 2007 sector labels (Italian and English) into the sector taxonomy. */
export async function loadSectorTaxonomy(db: Db): Promise<number> {
  const rows: { scheme: 'sector'; code: string; label: { it: string; en: string }; parentCode: string | null }[] = [];
  for (const level of ['section', 'division', 'group', 'class']) {
    const lines = fs
      .readFileSync(path.join(NACE_DIR, `noga2008-${level}.tsv`), 'utf8')
      .split('\n')
      .slice(1);
    for (const line of lines) {
      const [raw, it, en] = line.split('\t');
      if (!raw || !it || !en) continue;
      const code = naceCode(raw.trim());
      if (!code) continue;
      const parent =
        level === 'section' ? null : level === 'division' ? naceSection(raw) : naceCode(raw.slice(0, raw.length - 1));
      rows.push({ scheme: 'sector', code, label: { it: cap(it.trim()), en: cap(en.trim()) }, parentCode: parent });
    }
  }
  await upsertTaxonomyTerms(db, rows);
  return rows.length;
}
