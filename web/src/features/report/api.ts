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

/** Always asked afresh: a snapshot frozen since changes what the day's figures are. */
export const useReport = (year: number, asOf: string | null) =>
  useApi<ReportAnswer>(reportPath(year, asOf, 'json'), { fresh: true });

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
