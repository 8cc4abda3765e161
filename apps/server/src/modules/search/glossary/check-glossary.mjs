#!/usr/bin/env node
// Validates glossary.tsv and related.tsv (CL.O.C.K. concept glossary).
// Project-authored, EUPL-1.2. No dependencies: `node check-glossary.mjs [dir]`.
// Exit code 0 = clean, 1 = errors found. Warnings do not fail the check.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));

const GLOSSARY_HEADER = ['id', 'broader', 'it', 'en', 'abbr'];
const RELATED_HEADER = ['from', 'to', 'kind'];
const RELATION_KINDS = new Set(['related', 'tested-by', 'solved-by']);

// Single words that are too generic (or everyday homographs) to be a term on
// their own. They are fine inside multi-word terms ("rete elettrica").
const FORBIDDEN_SINGLE_WORDS = new Set(
  `
test tests testing prova prove design plant plants impianto impianti sistema sistemi system systems
analisi analysis servizio servizi service services sale pesca porta pianta rete reti campo stato parte
progetto progetti project projects prodotto prodotti product products processo processi process processes
materiale materiali material materials qualità quality energia energy controllo controlli control
gestione management tecnologia tecnologie technology technologies innovazione innovation sviluppo development
ricerca research dati data macchina macchine machine machines studio study lavoro work modello model
struttura structure soluzione solution solutions problema problem problems consulenza consulting
laboratorio laboratory lab supporto support attività activity metodo method tecnica technique
misura misure measurement measure calcolo calculation formazione training corso course norma norme
standard sicurezza safety security rischio risk ambiente environment acqua water aria air calore heat
porto port fusione stampa press cantiere cella cell batteria batteri fibra fibre fiber tessuto tissue
pelle skin fatica fatigue frattura fracture wear olio oil polpa pulp gara rifiuto pietra stone
app software piattaforma platform rete network networks certificato valutazione assessment evaluation
verifica check ispezione inspection monitoraggio monitoring componente componenti component components
impresa imprese azienda aziende company companies business mercato market
`
    .trim()
    .split(/\s+/),
);

// Single words that look technical but are homographs in the other sense that
// matters here (found while writing the glossary). Use a multi-word term instead,
// e.g. "serre agricole" (not "serra": gas serra), "leather tanning" (not
// "tanning": sun tanning), "pellet di legno" (not "pellet": plastic pellets).
const HOMOGRAPH_TRAPS = new Set(
  `
serra greenhouse greenhouses paper tanning pellet primer primers scaffold scaffolds mould mold moulds molds
flash board cloud ottica viscosa rettifica galvanica compensato malta lime porti pasta feed drugs marina
crosta borsa borse telai maglia onda colle cotto rinvenimento imbarcamento turning milling grinding
infusione ultrasuoni programmazione incubazione diagnostica spellatura swelling gold silver shipping
dematerializzazione autoclave esco ape foundry forming plaster render fibre fiber pulp tissue
`
    .trim()
    .split(/\s+/),
);

// Terms deliberately shared by two concepts. Keep this list very short.
const ALLOWED_SHARED_TERMS = new Set([]);

const errors = [];
const warnings = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const warn = (where, msg) => warnings.push(`${where}: ${msg}`);

function readTsv(name) {
  const path = join(dir, name);
  let buf;
  try {
    buf = readFileSync(path);
  } catch (e) {
    err(name, `cannot read (${e.code ?? e.message})`);
    return null;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    err(name, 'not valid UTF-8');
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) err(name, 'starts with a BOM');
  if (text.includes('\r')) err(name, 'contains CR characters (use LF line endings)');
  if (!text.endsWith('\n')) err(name, 'does not end with a newline');
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.map((line, i) => ({ line, no: i + 1 }));
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// letters (any script), digits, space, hyphen, apostrophe, slash, dot
const TERM_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N} '\-/.]*[\p{L}\p{N}])?$/u;
const ABBR_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}\-/. ]*[\p{L}\p{N}])?$/u;

function tokenCaseOk(token) {
  if (token === token.toLowerCase()) return true;
  const upper = (token.match(/\p{Lu}/gu) ?? []).length;
  const lower = (token.match(/\p{Ll}/gu) ?? []).length;
  // acronym tokens: "CE", "3D", "CO2", "mRNA", "LoRaWAN"
  return lower === 0 || upper >= 2;
}

// ---------------------------------------------------------------- glossary
const concepts = new Map(); // id -> { broader, it, en, abbr, no }
const termOwners = new Map(); // normalised term -> Set(id)
const abbrTerms = new Set(); // normalised terms that come from the abbr column
let nIt = 0;
let nEn = 0;
let nAbbr = 0;

const g = readTsv('glossary.tsv');
if (g) {
  const [head, ...rows] = g;
  if (head.line !== GLOSSARY_HEADER.join('\t')) {
    err('glossary.tsv:1', `header must be "${GLOSSARY_HEADER.join('\\t')}"`);
  }
  for (const { line, no } of rows) {
    const where = `glossary.tsv:${no}`;
    if (line.trim() === '') {
      err(where, 'empty line');
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== GLOSSARY_HEADER.length) {
      err(where, `expected ${GLOSSARY_HEADER.length} columns, found ${cols.length}`);
      continue;
    }
    const [id, broaderCol, itCol, enCol, abbrCol] = cols;
    if (!ID_RE.test(id)) err(where, `id "${id}" is not kebab-case`);
    if (concepts.has(id)) {
      err(where, `duplicate id "${id}" (first at line ${concepts.get(id).no})`);
      continue;
    }
    const split = (s) => (s === '' ? [] : s.split('|'));
    const broader = split(broaderCol);
    const it = split(itCol);
    const en = split(enCol);
    const abbr = split(abbrCol);
    if (it.length === 0) err(where, `${id}: no Italian term`);
    if (en.length === 0) err(where, `${id}: no English term`);
    if (broader.includes(id)) err(where, `${id}: broader to itself`);
    if (new Set(broader).size !== broader.length) err(where, `${id}: repeated broader id`);

    const seenInConcept = new Map(); // term -> column
    const checkTerm = (t, col) => {
      if (t === '') {
        err(where, `${id}: empty term in ${col} (stray "|")`);
        return;
      }
      if (t !== t.trim() || /\s{2,}/.test(t)) err(where, `${id}: extra whitespace in "${t}"`);
      const re = col === 'abbr' ? ABBR_RE : TERM_RE;
      if (!re.test(t)) err(where, `${id}: "${t}" has characters that are not allowed`);
      if (col !== 'abbr') {
        for (const tok of t.split(' ')) {
          if (!tokenCaseOk(tok)) err(where, `${id}: "${t}" must be lowercase (acronyms excepted)`);
        }
        if (!t.includes(' ') && FORBIDDEN_SINGLE_WORDS.has(t.toLowerCase())) {
          err(where, `${id}: "${t}" is a forbidden generic single word`);
        } else if (!t.includes(' ') && HOMOGRAPH_TRAPS.has(t.toLowerCase())) {
          err(where, `${id}: "${t}" is a known homograph trap; use a multi-word term`);
        }
      } else {
        if (t.length < 2) err(where, `${id}: abbreviation "${t}" is too short`);
        if (t === t.toLowerCase() && !/\d/.test(t)) warn(where, `${id}: abbreviation "${t}" is all lowercase`);
      }
      const norm = t.toLowerCase();
      const prev = seenInConcept.get(norm);
      if (prev !== undefined) {
        // An Italian loanword equal to the English term is fine ("packaging").
        if (prev === col || col === 'abbr' || prev === 'abbr') {
          err(where, `${id}: term "${t}" repeated within the concept (${prev}, ${col})`);
        }
        return;
      }
      seenInConcept.set(norm, col);
      if (col === 'abbr') abbrTerms.add(norm);
      if (!termOwners.has(norm)) termOwners.set(norm, new Set());
      termOwners.get(norm).add(id);
    };
    for (const t of it) checkTerm(t, 'it');
    for (const t of en) checkTerm(t, 'en');
    for (const t of abbr) checkTerm(t, 'abbr');
    nIt += it.length;
    nEn += en.length;
    nAbbr += abbr.length;
    concepts.set(id, { broader, it, en, abbr, no });
  }

  // broader ids exist
  for (const [id, c] of concepts) {
    for (const b of c.broader) {
      if (!concepts.has(b)) err(`glossary.tsv:${c.no}`, `${id}: broader "${b}" does not exist`);
    }
  }

  // cycles in broader (iterative DFS with colours)
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map([...concepts.keys()].map((k) => [k, WHITE]));
  const reported = new Set();
  for (const start of concepts.keys()) {
    if (colour.get(start) !== WHITE) continue;
    const stack = [[start, 0]];
    const path = [start];
    colour.set(start, GREY);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [node, i] = top;
      const next = (concepts.get(node)?.broader ?? []).filter((b) => concepts.has(b));
      if (i < next.length) {
        top[1]++;
        const b = next[i];
        if (colour.get(b) === GREY) {
          const cycle = [...path.slice(path.indexOf(b)), b].join(' -> ');
          if (!reported.has(cycle)) {
            reported.add(cycle);
            err('glossary.tsv', `cycle in broader: ${cycle}`);
          }
        } else if (colour.get(b) === WHITE) {
          colour.set(b, GREY);
          stack.push([b, 0]);
          path.push(b);
        }
      } else {
        colour.set(node, BLACK);
        stack.pop();
        path.pop();
      }
    }
  }

  // terms shared by different concepts
  for (const [term, owners] of termOwners) {
    if (owners.size > 1) {
      const msg = `term "${term}" appears under ${[...owners].join(', ')}`;
      if (ALLOWED_SHARED_TERMS.has(term)) warn('glossary.tsv', `${msg} (allowed: deliberately ambiguous)`);
      else err('glossary.tsv', msg);
    }
  }

  // Near-duplicates: the search stems, so "laboratorio accreditato" and
  // "laboratori accreditati" are the same term. A crude stem (accents folded,
  // final vowels / plural "s" dropped from each word) approximates that.
  const crude = (t) =>
    t
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[\s\-/]+/)
      .map((w) => (w.length > 4 ? w.replace(/(?:es|s)$/, '').replace(/[aeiou]+$/, '') : w))
      .join(' ');
  const crudeOwners = new Map();
  for (const [term, owners] of termOwners) {
    if (abbrTerms.has(term)) continue; // acronyms are matched as they are
    const k = crude(term);
    if (!crudeOwners.has(k)) crudeOwners.set(k, new Map());
    for (const o of owners) crudeOwners.get(k).set(o, term);
  }
  for (const owners of crudeOwners.values()) {
    if (owners.size > 1 && ![...owners.values()].every((t) => ALLOWED_SHARED_TERMS.has(t))) {
      const list = [...owners].map(([id, t]) => `"${t}" (${id})`).join(', ');
      if (new Set(owners.values()).size > 1) warn('glossary.tsv', `near-duplicate terms after stemming: ${list}`);
    }
  }
}

// ----------------------------------------------------------------- related
let nLinks = 0;
const kindCounts = {};
const r = readTsv('related.tsv');
if (r) {
  const [head, ...rows] = r;
  if (head.line !== RELATED_HEADER.join('\t')) {
    err('related.tsv:1', `header must be "${RELATED_HEADER.join('\\t')}"`);
  }
  const seen = new Map();
  for (const { line, no } of rows) {
    const where = `related.tsv:${no}`;
    if (line.trim() === '') {
      err(where, 'empty line');
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== RELATED_HEADER.length) {
      err(where, `expected ${RELATED_HEADER.length} columns, found ${cols.length}`);
      continue;
    }
    const [from, to, kind] = cols;
    if (!concepts.has(from)) err(where, `unknown id "${from}"`);
    if (!concepts.has(to)) err(where, `unknown id "${to}"`);
    if (!RELATION_KINDS.has(kind)) err(where, `unknown kind "${kind}"`);
    if (from === to) err(where, `self-link on "${from}"`);
    const key = `${from}\t${to}`;
    const reverse = `${to}\t${from}`;
    if (seen.has(key)) err(where, `duplicate link ${from} -> ${to} (first at line ${seen.get(key)})`);
    else if (kind === 'related' && seen.has(reverse)) warn(where, `link ${from} <-> ${to} given in both directions`);
    seen.set(key, no);
    const cf = concepts.get(from);
    const ct = concepts.get(to);
    if (cf?.broader.includes(to) || ct?.broader.includes(from)) {
      warn(where, `${from} -> ${to} duplicates a broader link`);
    }
    nLinks++;
    kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
  }
}

// ------------------------------------------------------------------ report
for (const w of warnings) console.log(`warning  ${w}`);
for (const e of errors) console.log(`error    ${e}`);
const roots = [...concepts.values()].filter((c) => c.broader.length === 0).length;
console.log('');
console.log(`concepts:       ${concepts.size} (${roots} without broader)`);
console.log(`it terms:       ${nIt}`);
console.log(`en terms:       ${nEn}`);
console.log(`abbreviations:  ${nAbbr}`);
console.log(`terms total:    ${nIt + nEn + nAbbr}`);
console.log(
  `links:          ${nLinks}` +
    (nLinks
      ? ` (${Object.entries(kindCounts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : ''),
);
console.log(`warnings:       ${warnings.length}`);
console.log(`errors:         ${errors.length}`);
process.exitCode = errors.length ? 1 : 0;
