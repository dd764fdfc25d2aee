import { describe, expect, it } from 'vitest';
import { preferredText } from './activity.rows.ts';

describe('the text shown first', () => {
  it('is English when published with text, else the first narrative with text', () => {
    const ru = { lang: 'ru', text: 'Дорога Алматы' };
    expect(preferredText([ru, { lang: 'en', text: 'Almaty road' }])).toBe('Almaty road');
    expect(preferredText([{ lang: 'en', text: '' }, ru])).toBe('Дорога Алматы');
    expect(
      preferredText([
        { lang: 'en', text: '  ' },
        { lang: 'fr', text: '' },
      ]),
    ).toBeNull();
    expect(preferredText([])).toBeNull();
  });
});
