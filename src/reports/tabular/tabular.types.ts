/** What a column yields for one row. Numbers become typed numeric cells, strings text, null empty. */
export type CellValue = string | number | null;

/**
 * How a column's strings are read. `number` and `integer` turn decimal strings such as
 * "1234567.89" into numeric cells without passing through a float, so they stay exact; `date`
 * turns ISO `YYYY-MM-DD` strings into XLSX dates. A string that does not fit its kind stays text.
 */
export type ColumnKind = 'text' | 'number' | 'integer' | 'date';

export interface Column<Row> {
  header: string;
  value: (row: Row) => CellValue;
  kind?: ColumnKind;
}

/** Rows may come from an array, a generator or a database cursor. */
export type RowSource<Row> = AsyncIterable<Row> | Iterable<Row>;
