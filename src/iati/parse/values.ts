import { isCalendarDate } from '../../calendar.ts';
import { isCode } from '../../reference/codes.ts';
import { isDecimal } from '../../portfolio/money.ts';
import type { IsoDate } from '../../portfolio/activity.model.ts';

/**
 * Lexical checks on published values. Dates must exist in the calendar (2023-02-30 does not);
 * amounts must be plain decimals that money.ts can compute with exactly.
 */

// xs:date, with the optional time zone that some publishers add (2010-03-31Z).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;
const XSD_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const dates = new Map<string, IsoDate | null>();

/** The date as YYYY-MM-DD, or null when it is not an xs:date of a real day. */
export function isoDate(text: string): IsoDate | null {
  // Files repeat the same few dates thousands of times (budget periods, value dates).
  let date = dates.get(text);
  if (date === undefined) {
    date = parseDate(text);
    if (dates.size >= 4096) dates.clear();
    dates.set(text, date);
  }
  return date;
}

function parseDate(text: string): IsoDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const date = `${y}-${m}-${d}`;
  return Number(y) !== 0 && isCalendarDate(date) ? date : null;
}

/** An xs:dateTime kept as published, or null when it is not one or names no real day. */
export function isoDateTime(text: string): string | null {
  const match = DATE_TIME.exec(text);
  return match?.[1] !== undefined && isoDate(match[1]) !== null ? text : null;
}

/** Plain decimal (what the store computes with); `lax` also accepts "5." and ".5", as xs:decimal does. */
export function isNumber(text: string, lax: boolean): boolean {
  return lax ? XSD_DECIMAL.test(text) : isDecimal(text);
}

/**
 * An xs:decimal as the plain decimal the store computes with: "+5" → "5", "5." → "5",
 * ".5" → "0.5", "-.5" → "-0.5"; null when it is not one.
 */
export function plainDecimal(text: string): string | null {
  if (!XSD_DECIMAL.test(text)) return null;
  return text
    .replace(/^\+/, '')
    .replace(/^(-?)\./, '$10.')
    .replace(/\.$/, '');
}

/** xs:boolean. */
export function parseBoolean(text: string): boolean | null {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return null;
}

// ISO 639-2 codes seen in IATI data (d-portal writes ENG), to their ISO 639-1 equivalents.
const THREE_LETTER: ReadonlyMap<string, string> = new Map([
  ['eng', 'en'],
  ['fra', 'fr'],
  ['fre', 'fr'],
  ['spa', 'es'],
  ['por', 'pt'],
  ['deu', 'de'],
  ['ger', 'de'],
  ['ita', 'it'],
  ['nld', 'nl'],
  ['dut', 'nl'],
  ['swe', 'sv'],
  ['fin', 'fi'],
  ['dan', 'da'],
  ['nor', 'no'],
  ['rus', 'ru'],
  ['ara', 'ar'],
  ['zho', 'zh'],
  ['chi', 'zh'],
  ['jpn', 'ja'],
  ['kor', 'ko'],
  ['tur', 'tr'],
  ['fas', 'fa'],
  ['per', 'fa'],
  ['pus', 'ps'],
  ['urd', 'ur'],
  ['uzb', 'uz'],
  ['kaz', 'kk'],
  ['kir', 'ky'],
  ['tgk', 'tg'],
  ['tuk', 'tk'],
  ['mon', 'mn'],
  ['aze', 'az'],
  ['kat', 'ka'],
  ['geo', 'ka'],
  ['hin', 'hi'],
  ['ben', 'bn'],
  ['ind', 'id'],
  ['vie', 'vi'],
  ['tha', 'th'],
  ['pol', 'pl'],
  ['ces', 'cs'],
  ['cze', 'cs'],
  ['ukr', 'uk'],
  ['ell', 'el'],
  ['gre', 'el'],
  ['heb', 'he'],
  ['swa', 'sw'],
  ['amh', 'am'],
  ['hau', 'ha'],
  ['som', 'so'],
  ['nep', 'ne'],
  ['khm', 'km'],
  ['msa', 'ms'],
  ['may', 'ms'],
]);

export interface Language {
  code: string | null;
  /** False when the code is not in the Language codelist, even after normalising. */
  known: boolean;
}

const languages = new Map<string, Language>();

/** xml:lang to lower-case ISO 639-1: "EN" → "en", "ENG" → "en", "en-GB" → "en". */
export function normaliseLanguage(raw: string | null): Language {
  if (raw === null) return { code: null, known: true };
  let found = languages.get(raw);
  if (found === undefined) {
    const primary = raw.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const code = THREE_LETTER.get(primary) ?? primary;
    found = code === '' ? { code: null, known: true } : { code, known: isCode('Language', code) };
    if (languages.size < 1000) languages.set(raw, found);
  }
  return found;
}
