import { addMessages } from '../../lib/i18n.tsx';
import { actionsIt } from './action-messages.it.ts';
import { actionsEn } from './action-messages.en.ts';

// The joint actions' and meetings' words load with their pages: imported by every component of this feature that
// speaks (the header's two links are in the main messages).
addMessages({ it: actionsIt, en: actionsEn });
