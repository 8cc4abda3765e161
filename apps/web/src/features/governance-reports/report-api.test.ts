import { describe, expect, it } from 'vitest';
import { halfYears, holdsSlot } from './report-api.ts';

describe('the half-year presets', () => {
  it('run back from the current half-year, across years', () => {
    expect(halfYears('2026-12-05', 3)).toEqual([
      { from: '2026-07-01', to: '2026-12-31', year: 2026, half: 2 },
      { from: '2026-01-01', to: '2026-06-30', year: 2026, half: 1 },
      { from: '2025-07-01', to: '2025-12-31', year: 2025, half: 2 },
    ]);
    expect(halfYears('2026-06-30', 2).map((h) => h.from)).toEqual(['2026-01-01', '2025-07-01']);
  });
});

describe('who holds a signature slot', () => {
  const nucleus = { platformRole: null, memberships: [{ organization: 'asev', role: 'nucleus' as const }] };
  const region = { platformRole: 'region' as const, memberships: [] };
  it("is the centre's nucleus member, or a Region officer for the Region's", () => {
    expect(holdsSlot(nucleus, { organization: 'asev', role: 'centre' })).toBe(true);
    expect(holdsSlot(nucleus, { organization: 'tls', role: 'centre' })).toBe(false);
    expect(holdsSlot(nucleus, { organization: 'regione-toscana', role: 'region' })).toBe(false);
    expect(holdsSlot(region, { organization: 'regione-toscana', role: 'region' })).toBe(true);
    expect(holdsSlot(region, { organization: 'asev', role: 'centre' })).toBe(false);
  });
});
