import { createHash } from 'node:crypto';
import { esc, paragraph, type RenderContext } from './html.kit.ts';
import { climateSection } from './html.climate.ts';
import { facilitySection } from './html.facility.ts';
import { portfolioSections } from './html.portfolio.ts';
import { recordSection, sourcesSection } from './html.record.ts';
import { resultsSection } from './html.results.ts';
import { countryName, date, words, type Lang } from './i18n.ts';
import type { ReportFigures } from './snapshot.service.ts';

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d1d1d; max-width: 760px; margin: 0 auto; }
h1 { font-size: 22pt; margin: 0 0 8pt; color: #1f4e79; }
h2 { font-size: 15pt; color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 3pt; break-before: page; }
h3 { font-size: 12pt; margin: 14pt 0 6pt; }
h4 { font-size: 10.5pt; margin: 8pt 0 4pt; }
.cover { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.cover p { font-size: 12pt; }
.notice { border: 1px solid #e0a800; background: #fff8e1; padding: 6pt 8pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 9pt; break-inside: auto; }
th, td { border-bottom: 1px solid #d0d0d0; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
small { color: #555555; font-size: 7.5pt; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 6pt 0; break-inside: avoid; }
svg.dot { vertical-align: middle; }
nav ol { columns: 2; }
`;

/** The hash that lets the page's one style element through the Content-Security-Policy. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function cover(ctx: RenderContext, figures: ReportFigures): string {
  const { w, lang, data } = ctx;
  const c = data.conference;
  const heading = c ? w.conference(c.number) : w.noConference(data.year);
  const place = c
    ? [
        lang === 'ru' ? c.cityRu : c.cityEn,
        c.date ? date(lang, c.date) : String(c.year),
        c.chair ? `${w.chairedBy} ${countryName(lang, c.chair)}` : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  const snapshot = figures.snapshot
    ? `${w.snapshot} ${figures.snapshot.id.slice(0, 12)} (${w.taken} ${figures.snapshot.takenAt})`
    : w.notFrozen;
  return (
    `<div class="cover"><h1>${esc(w.title)}</h1>` +
    `<p><strong>${esc(heading)}</strong>${place ? `<br>${esc(place)}` : ''}</p>` +
    (c?.theme ? paragraph(`«${c.theme[lang]}»`) : '') +
    paragraph(`${w.asOf} ${date(lang, data.asOf)}`) +
    paragraph(snapshot) +
    (data.demoActivities > 0
      ? `<p class="notice">${esc(w.demoNotice(data.demoActivities))}</p>`
      : '') +
    '</div>'
  );
}

function contents(ctx: RenderContext): string {
  const { w } = ctx;
  const items: [string, string][] = [
    ['overview', w.overview],
    ['approvals', w.approvals],
    ['facility', w.facility],
    ['climate', w.climate],
    ['results', w.results],
    ['decisions', w.decisions],
    ['sources', w.sources],
  ];
  return `<nav><h3>${esc(w.contents)}</h3><ol>${items
    .map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`)
    .join('')}</ol></nav>`;
}

/** The report as one self-contained HTML page: no script, no external resource. */
export function renderMinisterial(figures: ReportFigures, lang: Lang): string {
  const ctx: RenderContext = { lang, w: words(lang), data: figures.data };
  const title = `${ctx.w.title} ${figures.data.year}`;
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>` +
    cover(ctx, figures) +
    contents(ctx) +
    portfolioSections(ctx) +
    facilitySection(ctx) +
    climateSection(ctx) +
    resultsSection(ctx) +
    recordSection(ctx) +
    sourcesSection(ctx, figures.snapshot) +
    '</body></html>'
  );
}
