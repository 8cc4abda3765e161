// Plain values and checks shared by the server and the browser, without TypeBox: the web app imports them from
// `@clock/contracts/values` so its first download does not carry the schema library.

export const COMPANY_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** `IT 01234567890`, `01234 567 890` → `01234567890`: what people paste, reduced to the digits that count. */
export function normalizeVatNumber(input: string): string {
  return input.replace(/[\s.-]/g, '').replace(/^IT/i, '');
}

/**
 * Checks an Italian VAT number (partita IVA): 11 digits; digits 8–10 name the tax office (001–100, 120, 121, 888,
 * 999); the last is a Luhn check digit (odd positions summed, even positions doubled with 9 taken off above 9).
 * Answers what is wrong, or null. Shared by the server and the browser so both say the same.
 */
export function vatNumberProblem(input: string): 'format' | 'office' | 'check' | null {
  const v = normalizeVatNumber(input);
  if (!/^[0-9]{11}$/.test(v)) return 'format';
  const office = Number(v.slice(7, 10));
  if (!((office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999))
    return 'office';
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(v[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(v[10]) ? null : 'check';
}
