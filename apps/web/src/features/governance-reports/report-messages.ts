import { addMessages } from '../../lib/i18n.tsx';
import { reportsIt } from './report-messages.it.ts';
import { reportsEn } from './report-messages.en.ts';

// The verification and objectives pages' words load with them, not in the first download: imported by every
// component of this feature that speaks (and by the notifications, for the one sentence they need).
addMessages({ it: reportsIt, en: reportsEn });
