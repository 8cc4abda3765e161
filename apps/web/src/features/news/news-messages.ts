import { addMessages } from '../../lib/i18n.tsx';
import { newsIt } from './news-messages.it.ts';
import { newsEn } from './news-messages.en.ts';

// The news pages' words load with them, not in the first download: imported by every component of this feature that
// speaks.
addMessages({ it: newsIt, en: newsEn });
