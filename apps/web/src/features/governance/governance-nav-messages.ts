import { addMessages } from '../../lib/i18n.tsx';
import { governanceNavIt } from './governance-nav-messages.it.ts';
import { governanceNavEn } from './governance-nav-messages.en.ts';

addMessages({ it: governanceNavIt, en: governanceNavEn });
