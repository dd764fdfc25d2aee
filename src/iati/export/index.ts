/** IATI Activity Standard 2.03 XML from the domain model: a streamed document or one activity. */
export { activityXml, exportProblems, IatiExportError } from './activity.ts';
export { iatiDocument, IATI_VERSION } from './document.ts';
export type { IatiWriteOptions, SkippedActivity } from './document.ts';
