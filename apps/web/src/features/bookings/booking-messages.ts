import { addMessages } from '../../lib/i18n.tsx';
import { bookingsIt } from './booking-messages.it.ts';
import { bookingsEn } from './booking-messages.en.ts';

// The bookings pages' words load with them, not in the first download (a phone's budget): imported by every
// component of this feature that speaks.
addMessages({ it: bookingsIt, en: bookingsEn });
