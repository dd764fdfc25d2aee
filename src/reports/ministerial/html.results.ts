import { MEMBER_CODES } from '../../reference/index.ts';
import type { Point, ScorecardEntry } from '../../results/scorecard.service.ts';
import { statusDot } from './charts.ts';
import { esc, paragraph, section, table, type RenderContext } from './html.kit.ts';
import { countryName, number, percent, statusName } from './i18n.ts';

/** The scorecard: each indicator for the programme, then a matrix of statuses by member. */
export function resultsSection(ctx: RenderContext): string {
  const { w, lang, data } = ctx;
  const card = data.results;
  const source = (p: Point) =>
    p.source === 'derived' ? w.derived : p.source === 'interpolated' ? w.interpolated : w.recorded;
  const point = (p: Point | null, decimals: number) => ({
    html: p
      ? `${esc(number(lang, p.value, decimals))}<br><small>${esc(`${p.year}, ${source(p)}`)}</small>`
      : '–',
  });
  const status = (e: ScorecardEntry) => ({
    html: `${statusDot(e.status, statusName(lang, e.status))} ${esc(statusName(lang, e.status))}`,
    numeric: false,
  });
  const programme = table(
    [w.indicator, w.baseline, w.target, w.actual, w.progress, w.status],
    card.indicators.map((i) => [
      { html: `${esc(`${i.code} ${i.name[lang]}`)}<br><small>${esc(i.unit[lang])}</small>` },
      point(i.programme.baseline, i.decimals),
      point(i.programme.target, i.decimals),
      point(i.programme.actual, i.decimals),
      i.programme.progress === null ? '–' : percent(lang, i.programme.progress * 100),
      status(i.programme),
    ]),
  );
  const matrix = table(
    [w.indicator, ...MEMBER_CODES],
    card.indicators.map((i) => [
      i.code,
      ...MEMBER_CODES.map((code) => {
        const entry = i.countries.find((c) => c.country === code)!;
        return {
          html: statusDot(
            entry.status,
            `${countryName(lang, code)}: ${statusName(lang, entry.status)}`,
          ),
          numeric: false,
        };
      }),
    ]),
  );
  const legend = (['on_track', 'at_risk', 'off_track', 'no_data'] as const)
    .map((s) => `${statusDot(s, statusName(lang, s))} ${esc(statusName(lang, s))}`)
    .join(' &nbsp; ');
  return section(
    'results',
    `${w.results} ${card.year}`,
    paragraph(w.resultsIntro(card.rule.onTrack * 100, card.rule.atRisk * 100)) +
      programme +
      `<h3>${esc(w.byMember)}</h3><p>${legend}</p>` +
      matrix,
  );
}
