export * from './common.ts';
export * from './catalogue.ts';
export * from './search.ts';
export * from './requests.ts';
export * from './admin.ts';
export * from './demo.ts';
export * from './companies.ts';
export * from './bookings.ts';
