/**
 * A file that cannot be read at all: not XML, not well-formed, a DTD, an unsupported or
 * invalid encoding. The importer refuses such a file whole and rolls back what it stored of it.
 */
export class IatiFileError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  readonly source: string;
  /** The reason alone, without the source and position the message starts with. */
  readonly reason: string;

  constructor(source: string, line: number | null, column: number | null, reason: string) {
    const where = line === null ? source : `${source}:${line}:${column ?? 1}`;
    super(`${where}: ${reason}`);
    this.name = 'IatiFileError';
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}
