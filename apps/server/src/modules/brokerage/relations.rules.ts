/**
 * The steps of a supply chain (filiera), as NACE (ATECO 2007) classes, for the chains the network's centres serve
 * most: written from the chains as the centres describe them (paper and tissue around Lucca, yachting on the coast
 * from Viareggio to La Spezia, marble in the Apuan Alps), not from an official table — none exists for a filiera.
 * A step has a local supplier when a company of the platform declares one of its classes (or a finer code). Filiere
 * without a list here get no gap analysis.
 */
export const CHAIN_STEPS: Record<string, string[]> = {
  carta: [
    'C17.11', // pulp
    'E38.32', // recovered paper: collection and sorting
    'C17.12', // paper and board making
    'C17.22', // tissue and household paper converting
    'C17.21', // corrugated board and packaging
    'C28.95', // machinery for paper and board
    'C20.59', // process chemicals
    'C28.29', // general machinery (drying, handling)
    'H49.41', // road haulage
  ],
  nautica: [
    'C30.12', // pleasure boat building
    'C30.11', // ships and floating structures (large yachts)
    'C22.29', // plastics and composite parts
    'C25.11', // metal structures
    'C28.11', // engines
    'C27.90', // electrical equipment
    'C13.92', // made-up textiles (sails, covers, upholstery)
    'C31.09', // interiors and furniture
    'C33.15', // repair, maintenance and refit
    'M71.12', // naval engineering and design
  ],
  lapideo: [
    'B08.11', // quarrying of ornamental stone
    'C23.70', // cutting, shaping and finishing of stone
    'C28.92', // quarrying machinery
    'E38.32', // recovery of marble sludge and offcuts
    'H49.41', // road haulage
  ],
};

/** Whether a company's sector code supplies a step (the same class, or a finer code of it). */
export const supplies = (sector: string, step: string) => sector.startsWith(step);

export function chainSteps(
  filiera: string,
  companies: { sectors: string[] }[],
): { code: string; companies: number; gap: boolean }[] {
  return (CHAIN_STEPS[filiera] ?? []).map((code) => {
    const n = companies.filter((c) => c.sectors.some((s) => supplies(s, code))).length;
    return { code, companies: n, gap: n === 0 };
  });
}
