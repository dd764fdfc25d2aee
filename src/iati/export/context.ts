/**
 * What the part writers share while writing one activity: the XML being written, the
 * activity's language, and the problems found — each a thing IATI 2.03 requires that the
 * activity lacks, or a stored value that the schema's type for it refuses.
 */
import {
  isDate,
  isDateTime,
  isDecimal,
  isInt,
  isLanguage,
  isNonNegativeInteger,
  isUri,
} from './lexical.ts';
import { XmlWriter } from './xml.ts';

const shown = (value: string): string =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export class ActivityContext {
  readonly xml: XmlWriter;
  /** The activity's xml:lang: narratives in this language need no xml:lang of their own. */
  readonly language: string | null;
  readonly problems: string[] = [];

  constructor(language: string | null, depth: number) {
    this.xml = new XmlWriter(depth);
    this.language = language;
  }

  problem(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  /** Records, unless `present`, that IATI 2.03 requires `what` at `where`. */
  require(present: boolean, where: string, what: string): void {
    if (!present) this.problem(where, `IATI 2.03 requires ${what}, and the activity has none`);
  }

  /** `<name code="…"/>` for a code that is there. */
  code(name: string, value: string | null): void {
    if (value !== null) this.xml.element(name, { code: value });
  }

  date<T extends string | null>(where: string, value: T): T {
    if (value !== null && !isDate(value)) this.problem(where, `${shown(value)} is not a date`);
    return value;
  }

  dateTime<T extends string | null>(where: string, value: T): T {
    if (value !== null && !isDateTime(value)) {
      this.problem(where, `${shown(value)} is not a date-time`);
    }
    return value;
  }

  decimal<T extends string | null>(where: string, value: T): T {
    if (value !== null && !isDecimal(value)) {
      this.problem(where, `${shown(value)} is not a decimal number`);
    }
    return value;
  }

  uri<T extends string | null>(where: string, value: T): T {
    if (value !== null && !isUri(value)) this.problem(where, `${shown(value)} is not a URI`);
    return value;
  }

  /** A language for xml:lang; the empty string says "no language". */
  lang<T extends string | null>(where: string, value: T): T {
    if (value !== null && value !== '' && !isLanguage(value)) {
      this.problem(where, `${shown(value)} is not a language code`);
    }
    return value;
  }

  nonNegativeInteger<T extends string | null>(where: string, value: T): T {
    if (value !== null && !isNonNegativeInteger(value)) {
      this.problem(where, `${shown(value)} is not a whole number`);
    }
    return value;
  }

  int(where: string, value: number | null): string | null {
    if (value === null) return null;
    if (!isInt(value)) this.problem(where, `${value} is not a whole number`);
    return String(value);
  }
}

/** xsd:boolean as IATI writes it. */
export const flag = (value: boolean | null): string | null =>
  value === null ? null : value ? '1' : '0';
