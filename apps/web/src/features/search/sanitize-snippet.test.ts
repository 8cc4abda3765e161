import { describe, expect, it } from 'vitest';
import { sanitizeSnippet } from './sanitize-snippet.ts';

describe('sanitizeSnippet', () => {
  it('keeps the escaped text and its <mark> highlights as they are', () => {
    expect(sanitizeSnippet('Prove di <mark>fatica</mark> su giunti &amp; saldature')).toBe(
      'Prove di <mark>fatica</mark> su giunti &amp; saldature',
    );
    expect(sanitizeSnippet('caf&eacute; &#233; &#xE9;')).toBe('caf&eacute; &#233; &#xE9;');
  });

  it('escapes any other markup, quote and bare ampersand', () => {
    expect(sanitizeSnippet('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(sanitizeSnippet('<mark onclick="x">a</mark>')).toBe('&lt;mark onclick=&quot;x&quot;&gt;a');
    expect(sanitizeSnippet('R&D & co')).toBe('R&amp;D &amp; co');
    expect(sanitizeSnippet('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('balances the highlights: no nesting, no stray closing tag, an open one is closed', () => {
    expect(sanitizeSnippet('<MARK>a<mark>b</mark></mark>c')).toBe('<mark>ab</mark>c');
    expect(sanitizeSnippet('a</mark>b')).toBe('ab');
    expect(sanitizeSnippet('<mark>open')).toBe('<mark>open</mark>');
  });
});
