import './climate.css';
import { useFormat } from '../../app/format.ts';
import type { ClimateAmounts, ClimateAnswer, MarkerAmounts } from './api.ts';
import { useClimateText } from './text.ts';

const PARTS = ['mitigation', 'adaptation', 'dual'] as const;

function Method({
  id,
  title,
  text,
  amounts,
}: {
  id: 'markers' | 'components';
  title: string;
  text: string;
  amounts: ClimateAmounts | MarkerAmounts;
}) {
  const { t } = useClimateText();
  const format = useFormat();
  const usd = (decimal: string) => format.moneyFull(Number(decimal));
  return (
    <section className="card climate-method" aria-labelledby={`method-${id}`}>
      <h3 id={`method-${id}`}>{title}</h3>
      <p className="climate-total">
        <span data-climate={`${id}.climate`} data-usd={amounts.climate}>
          {format.money(Number(amounts.climate))}
        </span>
        <span className="figure-note">
          {t('climate.amounts.share')}: {format.percent(amounts.sharePercent / 100)}
        </span>
      </p>
      <dl className="summary-list">
        {PARTS.map((part) => (
          <div key={part}>
            <dt>{t(`climate.amounts.${part}`)}</dt>
            <dd data-climate={`${id}.${part}`}>{usd(amounts[part])}</dd>
          </div>
        ))}
        {'drr' in amounts ? (
          <div>
            <dt>{t('climate.amounts.drr')}</dt>
            <dd>{usd(amounts.drr)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="note">{text}</p>
    </section>
  );
}

/** Each method's climate finance, its parts and its share of the portfolio, with what it counts. */
export function ClimateTotals({ answer }: { answer: ClimateAnswer }) {
  const { t } = useClimateText();
  const format = useFormat();
  const { total, coefficients } = answer;
  return (
    <section aria-labelledby="climate-totals">
      <h2 id="climate-totals">{t('climate.totalsTitle')}</h2>
      <p className="note">
        {t('climate.totalsNote', { measure: t(`climate.measures.${answer.measure}`) })}{' '}
        {t('climate.amounts.portfolio')}:{' '}
        <span data-climate="portfolio" data-usd={total.portfolio}>
          {format.moneyFull(Number(total.portfolio))}
        </span>
      </p>
      <div className="grid-2">
        <Method
          id="markers"
          title={t('climate.methods.markers')}
          text={t('climate.methods.markersText', coefficients)}
          amounts={total.markers}
        />
        <Method
          id="components"
          title={t('climate.methods.components')}
          text={t('climate.methods.componentsText', {
            activities: format.number(total.components.activities),
          })}
          amounts={total.components}
        />
      </div>
    </section>
  );
}
