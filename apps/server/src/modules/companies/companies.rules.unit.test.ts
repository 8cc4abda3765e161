import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeVatNumber, vatNumberProblem } from '@clock/contracts';

/** A valid number from its first ten digits: the check digit computed the long way round. */
function withCheckDigit(ten: string) {
  for (let d = 0; d <= 9; d++) if (vatNumberProblem(ten + d) === null) return ten + d;
  throw new Error(`no check digit for ${ten}`);
}

describe('partita IVA', () => {
  it('accepts numbers whose check digit matches', () => {
    // Worked by hand: odd positions 0+0+0+1+0 = 1, even positions doubled 0+0+0+0+2 = 2, (10 - 3) mod 10 = 7.
    expect(vatNumberProblem('00000010017')).toBeNull();
    expect(vatNumberProblem('IT 00000010017')).toBeNull();
    expect(vatNumberProblem('00000 010 017')).toBeNull();
  });

  it('names what is wrong: length and characters, tax office, check digit', () => {
    expect(vatNumberProblem('1234567890')).toBe('format');
    expect(vatNumberProblem('123456789012')).toBe('format');
    expect(vatNumberProblem('1234567890A')).toBe('format');
    expect(vatNumberProblem('00000012000')).toBe('office');
    expect(vatNumberProblem('00000010010')).toBe('check');
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{7}$/),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (base, office, pos, delta) => {
          const valid = withCheckDigit(base + String(office).padStart(3, '0'));
          const wrong = valid.slice(0, pos) + String((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
          expect(vatNumberProblem(valid)).toBeNull();
          expect(vatNumberProblem(wrong)).not.toBeNull();
        },
      ),
      { seed: 20261204 },
    );
  });

  it('keeps only the digits people mean', () => {
    expect(normalizeVatNumber(' it01234.567-890 ')).toBe('01234567890');
  });
});
