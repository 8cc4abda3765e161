import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { SearchService } from '../search/search.service.ts';
import type { MatchInput, MatchResult } from './matching.engine.ts';

export type { MatchInput, MatchResult } from './matching.engine.ts';

/**
 * Matches a company's problem to the network: aspects, ranked records and organisations, and teams of at most four
 * organisations covering the aspects, each result explaining which words and concepts matched where. The work runs
 * in the analysis thread (`matching.engine.ts`), so the event loop keeps answering other requests meanwhile.
 */
export async function matchProblem(search: SearchService, actor: Actor, input: MatchInput): Promise<MatchResult> {
  const text = input.text.trim();
  if (!text)
    throw new AppError('VALIDATION_FAILED', 'Describe the problem', [
      { pointer: '/body/text', message: 'must not be empty' },
    ]);
  return search.match(input, canSeeNetworkContent(actor));
}
