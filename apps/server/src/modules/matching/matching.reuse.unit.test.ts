import { describe, expect, it } from 'vitest';
import { Glossary } from '../search/concepts.ts';
import { SearchIndex, type DocInput, type ParsedQuery } from '../search/search.index.ts';

// The matching engine gives an aspect whose query has the whole problem's units and shared alternatives the whole
// problem's ranking instead of ranking it again: that holds while a ranking reads nothing else of a query.
describe('a ranking reads only the units and shared alternatives of a query', () => {
  it('ranks two queries with the same units and shared alternatives alike, whatever else they carry', () => {
    const glossary = new Glossary();
    glossary.add({ id: 'welding', it: ['saldatura'], en: ['welding'], abbr: [], broader: [], related: [] });
    const index = new SearchIndex(glossary, null);
    const words = ['saldatura', 'laser', 'acciaio', 'prova', 'fatica', 'alluminio', 'controllo', 'qualità'];
    for (let i = 0; i < 60; i++) {
      const text = words.filter((_, j) => (i * 7 + j * 3) % 5 < 2 + (i % 3)).join(' ');
      const doc: DocInput = {
        type: i % 4 ? 'service' : 'equipment',
        id: `d${i}`,
        organization: `org-${i % 6}`,
        visibility: i % 5 ? 'public' : 'network',
        title: { it: text },
        summary: { it: text },
        fields: [{ text, lang: 'it', weight: 1 }],
        sectors: [],
        filiere: [],
        s3: [],
      };
      index.upsert(doc);
    }
    const parsed = index.parse('saldatura laser di acciaio con prova a fatica', 'it');
    const shared = index.parse('controllo qualità alluminio', 'it').units.flatMap((u) => u.alts);
    const one: ParsedQuery = { ...parsed, units: parsed.units.slice(0, 3), shared };
    const other: ParsedQuery = {
      ...one,
      concepts: ['welding', 'other'],
      lang: 'en',
      corrections: [{ from: 'x', to: 'y' }],
      truncated: true,
    };
    const rank = (q: ParsedQuery, audience: 'public' | 'network') =>
      index
        .search(q, {}, audience, 0, 20, { rankOnly: true, exceptType: 'organization', coordination: 0 })
        .hits.map((h) => [h.doc.id, h.score]);
    for (const audience of ['public', 'network'] as const) {
      expect(rank(one, audience).length).toBeGreaterThan(5);
      expect(rank(other, audience)).toEqual(rank(one, audience));
    }
  });
});
