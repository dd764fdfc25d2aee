import type { Conference } from '../../reference/conferences.ts';
import { esc, paragraph, section, table, type RenderContext } from './html.kit.ts';
import { date, number, partnerName, rateSource } from './i18n.ts';

function decisions(ctx: RenderContext, conference: Conference): string {
  const { w, lang } = ctx;
  if (conference.decisions.length === 0) return paragraph(w.noDecisions);
  const items = conference.decisions.map((d) => {
    const link = d.starts;
    const started =
      link === null
        ? ''
        : link.kind === 'facility'
          ? w.startsFacility
          : link.kind === 'project'
            ? link.iatiIdentifier
            : link.name[lang];
    return `<li>${esc(d.text[lang])}${started ? ` → <em>${esc(started)}</em>` : ''}</li>`;
  });
  const documents = conference.documents.map(
    (d) =>
      `<li>${d.url ? `<a href="${esc(d.url)}">${esc(d.title[lang])}</a>` : esc(d.title[lang])}</li>`,
  );
  return (
    `<ul>${items.join('')}</ul>` +
    (documents.length > 0 ? `<h4>${esc(w.documents)}</h4><ul>${documents.join('')}</ul>` : '')
  );
}

/** The conference's decisions, and those of the one before. */
export function recordSection(ctx: RenderContext): string {
  const { w, lang, data } = ctx;
  const parts: string[] = [];
  for (const c of [data.conference, data.previous]) {
    if (!c) continue;
    const when = c.date ? date(lang, c.date) : String(c.year);
    parts.push(
      `<h3>${esc(`${w.conference(c.number)}, ${lang === 'ru' ? c.cityRu : c.cityEn}, ${when}`)}</h3>`,
    );
    parts.push(decisions(ctx, c));
  }
  return section('decisions', w.decisions, parts.join('') || paragraph(w.noDecisions));
}

/** Where every figure comes from, with dates, the exchange rates and the snapshot. */
export function sourcesSection(
  ctx: RenderContext,
  snapshot: { id: string; takenAt: string } | null,
): string {
  const { w, lang, data } = ctx;
  const s = data.sources;
  const publishers = table(
    [w.publisher, w.activities, w.lastUpdated, w.demo],
    s.publishers.map((p) => [
      `${partnerName(lang, p.ref)} (${p.ref})`,
      number(lang, p.activities),
      p.lastUpdated ? date(lang, p.lastUpdated) : '–',
      number(lang, p.demo),
    ]),
  );
  const runs =
    s.importRuns.length === 0
      ? paragraph(`${w.importRuns}: ${w.none}`)
      : table(
          [w.importRuns, w.finished, w.activities],
          s.importRuns.map((r) => [r.source, date(lang, r.finishedAt), number(lang, r.activities)]),
        );
  const rates = table(
    [w.currency, w.rateSource, w.transactions],
    s.exchangeRates.map((r) => [
      r.currency,
      rateSource(lang, r.source),
      number(lang, r.transactions),
    ]),
    2,
  );
  const shares =
    s.climateShares.length === 0
      ? ''
      : `<h3>${esc(w.climateShareSources)}</h3>` +
        table(
          [w.rateSource, w.activities],
          s.climateShares.map((c) => [c.source, number(lang, c.activities)]),
        );
  const record = [data.conference, data.previous]
    .flatMap((c) => c?.sources ?? [])
    .map((url) => `<li>${esc(url)}</li>`)
    .join('');
  const provenance = [
    `${w.asOf}: ${date(lang, data.asOf)}`,
    `${w.computedAt}: ${data.computedAt}`,
    snapshot ? `${w.snapshot}: ${snapshot.id} (${w.taken} ${snapshot.takenAt})` : w.notFrozen,
  ];
  return section(
    'sources',
    w.sources,
    `<ul>${provenance.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` +
      publishers +
      runs +
      `<h3>${esc(w.exchangeRates)}</h3>${rates}${shares}` +
      (record ? `<h3>${esc(w.conferenceSources)}</h3><ul>${record}</ul>` : ''),
  );
}
