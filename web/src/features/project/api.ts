import type { ActivityDetail } from '../../../../src/portfolio/activity-detail.service.ts';
import { useApi } from '../../app/useApi.ts';

export type { ActivityDetail };

export function useProject(identifier: string) {
  return useApi<ActivityDetail>(`/api/activities/${encodeURIComponent(identifier)}`);
}
