import { addMessages } from '../../lib/i18n.tsx';
import { searchIt } from './search-messages.it.ts';
import { searchEn } from './search-messages.en.ts';

// The words of a server still preparing its search index: the search page's notice and the problem shown for a
// feature that waits for the index (matching answers 503 meanwhile).
addMessages({ it: searchIt, en: searchEn });
