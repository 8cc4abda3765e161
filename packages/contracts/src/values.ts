/** What the browser may import as values: plain data and checks, no TypeBox schemas (types come from the index). */
export * from './booking-values.ts';
export * from './brokerage-values.ts';
export * from './lang.ts';
export * from './provinces.ts';
export * from './request-actions.ts';
export * from './vat.ts';
export * from './news-values.ts';
export * from './event-values.ts';
export * from './action-values.ts';
