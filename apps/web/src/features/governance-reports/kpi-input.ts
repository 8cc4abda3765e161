/**
 * A number typed for a KPI: digits with an optional decimal comma or point (Italian or English), an optional minus
 * and thousands separated by spaces, dots or commas where unambiguous. "N/A", "circa 10", "-" and every other text
 * give null, which the forms refuse with a message: no data is no value, never a word in a number's place.
 */
export function parseKpiNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!/^-?\d[\d.,]*$/.test(s)) return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^-?\d+([.,]\d+)?$/.test(s)) normal = s.replace(',', '.');
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) && Math.abs(n) <= 1e12 ? n : null;
}
