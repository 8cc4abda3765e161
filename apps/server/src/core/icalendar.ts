/**
 * What every iCalendar the server writes shares: the Europe/Rome VTIMEZONE (ical-generator writes none) and the host
 * name its UIDs end with.
 */

/** Europe/Rome since 1996 (the EU rule: last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET). */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Rome',
  'X-LIC-LOCATION:Europe/Rome',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The host of the public address (UIDs are `<thing>@<host>`). */
export const hostOf = (publicUrl: string) => {
  try {
    return new URL(publicUrl).hostname || 'clock';
  } catch {
    return 'clock';
  }
};

/**
 * ical-generator writes DTSTAMP in the calendar's zone when one is set, so calendars carry none and the VTIMEZONE is
 * placed here, before the first component (the events name it by TZID).
 */
export function withTimezone(text: string): string {
  const at = text.search(/BEGIN:VEVENT|END:VCALENDAR/);
  return `${text.slice(0, at)}${VTIMEZONE}\r\n${text.slice(at)}`;
}
