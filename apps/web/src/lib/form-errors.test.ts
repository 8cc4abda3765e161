import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { fieldOfPointer, formErrorsFromProblem, localErrors, translateFieldMessage } from './form-errors.ts';
import type { MessageKey } from './messages.it.ts';
import { en } from './messages.en.ts';

const t = (key: MessageKey, vars?: Record<string, string | number>) =>
  (en as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));

const problem = (errors: { pointer: string; message: string }[]) =>
  new ApiError('problem', 400, {
    type: 'urn:clock:problem:validation-failed',
    title: 'The request has invalid fields',
    status: 400,
    code: 'VALIDATION_FAILED',
    errors,
  } as never);

describe('fieldOfPointer', () => {
  const fields = ['title', 'title.it', 'keywords', 'currentPassword'];
  it.each([
    ['/body/title/it', 'title.it'],
    ['/body/title/en', 'title'],
    ['/body/keywords/2', 'keywords'],
    ['/currentPassword', 'currentPassword'],
    ['/body/unknown', null],
    ['/querystring/q', null],
  ])('%s → %s', (pointer, field) => {
    expect(fieldOfPointer(pointer, fields)).toBe(field);
  });
});

describe('translateFieldMessage', () => {
  it.each([
    ["must have required property 'title'", en['form.error.required']],
    ['must NOT have more than 200 characters', t('form.error.too_long', { max: '200' })],
    ['must have at least 3 characters', t('form.error.too_short', { min: '3' })],
    ['must be one of it, en', t('form.error.one_of', { values: 'it, en' })],
    ['is not an allowed value', 'is not an allowed value'],
    ['must be >= 1', t('form.error.min', { min: '1' })],
    ['must be <= -2', t('form.error.max', { max: '-2' })],
    ['must be integer', en['form.error.integer']],
    ['must match format "email"', en['form.error.email']],
    ['must be an event the organising centre runs', en['form.error.own_event']],
    ['must not be a cancelled event', en['form.error.cancelled_event']],
    ['must be one of the network centres', en['form.error.network_centre']],
    ['needs a text in Italian or English', en['form.error.one_language']],
  ])('%s', (message, text) => {
    expect(translateFieldMessage(message, t).text).toBe(text);
  });

  it("keeps an unknown message as the server's English text, marked as such", () => {
    expect(translateFieldMessage(' must be string ', t)).toEqual({ text: 'must be string', lang: 'en' });
  });
});

describe('formErrorsFromProblem', () => {
  const fields = ['title', 'title.it', 'keywords', 'trl'];

  it("places each problem by its field, in the form's order, the first message per field, then the loose ones", () => {
    const errors = formErrorsFromProblem(
      problem([
        { pointer: '/body/trl', message: 'must be <= 9' },
        { pointer: '/body/title/it', message: 'must NOT have more than 200 characters' },
        { pointer: '/body/trl', message: 'must be integer' },
        { pointer: '/body/colour', message: 'is not an allowed field' },
        { pointer: '/body/size', message: 'must be string' },
      ]),
      fields,
      t,
    )!;
    expect(errors.items.map((i) => i.field)).toEqual(['title.it', 'trl', null, null]);
    expect(errors.byField.trl).toEqual({ text: t('form.error.max', { max: '9' }) });
    expect(errors.items[2]!.message).toEqual({ text: en['form.error.not_allowed'] });
    expect(errors.items[3]!.message).toEqual({ text: 'size must be string', lang: 'en' });
  });

  it('is null for anything that is not a problem with field errors', () => {
    expect(formErrorsFromProblem(new Error('boom'), fields, t)).toBeNull();
    expect(formErrorsFromProblem(problem([]), fields, t)).toBeNull();
    expect(formErrorsFromProblem(new ApiError('network', 0), fields, t)).toBeNull();
  });
});

describe('localErrors', () => {
  it("keeps the first failed check per field, in the form's order", () => {
    const errors = localErrors(
      [
        ['trl', true, 'pick a level'],
        ['title', true, 'give a title'],
        ['title', true, 'again'],
        ['keywords', false, 'no'],
      ],
      ['title', 'keywords', 'trl'],
    );
    expect(errors.items).toEqual([
      { field: 'title', message: { text: 'give a title' } },
      { field: 'trl', message: { text: 'pick a level' } },
    ]);
  });
});
