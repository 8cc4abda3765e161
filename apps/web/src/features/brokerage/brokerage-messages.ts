import { addMessages } from '../../lib/i18n.tsx';
import { brokerageIt } from './brokerage-messages.it.ts';
import { brokerageEn } from './brokerage-messages.en.ts';

// The brokerage pages' words load with them, not in the first download.
addMessages({ it: brokerageIt, en: brokerageEn });
