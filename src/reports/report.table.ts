export interface ReportSnapshotTable {
  /** SHA-256 of the frozen figures. */
  id: string;
  report: string;
  year: number;
  as_of: string;
  taken_at: string;
  taken_by: string;
  /** The figures as JSON. */
  data: string;
}

export interface ReportTables {
  report_snapshot: ReportSnapshotTable;
}
