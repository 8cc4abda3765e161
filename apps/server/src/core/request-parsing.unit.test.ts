import { describe, expect, it } from 'vitest';
import { acceptsJson, malformedQueryProblems, parseQuery } from './request-parsing.ts';

describe('parseQuery', () => {
  it('reads a query string like the usual parser: arrays for repeated keys, + as a space, bare keys empty', () => {
    const q = parseQuery('q=prove+di%20fatica&type=service&type=equipment&flag&=x&&lang=it');
    expect({ ...q }).toEqual({ q: 'prove di fatica', type: ['service', 'equipment'], flag: '', '': 'x', lang: 'it' });
    expect(Object.getPrototypeOf(q)).toBeNull();
    expect(malformedQueryProblems(q)).toEqual([]);
    expect({ ...parseQuery('') }).toEqual({});
    expect({ ...parseQuery('a=%C3%A0%E2%82%AC') }).toEqual({ a: 'à€' });
  });

  it('leaves out and names every parameter whose percent-encoding is malformed', () => {
    const q = parseQuery('ok=1&q=%E0%A4%A&q=%zz&bad%=2&utf=%C3%28&a~b/c=%');
    expect({ ...q }).toEqual({ ok: '1' });
    expect(malformedQueryProblems(q).map((p) => p.pointer)).toEqual([
      '/querystring/q',
      '/querystring/bad%',
      '/querystring/utf',
      '/querystring/a~0b~1c',
    ]);
  });

  it('costs linear time on a long hostile query', () => {
    const q = parseQuery(`${'%'.repeat(8000)}=${'%zz'.repeat(2000)}&x=${'a'.repeat(8000)}`);
    expect(q.x).toHaveLength(8000);
    expect(malformedQueryProblems(q)).toHaveLength(1);
  });
});

describe('acceptsJson', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['application/json', true],
    ['application/problem+json', true],
    ['*/*', true],
    ['application/*;q=0.5', true],
    ['text/html, */*;q=0.1', true],
    ['Application/JSON; charset=utf-8', true],
    ['text/csv', false],
    ['text/html', false],
    ['application/json;q=0', false],
    ['application/xml, text/plain', false],
  ])('%j → %s', (accept, expected) => {
    expect(acceptsJson(accept)).toBe(expected);
  });
});
