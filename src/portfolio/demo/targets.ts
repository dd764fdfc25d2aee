/**
 * What the demo portfolio adds up to: the published CAREC portfolio to December 2023
 * (DESIGN.md), in US dollars.
 */
import type { FunderClass } from './partners.ts';
import type { SectorGroup } from './kinds.ts';

export const TOTAL_USD = 51e9;

export const BY_CLASS: Readonly<Record<FunderClass, number>> = {
  adb: 17.6e9,
  partner: 23.4e9,
  gov: 10e9,
};

export const BY_GROUP: Readonly<Record<SectorGroup, number>> = {
  transport: 0.674 * TOTAL_USD,
  energy: 0.25 * TOTAL_USD,
  trade: 0.027 * TOTAL_USD,
  other: (1 - 0.674 - 0.25 - 0.027) * TOTAL_USD,
};

/** Commitments by recipient (country percentage applied); Uzbekistan, Kazakhstan, Azerbaijan lead. */
export const BY_COUNTRY: Readonly<Record<string, number>> = {
  UZ: 10.6e9,
  KZ: 9.5e9,
  AZ: 6.4e9,
  PK: 5.2e9,
  GE: 4.1e9,
  MN: 3.4e9,
  AF: 3.0e9,
  TJ: 2.7e9,
  KG: 2.6e9,
  CN: 2.0e9,
  TM: 1.5e9,
};

/** Single-country projects per member; regional ones come on top. */
export const PROJECTS_PER_COUNTRY: Readonly<Record<string, number>> = {
  UZ: 37,
  KZ: 30,
  AZ: 20,
  PK: 25,
  GE: 22,
  MN: 24,
  AF: 21,
  TJ: 24,
  KG: 26,
  CN: 14,
  TM: 8,
};

export const REGIONAL_PROJECTS = 29;

/** The date the demo portfolio is reported at: statuses and actuals are as of this day. */
export const AS_OF = '2025-06-30';
export const FIRST_YEAR = 2001;
export const LAST_APPROVAL_YEAR = 2024;
