import type { Status } from './api.ts';
import { useResultsText } from './text.ts';
import './results.css';

/** A progress status in words, with a colour that only repeats what the words say. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useResultsText();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`results.statuses.${status}`)}
    </span>
  );
}
