import { addMessages } from '../../lib/i18n.tsx';
import { governanceIt } from './governance-messages.it.ts';
import { governanceEn } from './governance-messages.en.ts';

// The governance pages' words load with them, not in the first download: imported by every component that speaks.
addMessages({ it: governanceIt, en: governanceEn });
