import { describe, expect, it } from 'vitest';
import { parseKpiNumber } from './kpi-input.ts';

describe('a number typed for a KPI', () => {
  it('reads Italian and English decimals and thousands', () => {
    expect(parseKpiNumber('12')).toBe(12);
    expect(parseKpiNumber(' 12,5 ')).toBe(12.5);
    expect(parseKpiNumber('12.5')).toBe(12.5);
    expect(parseKpiNumber('1.234,5')).toBe(1234.5);
    expect(parseKpiNumber('1,234.5')).toBe(1234.5);
    expect(parseKpiNumber('12 000')).toBe(12000);
    expect(parseKpiNumber('-3')).toBe(-3);
  });
  it('refuses "N/A", words and empty input', () => {
    for (const s of ['N/A', 'n.d.', 'circa 10', '-', '', '10%', '1e5', '1,2,3.4.5'])
      expect(parseKpiNumber(s)).toBeNull();
  });
});
