import type { ReactNode } from 'react';

/** Headline figures: a label over a large value. */
export function Figures({
  items,
}: {
  items: { label: string; value: ReactNode; note?: string }[];
}) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.label} className="figure-item">
          <dt>{item.label}</dt>
          <dd>
            {item.value}
            {item.note ? <span className="figure-note">{item.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
