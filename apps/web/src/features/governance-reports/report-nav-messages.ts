import { addMessages } from '../../lib/i18n.tsx';

/** The few words of this feature the always-loaded parts need (the account menu's link, a notification's sentence). */
export const reportsNavIt = {
  'nav.reports': 'Verifiche periodiche',
  'notification.report-signature-awaited': 'La verifica periodica {ref} attende la tua firma.',
} as const;
export const reportsNavEn: { readonly [K in keyof typeof reportsNavIt]: string } = {
  'nav.reports': 'Periodic verifications',
  'notification.report-signature-awaited': 'Periodic verification {ref} awaits your signature.',
};
addMessages({ it: reportsNavIt, en: reportsNavEn });
