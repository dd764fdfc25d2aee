import type { MinisterialData } from '../../../../src/reports/ministerial/ministerial.data.ts';
import type { Snapshot } from '../../../../src/reports/ministerial/snapshot.service.ts';
import { queryString, sendJson } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';

export type { MinisterialData, Snapshot };

/** `GET /api/reports/ministerial?format=json`: the figures, and the snapshot they come from. */
export type ReportAnswer = MinisterialData & { snapshot: Snapshot | null };

export const reportPath = (
  year: number,
  asOf: string | null,
  format: 'json' | 'html' | 'pdf',
  lang?: string,
) => `/api/reports/ministerial${queryString({ year, asOf, format, lang })}`;

/**
 * Always asked afresh: a snapshot frozen since changes what the day's figures are. Waits (null)
 * until the year is known.
 */
export const useReport = (year: number | null, asOf: string | null) =>
  useApi<ReportAnswer>(year === null ? null : reportPath(year, asOf, 'json'), { fresh: true });

/** The years with counted commitments or disbursements, ascending. */
export const useReportYears = () => useApi<{ years: number[] }>('/api/reports/ministerial/years');

export async function freezeSnapshot(
  year: number,
  asOf: string | null,
): Promise<{ year: number; asOf: string; snapshot: Snapshot | null }> {
  return (await sendJson<{ year: number; asOf: string; snapshot: Snapshot | null }>(
    'POST',
    '/api/reports/ministerial/snapshots',
    { year, ...(asOf ? { asOf } : {}) },
  ))!;
}
