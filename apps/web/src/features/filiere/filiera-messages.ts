import { addMessages } from '../../lib/i18n.tsx';
import { filieraIt } from './filiera-messages.it.ts';
import { filieraEn } from './filiera-messages.en.ts';

// The filiera map's words load with it, not in the first download.
addMessages({ it: filieraIt, en: filieraEn });
