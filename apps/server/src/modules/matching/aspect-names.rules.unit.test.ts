import { describe, expect, it } from 'vitest';
import { Translator } from '../search/concepts.ts';
import { isStopWordAny, tokenize, type Lang } from '../search/text.rules.ts';
import { clauseName, nounPhrases, tagWord } from './aspect-names.rules.ts';

const translator = Translator.load();
const contentOf = (text: string) =>
  new Set(
    tokenize(text)
      .filter((t) => !isStopWordAny(t.folded))
      .map((t) => t.surface),
  );
const name = (text: string, lang: Lang, spanned: string[] = [], taken: string[] = []) =>
  clauseName(text, { start: 0, end: text.length }, lang, translator, contentOf(text), new Set(spanned), new Set(taken));
const phrases = (text: string, lang: Lang) =>
  nounPhrases(text, 0, text.length, lang, translator, contentOf(text)).map((p) => text.slice(p.start, p.end));

describe('parts of speech of a word', () => {
  it('tells Italian verb forms by their endings, and nouns and participles by WordNet', () => {
    for (const w of ['cerchiamo', 'vorremmo', 'rompono', 'ripulirlo', 'usando', 'produrre'])
      expect(tagWord(w, 'it', translator, false), w).toBe('X');
    // A third person of a verb is one unless an article, a link or a determiner comes before it.
    expect(phrases("l'armatore parla di danni", 'it')).toEqual(['armatore', 'danni']);
    expect(phrases('un test sulla prima sonda verticale', 'it')).toContain('sonda verticale');
    for (const w of ['cantiere', 'bulloni', 'cricche', 'problemi'])
      expect(tagWord(w, 'it', translator, false), w).toBe('N');
    expect(tagWord('consegnate', 'it', translator, false)).toBe('P');
    expect(tagWord('perso', 'it', translator, false)).toBe('P');
    // "misuri" is no plural of "misura" (a plural in -i is of a noun in -a only for -ma, -ista, -eta).
    expect(tagWord('misuri', 'it', translator, false)).not.toBe('N');
  });
  it('takes an acronym written in capitals for a noun, and numbers and quantifiers for no part of a name', () => {
    expect(tagWord('gmp', 'en', translator, true)).toBe('N');
    for (const w of ['200', 'qualche', 'three', 'every']) expect(tagWord(w, 'en', translator, false), w).toBe('X');
  });
});

describe('noun phrases', () => {
  it('joins noun groups by links and an article, in Italian and in English', () => {
    expect(phrases('Dobbiamo fare prove di fatica sui giunti saldati', 'it')).toContain(
      'prove di fatica sui giunti saldati',
    );
    expect(phrases('we need to test the burst strength of the board', 'en')).toContain('burst strength of the board');
  });
  it('reads the words before a clause for context: a word after a subject or "to" is a verb', () => {
    expect(phrases('We run a tissue mill near Lucca', 'en')).toEqual(['tissue mill', 'Lucca']);
    expect(phrases('Management set three goals for next year', 'en')).not.toContain('Management set');
    expect(phrases('Two: stop drawing so much fresh water from our wells', 'en')).toContain('fresh water');
    // A plural noun heads its phrase: the word after it is its verb.
    expect(phrases('the neighbours complain about the noise', 'en')).toEqual(['neighbours', 'noise']);
    expect(phrases('little fuzz balls form after a few washes', 'en')).toContain('little fuzz balls');
    expect(phrases('the glaze developed a network of fine cracks a few weeks later', 'en')).toContain(
      'network of fine cracks',
    );
  });
  it('never ends an English phrase on a modifier, nor runs a phrase across punctuation', () => {
    for (const p of phrases('the battery pack designed, tested and shipped', 'en')) expect(p).not.toMatch(/designed$/);
    expect(phrases('pezzi da competizione (piastre forcella, forcellini)', 'it')).toContain('piastre forcella');
  });
});

describe('clause names', () => {
  it('name a clause by its most specific noun phrase, never a cut fragment', () => {
    const text = 'Dopo 200.000 cicli compaiono cricche vicino ai fori dei bulloni della staffa saldata';
    expect(text).toContain(name(text, 'it'));
    expect(name(text, 'it')).toMatch(/bulloni/);
    expect(name('find a cheaper way to deal with the wet sludge', 'en')).toBe('wet sludge');
    expect(name('Ci servono migliaia di tonnellate di bucce di pomodoro', 'it')).toBe('bucce di pomodoro');
  });
  it('give no name to a clause of verbs, adverbs and generic words', () => {
    expect(name('ha perso tutta la brillantezza', 'it', ['brillantezza'])).toBeNull();
    expect(name('the problem comes back every few months', 'en')).toBeNull();
    expect(name('Second issue', 'en')).toBeNull();
    expect(name('qualche mese fa', 'it')).toBeNull();
  });
  it("need a noun of the clause's own, and a name no other aspect has", () => {
    expect(name('gelcoat della murata', 'it', ['gelcoat', 'murata'])).toBeNull();
    expect(name('lo studio di fattibilità', 'it', [], ['studio di fattibilita'])).toBeNull();
  });
});
