export * from './catalogue.ts';
export * from './identity.ts';
export * from './requests.ts';
export * from './companies.ts';
export * from './bookings.ts';
export * from './governance.ts';
