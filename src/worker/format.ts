// How dates and durations read on the page. Every time on the site is UTC.

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-10-27" or "2026-10-27T09:30:00Z" -> "27 October 2026". */
export const longDate = (isoDate: string): string =>
  LONG_DATE.format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate));

export const minutes = (n: number): string => `${n} min`;

const THOUSANDS = new Intl.NumberFormat("en-GB");

/** 1234 -> "1,234". */
export const thousands = (n: number): string => THOUSANDS.format(n);
