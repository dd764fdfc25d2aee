import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurationRecord } from '../../../../src/portfolio/curation.service.ts';
import { sendJson } from '../../app/api.ts';
import { CLUSTERS, CORRIDORS, useNames } from '../../app/names.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { useAction } from '../../components/useAction.ts';

interface Props {
  identifier: string;
  cluster: number | null;
  corridors: readonly number[];
  onSaved: () => void;
}

/**
 * The secretariat tags a project with its CAREC cluster and corridors, which IATI does not
 * carry; the tags outlive later imports of the project.
 */
export function CurationForm({ identifier, cluster, corridors, onSaved }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  const action = useAction();
  const [chosenCluster, setChosenCluster] = useState(cluster === null ? '' : String(cluster));
  const [chosenCorridors, setChosenCorridors] = useState(() => new Set(corridors));
  const [saved, setSaved] = useState<CurationRecord | null>(null);

  const toggle = (n: number) => {
    const next = new Set(chosenCorridors);
    if (next.has(n)) next.delete(n);
    else next.add(n);
    setChosenCorridors(next);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    void action.run(async () => {
      const answer = await sendJson<{ curation: CurationRecord }>(
        'PUT',
        `/api/activities/${encodeURIComponent(identifier)}/curation`,
        {
          cluster: chosenCluster ? Number(chosenCluster) : null,
          corridors: [...chosenCorridors].sort((a, b) => a - b),
        },
      );
      setSaved(answer?.curation ?? null);
      onSaved();
    });
  };

  return (
    <form className="card stack" onSubmit={save} aria-labelledby="curation-heading">
      <h2 id="curation-heading">{t('curation.title')}</h2>
      <p className="note">{t('curation.lead')}</p>
      <div className="field">
        <label htmlFor="curation-cluster">{t('common.cluster')}</label>
        <select
          id="curation-cluster"
          value={chosenCluster}
          onChange={(event) => setChosenCluster(event.target.value)}
        >
          <option value="">{t('curation.bySectors')}</option>
          {CLUSTERS.map((c) => (
            <option key={c.code} value={String(c.code)}>
              {c.code}. {names.cluster(c.code)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="curation-corridors">
        <legend>{t('project.corridors')}</legend>
        {CORRIDORS.map((c) => (
          <label key={c.number}>
            <input
              type="checkbox"
              name="corridor"
              value={String(c.number)}
              checked={chosenCorridors.has(c.number)}
              onChange={() => toggle(c.number)}
            />{' '}
            {t('map.corridor', { number: c.number })}: {names.corridor(c.number)}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button" disabled={action.busy}>
          {t('curation.save')}
        </button>
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {saved ? (
        <p className="note" role="status" id="curation-saved">
          {t('curation.saved', { who: saved.recordedBy })}
        </p>
      ) : null}
    </form>
  );
}
