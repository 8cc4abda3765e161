/** Values of the news desk and the newsletter that the browser needs (plain data, no schemas). */

export const NEWS_STATES = ['draft', 'published', 'withdrawn'] as const;
export type NewsState = (typeof NEWS_STATES)[number];

export const SUBSCRIPTION_STATES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** The one-click unsubscribe body a mail client POSTs (RFC 8058). */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';
