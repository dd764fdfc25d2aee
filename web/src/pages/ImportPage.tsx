import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityOutcome, ImportSummary } from '../../../src/iati/import.service.ts';
import { useFormat } from '../app/format.ts';
import { usePageTitle } from '../app/title.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';
import { importFile } from '../features/workspace/importStream.ts';

type Outcome = ActivityOutcome['outcome'];
const OUTCOMES: Outcome[] = ['imported', 'replaced', 'unchanged', 'rejected'];
/** Rows drawn at once; the counts cover every activity. */
const SHOWN = 300;

interface Run {
  phase: 'uploading' | 'importing' | 'done' | 'failed';
  bytes: number;
  size: number | null;
  activities: ActivityOutcome[];
  summary: ImportSummary | null;
  error: unknown;
}

function Importer() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [show, setShow] = useState<Outcome | 'all'>('all');
  const abort = useRef<AbortController | null>(null);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    abort.current = new AbortController();
    let current: Run = {
      phase: 'uploading',
      bytes: 0,
      size: file.size,
      activities: [],
      summary: null,
      error: null,
    };
    setRun(current);
    // Events come fast; the page redraws at most once a frame.
    let scheduled = false;
    const update = (next: Run) => {
      current = next;
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        setRun(current);
      });
    };
    try {
      await importFile(file, { dryRun, signal: abort.current.signal }, (e) => {
        switch (e.type) {
          case 'progress':
            update({ ...current, phase: 'importing', bytes: e.bytes, size: e.size });
            break;
          case 'activity': {
            const { path, identifier, line, outcome, errors } = e;
            current.activities.push({ path, identifier, line, outcome, errors });
            update({ ...current, phase: 'importing' });
            break;
          }
          case 'done':
            update({
              ...current,
              phase: 'done',
              summary: e.summary,
              bytes: current.size ?? current.bytes,
            });
            break;
          case 'failed':
            update({ ...current, phase: 'failed', error: new Error(e.error.message) });
            break;
        }
      });
    } catch (error) {
      update({ ...current, phase: 'failed', error });
    }
  };

  const counts = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  for (const a of run?.activities ?? []) counts.set(a.outcome, (counts.get(a.outcome) ?? 0) + 1);
  const listed = (run?.activities ?? []).filter((a) => show === 'all' || a.outcome === show);
  const file0 = run?.summary?.files[0];

  return (
    <>
      <div className="page-head">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.lead')}</p>
      </div>
      <form className="card stack" onSubmit={(e) => void start(e)}>
        <div className="field drop">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xml,.gz,application/xml,text/xml,application/gzip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span className="field-hint">{t('import.fileHint')}</span>
        </div>
        <label>
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{' '}
          {t('import.dryRun')}
        </label>
        <div className="actions">
          <button
            type="submit"
            className="button"
            disabled={!file || run?.phase === 'uploading' || run?.phase === 'importing'}
          >
            {t('import.start')}
          </button>
        </div>
      </form>
      {run ? (
        <section className="card" aria-labelledby="import-progress-title">
          <h2 id="import-progress-title">{t(`import.phase.${run.phase}`)}</h2>
          <progress
            className="import-progress"
            aria-labelledby="import-progress-title"
            max={run.size ?? undefined}
            value={run.phase === 'uploading' ? undefined : run.bytes}
          />
          <p aria-live="polite" className="note" data-testid="import-counts">
            {t('import.read', {
              bytes: format.number(Math.round(run.bytes / 1024)),
              size: format.number(Math.round((run.size ?? 0) / 1024)),
            })}{' '}
            {OUTCOMES.map(
              (o) => `${t(`import.outcomes.${o}`)}: ${format.number(counts.get(o) ?? 0)}`,
            ).join(' · ')}
          </p>
          {run.phase === 'failed' ? <ErrorMessage error={run.error} /> : null}
          {run.summary ? (
            file0?.refused ? (
              <ErrorMessage
                error={new Error(file0.errors.join('; '))}
                title={t('import.refused')}
              />
            ) : (
              <p className="success-message" role="status">
                {run.summary.dryRun ? t('import.dryRunDone') : t('import.done')}{' '}
                {t('import.totals', {
                  activities: format.number(run.summary.totals.activities),
                  imported: format.number(run.summary.totals.imported),
                  replaced: format.number(run.summary.totals.replaced),
                  unchanged: format.number(run.summary.totals.unchanged),
                  rejected: format.number(run.summary.totals.rejected),
                })}
              </p>
            )
          ) : null}
          {run.activities.length > 0 ? (
            <>
              <div className="field">
                <label htmlFor="import-show">{t('import.show')}</label>
                <select
                  id="import-show"
                  value={show}
                  onChange={(e) => setShow(e.target.value as Outcome | 'all')}
                >
                  <option value="all">{t('import.all')}</option>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`import.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="table-scroll">
                <table>
                  <caption>{t('import.report')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.activity')}</th>
                      <th scope="col" className="num">
                        {t('import.line')}
                      </th>
                      <th scope="col">{t('import.outcome')}</th>
                      <th scope="col">{t('import.errors')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {listed.slice(0, SHOWN).map((a, i) => (
                      <tr key={`${a.line}-${i}`}>
                        <td>
                          <code>{a.identifier ?? t('import.noIdentifier')}</code>
                        </td>
                        <td className="num">{a.line}</td>
                        <td className={`outcome-${a.outcome}`}>
                          {t(`import.outcomes.${a.outcome}`)}
                        </td>
                        <td>{a.errors.join('; ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {listed.length > SHOWN ? (
                <p className="note">{t('import.moreRows', { count: listed.length - SHOWN })}</p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  return (
    <RequireAccess permission="iati.import">
      <Importer />
    </RequireAccess>
  );
}
