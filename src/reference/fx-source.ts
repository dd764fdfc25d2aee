/** The source recorded for a value published in US dollars: no rate was needed. */
export const USD_AS_PUBLISHED = 'published in USD';
