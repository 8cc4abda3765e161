import { describe, expect, it } from 'vitest';
import { phraseAt, PhraseTable } from './phrases.rules.ts';
import { fold } from './text.rules.ts';

describe('PhraseTable', () => {
  it('files phrases under their first word, per language, longest first', () => {
    const t = new PhraseTable();
    t.add('it', ['prov'], 'c1');
    t.add('it', ['prov', 'fatic', 'material'], 'c2');
    t.add('it', ['prov', 'traz'], 'c3');
    t.add('en', ['prov'], 'c4');
    expect(t.startingWith('it', 'prov')?.map((p) => p.words.join(' '))).toEqual([
      'prov fatic material',
      'prov traz',
      'prov',
    ]);
    expect(t.startingWith('en', 'prov')?.map((p) => p.concepts)).toEqual([['c4']]);
    expect(t.startingWith('it', 'fatic')).toBeUndefined();
    expect(t.startingWith('en', 'traz')).toBeUndefined();
  });

  it('keeps one entry per phrase, with each concept once, in the order they were added', () => {
    const t = new PhraseTable();
    t.add('en', ['weld', 'seam'], 'b');
    t.add('en', ['weld', 'seam'], 'a');
    t.add('en', ['weld', 'seam'], 'b');
    t.add('en', [], 'ignored');
    expect(t.startingWith('en', 'weld')).toEqual([{ words: ['weld', 'seam'], concepts: ['b', 'a'] }]);
  });
});

describe('phraseAt', () => {
  const words = ['la', 'prov', 'fatic', 'material'];
  const same = (w: string) => w;
  it('matches a phrase word by word from a position, never past the end', () => {
    expect(phraseAt({ words: ['prov', 'fatic'], concepts: [] }, words, 1, same)).toBe(true);
    expect(phraseAt({ words: ['prov', 'traz'], concepts: [] }, words, 1, same)).toBe(false);
    expect(phraseAt({ words: ['material', 'compos'], concepts: [] }, words, 3, same)).toBe(false);
    expect(phraseAt({ words: ['material'], concepts: [] }, words, 3, same)).toBe(true);
  });
});

describe('fold', () => {
  it('lower-cases plain ASCII and strips diacritics from the rest, as before its shortcut', () => {
    const slow = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    for (const s of [
      'a\tb\u0000',
      'ICP-MS',
      'Qualità',
      'perché',
      'Forlì',
      'abc123',
      'e\u0301',
      '',
      'Ǆ',
      'İstanbul',
      'ß',
    ])
      expect(fold(s)).toBe(slow(s));
  });
});
