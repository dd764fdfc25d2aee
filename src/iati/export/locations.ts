/** Locations: reach, identifiers, names, administrative areas and the point. */
import type { Location } from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import { plainNumber } from './lexical.ts';
import { textElement } from './narratives.ts';

/** GML pos: latitude, then longitude, in plain decimal digits. */
function point(ctx: ActivityContext, where: string, location: Location): void {
  const p = location.point;
  if (p === null) return;
  if (!Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) {
    ctx.problem(`${where}/point/pos`, 'latitude and longitude must be finite numbers');
  }
  ctx.xml.element('point', { srsName: p.srsName }, () => {
    ctx.xml.text('pos', {}, `${plainNumber(p.latitude)} ${plainNumber(p.longitude)}`);
  });
}

function location(ctx: ActivityContext, where: string, l: Location): void {
  ctx.code('location-reach', l.reach);
  for (const id of l.ids)
    ctx.xml.element('location-id', { code: id.code, vocabulary: id.vocabulary });
  textElement(ctx, 'name', `${where}/name`, l.name);
  textElement(ctx, 'description', `${where}/description`, l.description);
  textElement(ctx, 'activity-description', `${where}/activity-description`, l.activityDescription);
  l.administratives.forEach((area, i) => {
    const level = ctx.nonNegativeInteger(`${where}/administrative[${i + 1}]/@level`, area.level);
    ctx.xml.element('administrative', { code: area.code, vocabulary: area.vocabulary, level });
  });
  point(ctx, where, l);
  ctx.code('exactness', l.exactness);
  ctx.code('location-class', l.locationClass);
  ctx.code('feature-designation', l.featureDesignation);
}

export function locations(ctx: ActivityContext, list: Location[]): void {
  list.forEach((l, i) => {
    const where = `location[${i + 1}]`;
    ctx.xml.element('location', { ref: l.ref }, () => location(ctx, where, l));
  });
}
