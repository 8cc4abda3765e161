import { addMessages } from '../../lib/i18n.tsx';
import { eventsIt } from './event-messages.it.ts';
import { eventsEn } from './event-messages.en.ts';

// The events pages' words load with them, not in the first download: imported by every component of this feature
// that speaks.
addMessages({ it: eventsIt, en: eventsEn });
