import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymityProblems, leaksIn, nameCore } from './anonymity.rules.ts';

const who = { name: 'Cartiera Valdinievole S.r.l.', website: 'https://www.cartieravaldinievole.it/chi-siamo' };
const leaks = (t: string) => leaksIn(t, who);

describe('the anonymity rule', () => {
  it.each([
    ['scriveteci a info@esempio.it', 'email'],
    ['contact: sales (at) example.com', 'email'],
    ['Mario.Rossi@Example.COM for details', 'email'],
    ['see https://example.org/p?x=1', 'url'],
    ['visit www.example.com', 'url'],
    ['our site esempio-carta.it has the data sheet', 'url'],
    ['P.IVA 01234567897', 'vat'],
    ['VAT IT01234567897', 'vat'],
    ['partita iva: 012 345 678 97', 'vat'],
    ['codice 01234560041 in camera di commercio', 'vat'],
    ['chiamate lo 0583 123456', 'phone'],
    ['tel. 055/1234567', 'phone'],
    ['mobile +39 333 1234567', 'phone'],
    ['call 0039 0583 44 55 66', 'phone'],
    ['cell 347-123-4567', 'phone'],
    ['Cartiera Valdinievole cerca un partner', 'name'],
    ['la CARTIERA VALDINIÉVOLE produce tissue', 'name'],
    ['cartiera-valdinievole, leader nel tissue', 'name'],
    ['see cartieravaldinievole.it', 'name'],
    ['il marchio Cartieravaldinievole è noto', 'name'],
  ])('finds %j (%s)', (text, kind) => {
    expect(leaks(text)).toContain(kind);
  });

  it.each([
    'Certificazione ISO 9001 e ISO 14001, attivi dal 1998',
    'Prove su 200.000 cicli di fatica, tra il 2019 e il 2024',
    'Tested over 200,000 cycles; 12,500,000 sheets a year',
    'Fatturato 30 000 000 euro, 250 dipendenti',
    'Produzione di 1.000.000 pezzi/anno con tolleranza 0,05 mm',
    'Rulli da 2.800 mm, velocità 1.500 m/min, grammatura 15-40 g/m2',
    'Norma EN 13432 e UNI EN ISO 13485:2016',
    'Periodo 2025-2027, TRL 4-6, budget 350.000 €',
    'A tissue mill in Lucca seeks a partner for drying with heat pumps, e.g. hybrid hoods.',
    'Cartiera toscana cerca fornitori di cellulosa riciclata (S.p.A. o S.r.l.)',
    'Yacht da 45 m, refit di scafi in alluminio, classe RINA',
    'Data 01/02/2025, lotto 3/2024, DM 37/2008',
    'Coordinate 43.8430, 10.5027',
    'Sede in Valdinievole? No: the text may name the area without the full name',
  ])('lets %j pass', (text) => {
    expect(leaks(text)).toEqual([]);
  });

  it('names each field and language with a problem, one per kind of detail', () => {
    const problems = anonymityProblems(
      {
        title: { it: 'Sistema di asciugatura', en: 'Drying system — info@example.it' },
        description: { it: 'Chiamare 0583 123456 o visitare www.example.it' },
        technology: null,
        partnerSought: { en: 'Cartiera Valdinievole seeks partners' },
      },
      who,
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      '/body/title/en',
      '/body/description/it',
      '/body/description/it',
      '/body/partnerSought/en',
    ]);
    expect(problems[0]!.message).toMatch(/e-mail/);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/phone/);
  });

  it('ignores legal forms when looking for the name', () => {
    expect(nameCore('Marmi Apuani S.p.A.')).toBe('marmi apuani');
    expect(nameCore('Nautica Srl')).toBe('nautica');
    expect(leaksIn('Cerchiamo marmi apuani di qualità', { name: 'Marmi Apuani S.p.A.' })).toEqual(['name']);
  });

  it('never throws and never finds a leak in text without letters @ or long digit runs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        leaksIn(s, who);
      }),
      { seed: 15, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9999 }), { maxLength: 10 }), (ns) => {
        expect(leaksIn(ns.join(' mm, '), who)).toEqual([]);
      }),
      { seed: 15 },
    );
  });
});
