import { isCode } from '../../reference/codes.ts';
import type { Location, Narrative } from '../../portfolio/activity.model.ts';
import { V1_GAZETTEER } from './legacy-codes.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

const WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
const POS = /^(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)$/;

export function readLocations(r: ActivityReader, activity: El): Location[] {
  return r
    .all(activity, 'location')
    .map((el) => (isV1(el) ? readV1Location(r, el) : readLocation(r, el)));
}

// Some files that say 1.0x are written the 2.0x way (the 1.03 example); read what is there.
function isV1(el: El): boolean {
  return el.node.children.some((child) => V1_ONLY.has(child.name));
}

const V1_ONLY = new Set(['coordinates', 'gazetteer-entry', 'location-type', 'percentage']);

function readLocation(r: ActivityReader, el: El): Location {
  const text = (name: string): Narrative[] => {
    const part = r.one(el, name);
    return part ? r.narratives(part, true) : [];
  };
  const code = (name: string, list: Parameters<ActivityReader['code']>[2]): string | null => {
    const part = r.one(el, name);
    return part && r.codeElement(part, list);
  };
  const ids: Location['ids'] = [];
  for (const id of r.all(el, 'location-id')) ids.push(...geographicCode(r, id));
  return {
    ref: r.value(el, 'ref'),
    reach: code('location-reach', null),
    ids,
    name: text('name'),
    description: text('description'),
    activityDescription: text('activity-description'),
    administratives: r
      .all(el, 'administrative')
      .flatMap((admin) =>
        geographicCode(r, admin).map((found) => ({ ...found, level: r.value(admin, 'level') })),
      ),
    point: readPoint(r, el),
    exactness: code('exactness', 'GeographicExactness'),
    locationClass: code('location-class', 'GeographicLocationClass'),
    featureDesignation: code('feature-designation', 'LocationType'),
  };
}

/**
 * A location-id or administrative code. UNICEF's files give many without a code or with
 * vocabulary "1": such an entry identifies nothing, so it is left out with a warning.
 */
function geographicCode(r: ActivityReader, el: El): { vocabulary: string; code: string }[] {
  const vocabulary = r.value(el, 'vocabulary');
  const code = r.value(el, 'code');
  if (vocabulary === null || code === null) {
    r.warn(el, `has no @${vocabulary === null ? 'vocabulary' : 'code'}; left out`);
    return [];
  }
  if (r.full && !isCode('GeographicVocabulary', vocabulary)) {
    r.warn(el, `"${vocabulary}" is not a GeographicVocabulary code; left out`, 'vocabulary');
    return [];
  }
  return [{ vocabulary, code }];
}

function readPoint(r: ActivityReader, location: El): Location['point'] {
  const el = r.one(location, 'point');
  if (el === null) return null;
  let srsName = r.value(el, 'srsName');
  if (srsName === null) {
    // WHO's and OCHA's files leave it out; IATI allows only WGS 84 anyway.
    r.warn(el, `has no @srsName; read as ${WGS84}`);
    srsName = WGS84;
  }
  const pos = r.one(el, 'pos', true);
  if (pos === null) return null;
  const coordinates = latLng(r, pos, pos.node.text.trim());
  return coordinates && { srsName, ...coordinates };
}

function latLng(
  r: ActivityReader,
  el: El,
  text: string,
): { latitude: number; longitude: number } | null {
  const match = POS.exec(text);
  const latitude = Number(match?.[1]);
  const longitude = Number(match?.[2]);
  if (!match || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    r.error(el, `${JSON.stringify(text)} is not "latitude longitude" in degrees`);
    return null;
  }
  return { latitude, longitude };
}

/** Version 1: names as text, coordinates as attributes, administrative country codes. */
function readV1Location(r: ActivityReader, el: El): Location {
  const text = (name: string): Narrative[] => {
    const part = r.one(el, name);
    return part ? r.narratives(part) : [];
  };
  const coordinates = r.one(el, 'coordinates');
  const lat = coordinates && r.value(coordinates, 'latitude');
  const lng = coordinates && r.value(coordinates, 'longitude');
  const point =
    coordinates && lat !== null && lng !== null ? latLng(r, coordinates, `${lat} ${lng}`) : null;
  const administratives: Location['administratives'] = [];
  for (const admin of r.all(el, 'administrative')) {
    const country = r.value(admin, 'country');
    if (country !== null) administratives.push({ vocabulary: 'A4', level: null, code: country });
  }
  const ids: Location['ids'] = [];
  for (const entry of r.all(el, 'gazetteer-entry')) {
    const agency = r.value(entry, 'gazetteer-ref');
    const vocabulary = agency && (V1_GAZETTEER.get(agency.toLowerCase()) ?? null);
    const value = entry.node.text.trim();
    if (vocabulary && value !== '') ids.push({ vocabulary, code: value });
  }
  const type = r.one(el, 'location-type');
  return {
    ref: r.value(el, 'ref'),
    reach: null,
    ids,
    name: text('name'),
    description: text('description'),
    activityDescription: text('activity-description'),
    administratives,
    point: point && { srsName: WGS84, ...point },
    exactness: null,
    locationClass: null,
    featureDesignation: type && r.value(type, 'code'),
  };
}
