export type { CellValue, Column, ColumnKind, RowSource } from './tabular.types.ts';
export { csvChunks } from './csv.ts';
export { xlsxStream, type XlsxOptions } from './xlsx.ts';
