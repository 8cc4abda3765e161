// Plain values of the events contract (no TypeBox), so the browser can import them from `@clock/contracts/values`.

export const EVENT_KINDS = ['seminar', 'workshop', 'open-lab', 'course', 'webinar', 'matchmaking'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** in-person: a place; online: a link; mixed: both. */
export const EVENT_MODES = ['in-person', 'online', 'mixed'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export const EVENT_STATES = ['draft', 'published', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** public: everyone; network: signed-in members of an organisation of the network, the Region, administrators. */
export const EVENT_VISIBILITIES = ['public', 'network'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export const EVENT_ORGANIZER_ROLES = ['lead', 'co-organizer'] as const;
export type EventOrganizerRole = (typeof EVENT_ORGANIZER_ROLES)[number];

export const REGISTRATION_STATES = ['pending-confirmation', 'confirmed', 'waiting', 'cancelled', 'attended'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** What the caller may do on an event now (drives the buttons; the server checks again). */
export const EVENT_ACTIONS = ['edit', 'publish', 'cancel', 'register', 'manage-registrations'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const QUESTION_KINDS = ['text', 'choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Human reference of an event: E-0042. */
export const eventRef = (n: number) => `E-${String(n).padStart(4, '0')}`;
