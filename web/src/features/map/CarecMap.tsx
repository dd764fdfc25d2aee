import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from '../../app/router.tsx';
import type { MultiPolygon, Polygon } from 'geojson';
import { ChartFigure } from '../../components/ChartFigure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { CORRIDOR_COLOURS, SHADES } from '../../components/palette.ts';
import { useFormat } from '../../app/format.ts';
import { CORRIDORS, MEMBERS, useNames } from '../../app/names.ts';
import { useLocalPath } from '../../app/url.ts';
import { loadAtlas, type Atlas } from './atlas.ts';
import { corridorLines } from './corridors.ts';

/** The region's frame in degrees, and the drawing's scale. */
const WEST = 39;
const EAST = 135;
const NORTH = 55.8;
const SOUTH = 19;
/** Equirectangular, with longitude shrunk by the cosine of the region's middle latitude. */
const X_SCALE = 10 * Math.cos((38 * Math.PI) / 180);
const Y_SCALE = 10;
const WIDTH = Math.round((EAST - WEST) * X_SCALE);
const HEIGHT = Math.round((NORTH - SOUTH) * Y_SCALE);
const NO_DATA = '#e9eef0';

const project = (point: readonly number[]): [number, number] => [
  (point[0]! - WEST) * X_SCALE,
  (NORTH - point[1]!) * Y_SCALE,
];

function pathOf(geometry: Polygon | MultiPolygon): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ring.forEach((point, i) => {
        const [x, y] = project(point);
        d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

function shadeOf(value: number, max: number): string {
  if (value <= 0 || max <= 0) return NO_DATA;
  const step = Math.min(SHADES.length - 1, Math.floor(Math.sqrt(value / max) * SHADES.length));
  return SHADES[step]!;
}

/** Labels of the small members sit beside them, where there is room. */
const LABEL_NUDGE: Readonly<Record<string, [number, number]>> = {
  GE: [-4, -14],
  AZ: [6, 16],
  KG: [10, -8],
  TJ: [-6, 14],
};

// The map data is fetched as soon as a page with a map loads, in parallel with its figures.
void loadAtlas().catch(() => undefined);

export interface MapPoint {
  name: string;
  lon: number;
  lat: number;
}

/**
 * The CAREC members shaded by an amount, the six corridors drawn schematically, and points
 * (project locations) when given: SVG drawn from world-atlas, offline. Every member and corridor
 * is a link, reachable by keyboard; the table shows the same figures.
 */
export function CarecMap({
  id = 'map',
  title,
  values,
  valueLabel,
  corridors = true,
  highlight,
  points = [],
}: {
  id?: string;
  title: string;
  /** Amount by member ISO alpha-2. */
  values: ReadonlyMap<string, number>;
  valueLabel: string;
  corridors?: boolean;
  /** Members to outline, e.g. a corridor's. */
  highlight?: readonly string[];
  points?: MapPoint[];
}) {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const navigate = useNavigate();
  const local = useLocalPath();
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const svg = useRef<SVGSVGElement>(null);

  useEffect(() => {
    loadAtlas().then(setAtlas, setFailed);
  }, []);

  const shapes = useMemo(
    () =>
      atlas?.geoJson.features.map((f) => ({ name: f.properties.name, d: pathOf(f.geometry) })) ??
      [],
    [atlas],
  );
  const lines = useMemo(
    () => (atlas && corridors ? corridorLines(atlas.centres) : []),
    [atlas, corridors],
  );

  useEffect(() => {
    const element = svg.current;
    if (atlas && element && !element.dataset['drawn']) {
      element.dataset['drawn'] = 'true';
      performance.mark(`caravan:drawn:${id}`);
    }
  }, [atlas, id]);

  if (failed) return <ErrorMessage error={failed} />;
  if (!atlas) return <Loading />;

  const max = Math.max(0, ...values.values());
  const go = (href: string) => (event: MouseEvent) => {
    event.preventDefault();
    void navigate(href);
  };
  const members = new Set(MEMBERS.map((m) => m.iso2));
  const rows = MEMBERS.map((m) => ({ iso2: m.iso2, value: values.get(m.iso2) ?? 0 })).sort(
    (a, b) => b.value - a.value,
  );
  const total = rows.reduce((s, r) => s + r.value, 0);

  const drawing = (
    <svg
      ref={svg}
      className="carec-map"
      data-chart={id}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={title}
    >
      <rect width={WIDTH} height={HEIGHT} className="sea" />
      {shapes
        .filter((s) => !members.has(s.name))
        .map((s) => (
          <path key={s.name} d={s.d} className="other-country" />
        ))}
      {shapes
        .filter((s) => members.has(s.name))
        .map((s) => {
          const value = values.get(s.name) ?? 0;
          const label = `${names.country(s.name)}: ${valueLabel} ${format.money(value)}`;
          const href = local(`/countries/${s.name}`);
          return (
            <a
              key={s.name}
              href={href}
              onClick={go(href)}
              aria-label={label}
              className="map-country"
            >
              <title>{label}</title>
              <path
                d={s.d}
                fill={shadeOf(value, max)}
                className={highlight?.includes(s.name) ? 'highlight' : undefined}
              />
            </a>
          );
        })}
      {lines.map((line) => {
        const href = local(`/corridors/${line.number}`);
        const label = `${t('map.corridor', { number: line.number })}: ${names.corridor(line.number)}`;
        return (
          <a
            key={line.number}
            href={href}
            onClick={go(href)}
            aria-label={label}
            className="map-corridor"
          >
            <title>{label}</title>
            <polyline
              points={line.coords
                .map((c) =>
                  project(c)
                    .map((v) => v.toFixed(1))
                    .join(','),
                )
                .join(' ')}
              stroke={CORRIDOR_COLOURS[line.number - 1]}
            />
          </a>
        );
      })}
      {points.map((p, i) => {
        const [x, y] = project([p.lon, p.lat]);
        return (
          <circle key={i} cx={x} cy={y} r={6} className="map-point">
            <title>{p.name}</title>
          </circle>
        );
      })}
      {MEMBERS.map((m) => {
        const centre = atlas.centres.get(m.iso2);
        if (!centre) return null;
        const [x, y] = project(centre);
        const [dx, dy] = LABEL_NUDGE[m.iso2] ?? [0, 0];
        const dark = (values.get(m.iso2) ?? 0) / (max || 1) > 0.3 && !LABEL_NUDGE[m.iso2];
        return (
          <text
            key={m.iso2}
            x={x + dx}
            y={y + dy}
            className={dark ? 'map-label on-dark' : 'map-label'}
            aria-hidden="true"
          >
            {names.countryShort(m.iso2)}
          </text>
        );
      })}
    </svg>
  );

  return (
    <ChartFigure
      id={id}
      title={title}
      drawing={drawing}
      table={
        <DataTable
          caption={title}
          captionHidden
          columns={[
            {
              key: 'country',
              header: t('common.country'),
              cell: (r) => <Link to={local(`/countries/${r.iso2}`)}>{names.country(r.iso2)}</Link>,
            },
            {
              key: 'value',
              header: valueLabel,
              numeric: true,
              cell: (r) => format.moneyFull(r.value),
            },
            {
              key: 'share',
              header: t('common.share'),
              numeric: true,
              cell: (r) => format.percent(total ? r.value / total : 0),
            },
          ]}
          rows={rows}
          rowKey={(r) => r.iso2}
        />
      }
      footer={
        <div className="map-legend">
          <div className="shade-scale" aria-hidden="true">
            <span>{t('map.less')}</span>
            {SHADES.map((s, i) => (
              <span key={s} className={`swatch shade-${i}`} />
            ))}
            <span>{t('map.more')}</span>
          </div>
          {corridors ? (
            <>
              <ul className="corridor-legend" aria-label={t('map.corridors')}>
                {CORRIDORS.map((c) => (
                  <li key={c.number}>
                    <span className={`line corridor-${c.number}`} aria-hidden="true" />
                    <Link to={local(`/corridors/${c.number}`)}>
                      {t('map.corridor', { number: c.number })}: {names.corridor(c.number)}
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="note">{t('map.schematic')}</p>
            </>
          ) : null}
          <p className="note">{t('map.click')}</p>
        </div>
      }
    />
  );
}
