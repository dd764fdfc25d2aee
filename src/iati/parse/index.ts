/**
 * The streaming IATI activity parser: bytes in, one validated `ActivityInput` (or the reasons
 * to reject it) per iati-activity out, as each closes. Files that cannot be read at all throw
 * IatiFileError. Rules that the real files break often and harmlessly are warnings, not
 * rejections; conformance.test.ts lists the schema rules that are not checked, and why.
 *
 * Files: xml-tokenizer (with xml-tag, xml-markup, xml-chars) → activity-tree → read-activity
 * (reader, el, read-*, values, percentages, legacy-codes); decode for encodings.
 */
export { IatiFileError } from './errors.ts';
export { parseIatiStream, type ParseOptions } from './parse-stream.ts';
export type { ParseSummary, ParsedActivity } from './types.ts';
