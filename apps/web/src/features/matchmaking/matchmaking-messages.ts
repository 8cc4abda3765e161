import { addMessages } from '../../lib/i18n.tsx';
import { matchmakingIt } from './matchmaking-messages.it.ts';
import { matchmakingEn } from './matchmaking-messages.en.ts';

// The matchmaking pages' words load with them, not in the first download: imported by every component that speaks.
addMessages({ it: matchmakingIt, en: matchmakingEn });
