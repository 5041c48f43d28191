/**
 * Number formatting shared by the chart (tooltips, labels) and its text alternative.
 * Only characters of the PDF standard fonts (WinAnsi) are used, so exported PDFs need no embedded font:
 * ASCII '-' for minus, 'to' between interval limits (unambiguous with negative limits).
 */

/**
 * One Intl.NumberFormat per locale and style, made on first use. Creating a formatter costs far more than using one
 * (tens of microseconds): the results table and the chart's text alternative format thousands of numbers per
 * analysis of 200 trials, which made a new formatter per number the largest cost of an edit's redraw.
 */
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(
  locale: string,
  style: string,
  options: Intl.NumberFormatOptions
): Intl.NumberFormat {
  const key = `${locale}|${style}`
  let f = formatters.get(key)
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options)
    formatters.set(key, f)
  }
  return f
}

/** A finite number with `digits` decimals, or 'n/a' (null or non-finite). */
export function formatFixed(x: number | null | undefined, digits: number, locale = 'en'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a'
  return formatter(locale, `fixed${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false
  }).format(x)
}

/** An amount of information (participants, events: whole numbers with grouping; Σ1/v: 3 significant digits). */
export function formatInformation(x: number | null | undefined, locale = 'en'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a'
  if (Math.abs(x) >= 100 || Number.isInteger(x)) {
    return formatter(locale, 'whole', { maximumFractionDigits: 0 }).format(x)
  }
  return formatter(locale, 'significant3', { maximumSignificantDigits: 3 }).format(x)
}

/** A fraction as a percentage with no decimals ('45%'), or up to `decimals` where needed ('2.5%'). */
export function formatPercent(x: number | null | undefined, locale = 'en', decimals = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a'
  return formatter(locale, `percent${decimals}`, {
    style: 'percent',
    maximumFractionDigits: decimals
  }).format(x)
}

/** An estimate with its interval: '0.80 (0.61 to 1.05)'; parts that are null read 'n/a'. */
export function formatEstimate(
  estimate: number | null,
  lower: number | null,
  upper: number | null,
  locale = 'en'
): string {
  const f = (v: number | null): string => formatFixed(v, 2, locale)
  if (lower === null && upper === null) return f(estimate)
  return `${f(estimate)} (${f(lower)} to ${f(upper)})`
}
