/**
 * IATI 1.0x codes and words and the 2.0x codes they became (1.05 schema and codelists).
 * Keys are lower case; the reader also tries the code as published. Transaction-type letters
 * also turn up in 2.0x files (d-portal re-serialisations), so they are read in every version.
 */

/** Version 1 files: @version 1.x (or the 2010 drafts' 1.0), empty, or absent. */
export function isLegacyVersion(version: string | null): boolean {
  const trimmed = version?.trim() ?? '';
  return trimmed === '' || /^[01](\.|$)/.test(trimmed);
}

export const V1_TRANSACTION_TYPE: ReadonlyMap<string, string> = new Map([
  ['if', '1'], // incoming funds
  ['c', '2'], // commitment
  ['d', '3'], // disbursement
  ['e', '4'], // expenditure
  ['ir', '5'], // interest repayment
  ['lr', '6'], // loan repayment
  ['r', '7'], // reimbursement
  ['qp', '8'], // purchase of equity
  ['qs', '9'], // sale of equity
  ['cg', '10'], // credit guarantee
]);

export const V1_ORGANISATION_ROLE: ReadonlyMap<string, string> = new Map([
  ['funding', '1'],
  ['donor', '1'], // 2010 drafts
  ['accountable', '2'],
  ['extending', '3'],
  ['implementing', '4'],
  ['un-ocha-implementing-partner', '4'], // OCHA's 2010 draft
]);

/** Version 1 files (and the 2010 drafts) also wrote organisation types as words. */
export const V1_ORGANISATION_TYPE: ReadonlyMap<string, string> = new Map([
  ['government', '10'],
  ['local government', '11'],
  ['other public sector', '15'],
  ['international ngo', '21'],
  ['national ngo', '22'],
  ['regional ngo', '23'],
  ['public private partnership', '30'],
  ['multilateral', '40'],
  ['foundation', '60'],
  ['private sector', '70'],
  ['academic, training and research', '80'],
]);

export const V1_ACTIVITY_DATE_TYPE: ReadonlyMap<string, string> = new Map([
  ['start-planned', '1'],
  ['start-actual', '2'],
  ['end-planned', '3'],
  ['end-actual', '4'],
  // 2010 drafts say only start and end; planned is the weaker claim.
  ['start', '1'],
  ['end', '3'],
]);

export const V1_SECTOR_VOCABULARY: ReadonlyMap<string, string> = new Map([
  ['dac', '1'],
  ['dac-3', '2'],
  ['cofog', '3'],
  ['nace', '4'],
  ['ntee', '5'],
  ['adt', '6'], // AidData
  ['ro', '99'], // reporting organisation
  ['ro2', '98'],
]);

/** 1.0x policy-marker and region vocabularies: DAC became 1, RO (reporting org) 99. */
export const V1_VOCABULARY: ReadonlyMap<string, string> = new Map([
  ['dac', '1'],
  ['ro', '99'],
]);

export const V1_DESCRIPTION_TYPE: ReadonlyMap<string, string> = new Map([
  ['general', '1'],
  ['objectives', '2'],
  ['target groups', '3'],
  ['other', '4'],
]);

export const V1_RESULT_TYPE: ReadonlyMap<string, string> = new Map([
  ['output', '1'],
  ['outcome', '2'],
  ['impact', '3'],
  ['other', '9'],
]);

export const V1_INDICATOR_MEASURE: ReadonlyMap<string, string> = new Map([
  ['unit', '1'],
  ['percentage', '2'],
  ['text', '5'], // qualitative
  ['qualitative', '5'],
]);

export const V1_BUDGET_TYPE: ReadonlyMap<string, string> = new Map([
  ['original', '1'],
  ['revised', '2'],
]);

export const V1_GAZETTEER: ReadonlyMap<string, string> = new Map([
  ['geo', 'G1'], // GeoNames
  ['osm', 'G2'], // OpenStreetMap
]);
