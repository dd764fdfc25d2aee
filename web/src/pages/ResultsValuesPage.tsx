import { useState } from 'react';
import { useFormat } from '../app/format.ts';
import { useNames } from '../app/names.ts';
import { usePageTitle } from '../app/title.ts';
import { useUrlParam } from '../app/url.ts';
import { DataTable } from '../components/DataTable.tsx';
import { SelectField } from '../components/fields.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useAction } from '../components/useAction.ts';
import {
  PROGRAMME,
  removeValue,
  useIndicators,
  useValues,
  type RecordedValue,
} from '../features/results/api.ts';
import { useResultsText } from '../features/results/text.ts';
import { VALUE_COUNTRIES, ValueForm } from '../features/results/ValueForm.tsx';
import { RequireAccess } from '../features/workspace/RequireAccess.tsx';

function Values() {
  const { t, i18n } = useResultsText();
  const names = useNames();
  const format = useFormat();
  const indicators = useIndicators({ fresh: true });
  const [indicatorParam, setIndicator] = useUrlParam('indicator');
  const [countryParam, setCountry] = useUrlParam('country');
  const list = indicators.data?.indicators ?? [];
  const indicator = list.find((i) => i.code === indicatorParam) ?? list[0] ?? null;
  const country = countryParam && VALUE_COUNTRIES.includes(countryParam) ? countryParam : PROGRAMME;
  const values = useValues(indicator?.code ?? null, country);
  const remove = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const ru = i18n.language === 'ru';
  const countryName = (code: string) =>
    code === PROGRAMME ? t('results.programme') : names.country(code);
  const describe = (v: RecordedValue) => ({
    kind: t(`results.workspace.kinds.${v.kind}`),
    year: v.year,
    country: countryName(v.country),
  });
  const drop = (v: RecordedValue) => {
    if (!window.confirm(t('results.workspace.confirmRemove'))) return;
    void remove
      .run(() => removeValue(v))
      .then((ok) => {
        if (!ok) return;
        setMessage(t('results.workspace.removed', describe(v)));
        values.reload();
      });
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('results.workspace.title')}</h1>
        <p className="lead">{t('results.workspace.lead')}</p>
      </div>
      {indicators.state === 'failed' ? <ErrorMessage error={indicators.error} /> : null}
      {indicators.state === 'loading' ? <Loading /> : null}
      {indicator ? (
        <>
          <form
            className="card form-row"
            onSubmit={(e) => e.preventDefault()}
            aria-label={t('results.workspace.title')}
          >
            <SelectField
              id="values-indicator"
              label={t('results.workspace.indicator')}
              value={indicator.code}
              onChange={setIndicator}
            >
              {list.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} — {ru ? i.name.ru : i.name.en}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="values-country"
              label={t('results.workspace.country')}
              value={country}
              onChange={setCountry}
            >
              {VALUE_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
            </SelectField>
          </form>
          {message ? (
            <p className="success-message" role="status">
              {message}
            </p>
          ) : null}
          {remove.error ? <ErrorMessage error={remove.error} /> : null}
          <div className="grid-2">
            <ValueForm
              key={`${indicator.code}-${country}`}
              indicator={indicator}
              country={country}
              onRecorded={(text) => {
                setMessage(text);
                values.reload();
              }}
            />
            <section className="card" aria-labelledby="values-list">
              <h2 id="values-list">
                {t('results.workspace.values', {
                  indicator: ru ? indicator.name.ru : indicator.name.en,
                })}
                {' — '}
                {countryName(country)}
              </h2>
              {values.state === 'failed' ? <ErrorMessage error={values.error} /> : null}
              {values.data ? (
                <DataTable
                  caption={t('results.workspace.values', { indicator: indicator.code })}
                  captionHidden
                  rows={[...values.data.values].sort(
                    (a, b) => a.year - b.year || a.kind.localeCompare(b.kind),
                  )}
                  rowKey={(v) => `${v.year}-${v.kind}`}
                  empty={t('results.workspace.none')}
                  columns={[
                    { key: 'year', header: t('results.workspace.year'), cell: (v) => v.year },
                    {
                      key: 'kind',
                      header: t('results.workspace.kind'),
                      cell: (v) => t(`results.workspace.kinds.${v.kind}`),
                    },
                    {
                      key: 'value',
                      header: t('results.workspace.value'),
                      numeric: true,
                      cell: (v) => format.number(Number(v.value)),
                    },
                    { key: 'note', header: t('results.workspace.note'), cell: (v) => v.note ?? '' },
                    {
                      key: 'by',
                      header: t('results.workspace.recordedBy'),
                      cell: (v) => v.recordedBy,
                    },
                    {
                      key: 'remove',
                      header: '',
                      cell: (v) => (
                        <button
                          type="button"
                          className="button danger"
                          aria-label={t('results.workspace.removeLabel', describe(v))}
                          disabled={remove.busy}
                          onClick={() => drop(v)}
                        >
                          {t('results.workspace.remove')}
                        </button>
                      ),
                    },
                  ]}
                />
              ) : null}
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}

export default function ResultsValuesPage() {
  const { t } = useResultsText();
  usePageTitle(t('results.workspace.title'));
  return (
    <RequireAccess permission="results.manage">
      <Values />
    </RequireAccess>
  );
}
