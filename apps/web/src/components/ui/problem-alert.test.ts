import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { searchEn } from '../../features/search/search-messages.en.ts';
import { searchIt } from '../../features/search/search-messages.it.ts';
import { problemMessageKey } from './problem-alert.tsx';

describe('problemMessageKey', () => {
  it('tells a feature waiting for the search index (503, Retry-After) apart from a server failure', () => {
    const starting = new ApiError(
      'problem',
      503,
      { type: 'about:blank', title: 'Service unavailable', status: 503, code: 'UNAVAILABLE' },
      10,
    );
    expect(problemMessageKey(starting)).toBe('error.unavailable');
    expect(searchIt['error.unavailable']).toMatch(/riprova/i);
    expect(searchEn['error.unavailable']).toMatch(/try again/i);
    const broken = new ApiError('problem', 500, {
      type: 'about:blank',
      title: 'Internal',
      status: 500,
      code: 'INTERNAL',
    });
    expect(problemMessageKey(broken)).toBe('error.server');
  });
});
