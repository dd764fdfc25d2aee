/**
 * Annual average exchange rates, in units of the currency per 1 US dollar, for currencies that
 * CAREC members and development partners publish amounts in. To convert: USD = amount / perUsd
 * (e.g. 1,000 CAD in 2023 = 1000 / 1.3494 = 741.07 USD).
 *
 * Every value was read, digit for digit, in a stored copy of a public page; none is estimated,
 * interpolated, inverted or recalled. `perUsd` keeps the digits the source prints (only the
 * decimal comma of the Russian-language Knoema page is written as a point). Sources, in the
 * order of preference used when two give the same currency and year:
 *
 * 1. US Internal Revenue Service, "Yearly Average Currency Exchange Rates",
 *    https://www.irs.gov/individuals/international-taxpayers/yearly-average-currency-exchange-rates
 *    The page says its table "was revised on February 03, 2023, to reflect the typical cash
 *    exchange rates for the listed countries and years" and tells readers to divide the foreign
 *    amount by the rate. The stored copies of irs.gov (and the scribd copy of 30 April 2019,
 *    https://de.scribd.com/document/419586103/Yearly-Average-Currency-Exchange-Rates-Internal-Revenue-Service)
 *    show only the page's opening text, not its table, so the IRS values here are read where the
 *    table is reproduced:
 *    - https://www.taxesforexpats.com/expat-tax-advice/historical-fx-rates.html (copy of the
 *      2023-02-03 revision, columns 2022..2017; the stored copy ends at the China row, so only
 *      AFN, AUD, BRL and CAD are usable);
 *    - the "Euro Zone / Euro" row (columns 2024..2020) quoted from the current IRS page at
 *      https://euro2.net/home-seo-service-light/usd-to-euro-exchange-rate and
 *      https://eurodripusa.net/what-is-exchange-rate-of-dollar-to-euro (identical values; these
 *      are secondary blogs, kept because both agree with each other and, within rounding, with
 *      the inverse of the Federal Reserve's USD-per-euro averages).
 * 2. Board of Governors of the Federal Reserve System, statistical release G.5A "Foreign Exchange
 *    Rates (Annual)": averages of the daily noon buying rates in New York certified for customs
 *    by the Federal Reserve Bank of New York. Currencies the release quotes in US dollars per
 *    unit (marked *: AUD, EUR, NZD, GBP) are left out rather than inverted.
 *    - https://federalreserve.gov/releases/g5a/20240201 (release date February 1, 2024; 2020-2023)
 *    - https://federalreserve.gov/releases/g5a/20210104 (the stored page states "Release Date:
 *      November 1, 2021"; 2017-2020, 2020 identical to the 2024 release)
 *    - https://federalreserve.gov/releases/g5a/20160104/default.htm (2012-2015; INR, JPY and
 *      KRW printed with 2 decimals, MXN with 3)
 *    - https://federalreserve.gov/releases/G5A/19970107/G5A.htm (January 7, 1997; 1993-1996; the
 *      stored copy ends at Italy, so only CAD, CNY, DKK and INR)
 *    No stored G.5A release covers 2016 or 2024.
 * 3. World Bank World Development Indicators, PA.NUS.FCRF "Official exchange rate (LCU per US$,
 *    period average)", source IMF International Financial Statistics, as republished (rounded)
 *    at indexmundi.com (data to 2021) and, for KZT, KGS and RUB, at knoema.com (rounded to 0.1).
 *    Only 1990 onward is kept; AFN only from 2003, the first full year of the new afghani.
 *    EUR uses the Luxembourg page (euro since 1999); the Greece page prints the same values
 *    for 2001-2021, and 2020-2021 (0.88, 0.85) agree with the IRS row (0.877, 0.846).
 *
 * Disagreements noticed (the preferred value is the one kept):
 * - No two versions of the IRS table could be read for the same currency and year, so no
 *   IRS-versus-IRS difference from the 2023 revision can be shown from the stored copies.
 * - IRS (2023 revision) against Federal Reserve G.5A: close for 2018-2022, but the IRS 2017
 *   column is about 4 % higher: CAD 1.350 vs 1.2984, BRL 3.322 vs 3.1910 (AUD 1.358 vs the
 *   Fed's 0.7671 USD per AUD). Other years differ by at most a few thousandths relative, e.g.
 *   CAD 2020 1.341 vs 1.3422, BRL 2020 5.151 vs 5.1587.
 * - IRS AFN against World Bank: 2017 71.086 vs 68.03, 2018 73.598 vs 72.08, 2019 77.579 vs
 *   77.74, 2020 76.651 vs 76.81.
 *
 * Not covered because no readable stored source lists them: NZD, UZS, AZN, GEL, TJS, TMT, MNT,
 * TRY, SAR, KWD, AED, IRR, CZK, PLN, HUF, and KZT/KGS years other than 2000, 2005 and 2010-2024.
 * (Knoema's UZS row has empty cells whose years cannot be told apart, and its AZN and TJS values
 * are too coarse at one decimal; they are left out.)
 */
export interface AnnualRate {
  /** ISO 4217 code. */
  currency: string;
  year: number;
  /** Units of the currency per 1 US dollar, a decimal string exactly as published. */
  perUsd: string;
  /** Short citation with the address of the page the value was read on. */
  source: string;
}

const IRS_PAGE =
  'https://www.irs.gov/individuals/international-taxpayers/yearly-average-currency-exchange-rates';

const IRS_2023_REVISION =
  `IRS Yearly Average Currency Exchange Rates (table revised 2023-02-03), ${IRS_PAGE}, ` +
  'as reproduced at https://www.taxesforexpats.com/expat-tax-advice/historical-fx-rates.html';

const IRS_EURO_ZONE =
  `IRS Yearly Average Currency Exchange Rates (current table, Euro Zone row), ${IRS_PAGE}, ` +
  'as quoted at https://euro2.net/home-seo-service-light/usd-to-euro-exchange-rate and ' +
  'https://eurodripusa.net/what-is-exchange-rate-of-dollar-to-euro';

const G5A = 'Federal Reserve G.5A Foreign Exchange Rates (Annual)';
const FED_2024 = `${G5A}, release of 2024-02-01, https://federalreserve.gov/releases/g5a/20240201`;
const FED_2021 =
  `${G5A}, release 20210104 (page dated 2021-11-01), ` +
  'https://federalreserve.gov/releases/g5a/20210104';
const FED_2016 = `${G5A}, release of 2016-01-04, https://federalreserve.gov/releases/g5a/20160104/default.htm`;
const FED_1997 = `${G5A}, release of 1997-01-07, https://federalreserve.gov/releases/G5A/19970107/G5A.htm`;

const WDI = 'World Bank WDI PA.NUS.FCRF (IMF International Financial Statistics)';
const wdiIndexMundi = (address: string): string => `${WDI}, as republished at ${address}`;
const WDI_KNOEMA =
  `${WDI}, rounded to 0.1 as republished at ` +
  'http://ru.knoema.com/atlas/CIS/topics/%D0%AD%D0%BA%D0%BE%D0%BD%D0%BE%D0%BC%D0%B8%D0%BA%D0%B0/' +
  '%D0%A4%D0%B8%D0%BD%D0%B0%D0%BD%D1%81%D0%BE%D0%B2%D1%8B%D0%B9-%D1%81%D0%B5%D0%BA%D1%82%D0%BE%D1%80-' +
  '%D0%9E%D0%B1%D0%BC%D0%B5%D0%BD%D0%BD%D1%8B%D0%B5-%D0%BA%D1%83%D1%80%D1%81%D1%8B/' +
  '%D0%9E%D0%B1%D0%BC%D0%B5%D0%BD%D0%BD%D1%8B%D0%B9-%D0%BA%D1%83%D1%80%D1%81?mode=amp';

/**
 * One source table: `years` are its columns in printed order; each row holds the printed values,
 * separated by spaces as on the page (long rows split into lines of ten years), in that order.
 */
interface SourceTable {
  source: string;
  years: readonly number[];
  rows: Readonly<Record<string, readonly string[]>>;
}

function yearsFrom(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Tables in order of preference; a later table never overrides an earlier one's year. */
const TABLES: readonly SourceTable[] = [
  {
    source: IRS_EURO_ZONE,
    years: [2024, 2023, 2022, 2021, 2020],
    rows: { EUR: ['0.924 0.924 0.951 0.846 0.877'] },
  },
  {
    source: IRS_2023_REVISION,
    years: [2022, 2021, 2020, 2019, 2018, 2017],
    rows: {
      AFN: ['90.084 83.484 76.651 77.579 73.598 71.086'],
      AUD: ['1.442 1.332 1.452 1.439 1.340 1.358'],
      BRL: ['5.165 5.395 5.151 3.946 3.655 3.322'],
      CAD: ['1.301 1.254 1.341 1.327 1.297 1.350'],
    },
  },
  {
    source: FED_2024,
    years: [2023, 2022, 2021, 2020],
    rows: {
      BRL: ['4.9946 5.1605 5.3958 5.1587'],
      CAD: ['1.3494 1.3014 1.2533 1.3422'],
      CNY: ['7.0809 6.7290 6.4508 6.9042'],
      DKK: ['6.8900 7.0786 6.2897 6.5430'],
      INR: ['82.5708 78.5792 73.9351 74.1429'],
      JPY: ['140.5001 131.4589 109.8429 106.7754'],
      MXN: ['17.7334 20.1208 20.2844 21.5462'],
      NOK: ['10.5659 9.6138 8.5955 9.4283'],
      ZAR: ['18.4535 16.3598 14.7751 16.4932'],
      KRW: ['1306.7637 1291.7796 1144.8911 1180.5554'],
      SEK: ['10.6089 10.1177 8.5812 9.2167'],
      CHF: ['0.8984 0.9550 0.9144 0.9389'],
    },
  },
  {
    source: FED_2021,
    years: [2020, 2019, 2018, 2017],
    rows: {
      BRL: ['5.1587 3.9440 3.6513 3.1910'],
      CAD: ['1.3422 1.3269 1.2957 1.2984'],
      CNY: ['6.9042 6.9081 6.6090 6.7569'],
      DKK: ['6.5430 6.6703 6.3131 6.5957'],
      INR: ['74.1429 70.3777 68.3734 65.0659'],
      JPY: ['106.7754 109.0188 110.3974 112.0986'],
      MXN: ['21.5462 19.2469 19.2179 18.8841'],
      NOK: ['9.4283 8.8001 8.1318 8.2679'],
      ZAR: ['16.4932 14.4475 13.2255 13.2943'],
      KRW: ['1180.5554 1165.8016 1099.2926 1129.0435'],
      SEK: ['9.2167 9.4604 8.6945 8.5430'],
      CHF: ['0.9389 0.9937 0.9784 0.9842'],
    },
  },
  {
    source: FED_2016,
    years: [2015, 2014, 2013, 2012],
    rows: {
      BRL: ['3.3360 2.3512 2.1570 1.9535'],
      CAD: ['1.2791 1.1043 1.0300 0.9995'],
      CNY: ['6.2827 6.1620 6.1478 6.3093'],
      DKK: ['6.7263 5.6151 5.6170 5.7922'],
      INR: ['64.11 61.00 58.51 53.37'],
      JPY: ['121.05 105.74 97.60 79.82'],
      MXN: ['15.873 13.302 12.758 13.154'],
      NOK: ['8.0681 6.2969 5.8772 5.8181'],
      ZAR: ['12.7645 10.8420 9.6436 8.2014'],
      KRW: ['1130.96 1052.29 1094.67 1126.16'],
      SEK: ['8.4350 6.8576 6.5124 6.7721'],
      CHF: ['0.9628 0.9147 0.9269 0.9377'],
    },
  },
  {
    source: FED_1997,
    years: [1996, 1995, 1994, 1993],
    rows: {
      CAD: ['1.3638 1.3725 1.3664 1.2902'],
      CNY: ['8.3395 8.3700 8.6404 5.7795'],
      DKK: ['5.8009 5.5999 6.3561 6.4863'],
      INR: ['35.510 32.418 31.394 31.291'],
    },
  },
  {
    source: wdiIndexMundi('https://www.indexmundi.com/facts/afghanistan/indicator/PA.NUS.FCRF'),
    years: yearsFrom(2003, 2020),
    rows: {
      AFN: [
        '48.76 47.85 49.49 49.93 49.96 50.25 50.33 46.45 46.75 50.92',
        '55.38 57.25 61.14 67.87 68.03 72.08 77.74 76.81',
      ],
    },
  },
  {
    source: wdiIndexMundi('http://www.indexmundi.com/facts/pakistan/indicator/PA.NUS.FCRF'),
    years: yearsFrom(1990, 2021),
    rows: {
      PKR: [
        '21.71 23.80 25.08 28.11 30.57 31.64 36.08 41.11 45.05 49.50',
        '53.65 61.93 59.72 57.75 58.26 59.51 60.27 60.74 70.41 81.71',
        '85.19 86.34 93.40 101.63 101.10 102.77 104.77 105.46 121.82 150.04',
        '161.84 162.91',
      ],
    },
  },
  {
    source: wdiIndexMundi('https://www.indexmundi.com/facts/united-kingdom/indicator/PA.NUS.FCRF'),
    years: yearsFrom(1990, 2021),
    rows: {
      GBP: [
        '0.563 0.567 0.570 0.667 0.653 0.634 0.641 0.611 0.604 0.618',
        '0.661 0.695 0.667 0.612 0.546 0.550 0.543 0.500 0.544 0.642',
        '0.647 0.624 0.633 0.640 0.608 0.655 0.741 0.777 0.750 0.783',
        '0.780 0.727',
      ],
    },
  },
  {
    source: wdiIndexMundi('https://www.indexmundi.com/facts/luxembourg/indicator/PA.NUS.FCRF'),
    years: yearsFrom(1999, 2021),
    rows: {
      EUR: [
        '0.94 1.08 1.12 1.06 0.88 0.80 0.80 0.80 0.73 0.68',
        '0.72 0.75 0.72 0.78 0.75 0.75 0.90 0.90 0.89 0.85',
        '0.89 0.88 0.85',
      ],
    },
  },
  {
    source: WDI_KNOEMA,
    years: [2000, 2005, ...yearsFrom(2010, 2024)],
    rows: {
      KZT: [
        '142.1 132.9 147.4 146.6 149.1 152.1 179.2 221.7 342.2 326.0',
        '344.7 382.7 413.0 425.9 460.2 456.2 469.0',
      ],
      KGS: [
        '47.7 41.0 46.0 46.1 47.0 48.4 53.7 64.5 69.9 68.9',
        '68.8 69.8 77.3 84.6 84.1 87.9 87.2',
      ],
    },
  },
  {
    // Knoema's Russian Federation row is cut off after its third value in the stored copy.
    source: WDI_KNOEMA,
    years: [2000, 2005, 2010],
    rows: { RUB: ['28.1 28.3 30.4'] },
  },
];

function flatten(tables: readonly SourceTable[]): AnnualRate[] {
  const seen = new Set<string>();
  const rates: AnnualRate[] = [];
  for (const { source, years, rows } of tables) {
    for (const [currency, lines] of Object.entries(rows)) {
      const values = lines.join(' ').trim().split(/\s+/);
      if (values.length !== years.length) {
        throw new Error(
          `${currency} in "${source}": ${values.length} values, ${years.length} years`,
        );
      }
      values.forEach((perUsd, i) => {
        const year = years[i] as number;
        const key = `${currency}/${year}`;
        if (seen.has(key)) return;
        seen.add(key);
        rates.push({ currency, year, perUsd, source });
      });
    }
  }
  return rates.sort((a, b) => a.currency.localeCompare(b.currency) || a.year - b.year);
}

/** One row per currency and year, sorted by currency then year. */
export const ANNUAL_RATES: readonly AnnualRate[] = Object.freeze(flatten(TABLES));

/** The published rate of a currency for a year, if the table has one. */
export function annualRate(currency: string, year: number): AnnualRate | undefined {
  return ANNUAL_RATES.find((rate) => rate.currency === currency && rate.year === year);
}
