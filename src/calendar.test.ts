import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar.ts';

describe('calendar dates', () => {
  it('are days that exist, written YYYY-MM-DD', () => {
    for (const day of ['2024-02-29', '2023-12-31', '2000-02-29', '0001-01-01'])
      expect(isCalendarDate(day)).toBe(true);
    for (const day of [
      '2023-02-29',
      '2024-13-45',
      '2024-00-10',
      '2024-04-31',
      '1900-02-29',
      '0000-01-01',
    ])
      expect(isCalendarDate(day)).toBe(false);
    for (const text of ['2024-1-01', '24-01-01', '2024-01-01T00:00:00Z', '', 'today'])
      expect(isCalendarDate(text)).toBe(false);
  });
});
