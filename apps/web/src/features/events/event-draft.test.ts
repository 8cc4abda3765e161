import { describe, expect, it } from 'vitest';
import { capacityOf, priceCentsOf, degreesOf, draftOf, fieldsOf, sessionsChanged, sessionsOf } from './event-draft.ts';

const row = (day: string, start: string, end: string) => ({ key: 0, day, start, end });

describe('the sessions typed in Italian time', () => {
  it('carry the Rome offset of their own day, winter and summer', () => {
    expect(sessionsOf([row('2027-01-14', '09:30', '13:00'), row('2027-07-01', '9.30', '13:00')])).toEqual([
      { start: '2027-01-14T09:30:00+01:00', end: '2027-01-14T13:00:00+01:00' },
      { start: '2027-07-01T09:30:00+02:00', end: '2027-07-01T13:00:00+02:00' },
    ]);
  });

  it('are refused when a row is incomplete or ends before it starts', () => {
    expect(sessionsOf([row('2027-01-14', '09:30', '')])).toBeNull();
    expect(sessionsOf([row('2027-01-14', '14:00', '13:00')])).toBeNull();
    expect(sessionsOf([row('', '09:00', '10:00')])).toBeNull();
    expect(sessionsOf([])).toBeNull();
  });

  it('are compared with the saved ones as instants', () => {
    const saved = [
      { id: 's', start: '2027-01-14T08:30:00.000Z', end: '2027-01-14T12:00:00.000Z', place: null, title: null },
    ];
    expect(sessionsChanged(saved, sessionsOf([row('2027-01-14', '09:30', '13:00')])!)).toBe(false);
    expect(sessionsChanged(saved, sessionsOf([row('2027-01-14', '09:30', '13:30')])!)).toBe(true);
    expect(draftOf(undefined).sessions).toHaveLength(1);
  });
});

describe('the numbers typed', () => {
  it('read euro as cents, places and degrees; empty is null, nonsense NaN', () => {
    expect(priceCentsOf('49,50')).toBe(4950);
    expect(priceCentsOf('120')).toBe(12000);
    expect(priceCentsOf('€ 0.5')).toBe(50);
    expect(priceCentsOf('')).toBeNull();
    expect(priceCentsOf('dieci')).toBeNaN();
    expect(priceCentsOf('1.234,50')).toBe(123450);
    expect(capacityOf('30')).toBe(30);
    expect(capacityOf('0')).toBeNaN();
    expect(capacityOf(' ')).toBeNull();
    expect(degreesOf('43,8430', 90)).toBe(43.843);
    expect(degreesOf('95', 90)).toBeNaN();
  });
});

describe('the body sent', () => {
  it('puts the lead first, drops the place of an online event and clears emptied fields with null', () => {
    const d = {
      ...draftOf(undefined),
      coOrganizers: ['region', 'lucense'],
      titleIt: ' Titolo ',
      summaryEn: 'Summary',
      mode: 'online' as const,
      placeName: 'Sala',
      onlineUrl: 'https://meet.example.org/x',
      price: '10',
    };
    const body = fieldsOf(d, 'lucense');
    expect(body.organizers).toEqual([
      { organization: 'lucense', role: 'lead' },
      { organization: 'region', role: 'co-organizer' },
    ]);
    expect(body.title).toEqual({ it: 'Titolo' });
    expect(body.summary).toEqual({ en: 'Summary' });
    expect(body.place).toBeNull();
    expect(body.onlineUrl).toBe('https://meet.example.org/x');
    expect(body.description).toBeNull();
    expect(body.capacity).toBeNull();
    expect(body.price).toBe(1000);
  });
});
