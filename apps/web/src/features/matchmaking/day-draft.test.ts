import { describe, expect, it } from 'vitest';
import { dayDraftErrors, dayOfDraft, firstDraft } from './day-draft.ts';
import { matchmakingEn } from './matchmaking-messages.en.ts';
import { matchmakingIt } from './matchmaking-messages.it.ts';

describe('the form to organise a matchmaking day', () => {
  const ok = { ...firstDraft('lucense', new Date('2026-12-05T10:00:00Z')), titleIt: 'Incontri B2B della carta' };

  it('starts a month ahead with a plausible grid', () => {
    expect(ok).toMatchObject({ day: '2027-01-04', startTime: '09:30', slotMinutes: '20', slots: '12', tables: '10' });
    expect(dayDraftErrors(ok)).toEqual([]);
  });

  it('names every field the server would refuse, each once', () => {
    const bad = {
      ...ok,
      organizer: '',
      titleIt: '  ',
      day: '2026-13-40x',
      startTime: '9.30',
      slotMinutes: '4',
      slots: '2.5',
      tables: '',
    };
    expect(dayDraftErrors(bad).map(([field]) => field)).toEqual([
      'organizer',
      'title',
      'day',
      'startTime',
      'slotMinutes',
      'slots',
      'tables',
    ]);
    expect(dayDraftErrors({ ...ok, titleIt: '', titleEn: 'Paper B2B day' })).toEqual([]);
    expect(dayDraftErrors({ ...ok, slotMinutes: '240', slots: '96', tables: '500' })).toEqual([]);
    expect(dayDraftErrors({ ...ok, slots: '97' }).map(([f]) => f)).toEqual(['slots']);
  });

  it('asks for the day without naming a format: the browser shows its own in the date field', () => {
    for (const day of ['', '2026-02-30x', '05/12/2026']) {
      const [[field, key]] = dayDraftErrors({ ...ok, day }) as [[string, keyof typeof matchmakingIt]];
      expect(field).toBe('day');
      for (const text of [matchmakingIt[key], matchmakingEn[key]])
        expect(text).not.toMatch(/[gdmay]{2}\/|\/[mgdya]{2}/i);
    }
    expect(matchmakingIt['mm.new.error.day']).toBe('Indica il giorno degli incontri.');
    expect(matchmakingEn['mm.new.error.day']).toBe('Give the day of the meetings.');
  });

  it('asks for the start time without naming a format either: a time field may show a 12-hour clock', () => {
    const [[field, key]] = dayDraftErrors({ ...ok, startTime: '' }) as [[string, keyof typeof matchmakingIt]];
    expect(field).toBe('startTime');
    expect(matchmakingIt[key]).toBe('Indica l’ora di inizio del primo turno.');
    expect(matchmakingEn[key]).toBe('Give the start time of the first round.');
  });

  it('sends numbers, trimmed titles and only the optional parts given', () => {
    expect(dayOfDraft({ ...ok, titleEn: ' Paper day ' })).toEqual({
      organizer: 'lucense',
      title: { it: 'Incontri B2B della carta', en: 'Paper day' },
      day: '2027-01-04',
      startTime: '09:30',
      slotMinutes: 20,
      slots: 12,
      tables: 10,
    });
    expect(dayOfDraft({ ...ok, filiere: ['carta'], eventId: 'e1' })).toMatchObject({
      filiere: ['carta'],
      eventId: 'e1',
    });
  });
});
