import { describe, expect, it } from 'vitest';
import { degradedPrefixes } from './degraded.rules.ts';

describe('degradedPrefixes', () => {
  it('cuts each content word to its shortest stem in either language, keeping the letters as typed', () => {
    expect(degradedPrefixes('Riciclare della vetroresina')).toEqual(['ricicl', 'vetroresin']);
    expect(degradedPrefixes('recycling of boats')).toEqual(['recycl', 'boat']);
    expect(degradedPrefixes('prove di biocompatibilità')).toEqual(['prov', 'biocompatibil']);
  });

  it('never cuts below four letters, keeps compounds and words with digits whole, drops stop words', () => {
    expect(degradedPrefixes('DSC su PCB')).toEqual(['dsc', 'pcb']);
    expect(degradedPrefixes('analisi ICP-MS secondo UNI 14040.2')).toEqual([
      'analis',
      'icp-ms',
      'second',
      'uni',
      '14040.2',
    ]);
    expect(degradedPrefixes('il la di a x')).toEqual([]);
  });

  it('keeps a word once and at most eight words', () => {
    expect(degradedPrefixes('cast iron castings')).toEqual(['cast', 'iron']);
    const many = 'alfa beta gamma delta epsilon zeta theta iota kappa lambda';
    expect(degradedPrefixes(many)).toHaveLength(8);
  });
});
