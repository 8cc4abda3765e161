/**
 * Checks the third (Piemonte) evaluation set and prints its figures (bench/matching/check-set.ts).
 * Run: npx tsx bench/matching/third/check.ts   (exit code 1 when anything is wrong)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSet } from '../check-set.ts';

checkSet(path.dirname(fileURLToPath(import.meta.url)));
