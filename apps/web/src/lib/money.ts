/** Euros as typed (`12`, `12,5`, `1.234,50`, `12.50`) → cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  let v = text.trim().replace(/\s|€/g, '');
  if (!v) return null;
  if (/,\d{1,2}$/.test(v)) v = v.replace(/\./g, '').replace(',', '.');
  else v = v.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  return Math.round(Number(v) * 100);
}
