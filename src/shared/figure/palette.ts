/**
 * Colours and dash patterns of the TSA chart, per theme.
 *
 * Colours are the Okabe–Ito colour-blind-safe set (Okabe M, Ito K. Color Universal Design, 2008;
 * jfly.uni-koeln.de/color). Every line also has its own dash pattern and width, so the chart still reads in greyscale
 * or for a reader who cannot tell the colours apart (ecosystem.md §4, "Accessibility").
 *
 * 'print' is the palette of every exported figure (white background, dark text), whatever the UI theme.
 */

export type TsaChartTheme = 'screen' | 'print' | 'dark'

/**
 * The line colours: Okabe–Ito's colour-blind-safe hues (default), or shades of grey for journals that print in
 * black and white. Both keep every line kind's own dash pattern and width, which is what tells the lines apart in grey.
 */
export type TsaColourScheme = 'colourBlind' | 'grey'

export interface TsaLineStyle {
  color: string
  /** canvas setLineDash pattern in CSS px; [] = solid */
  dash: number[]
  width: number
}

export interface TsaChartPalette {
  /** chart background; 'transparent' lets the page show through (screen) */
  background: string
  text: string
  grid: string
  zCurve: TsaLineStyle
  conventional: TsaLineStyle
  monitoring: TsaLineStyle
  futility: TsaLineStyle
  ris: TsaLineStyle
  /** marker of a Z value beyond the y-axis limit */
  offScale: string
}

/** Okabe–Ito (2008). */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7'
} as const

/** Dash patterns, one per line kind: solid curve, short dots, long dashes, dash-dot, medium dashes. */
export const DASH = {
  solid: [] as number[],
  dotted: [2, 3],
  dashed: [8, 4],
  dashDot: [8, 3, 2, 3],
  medium: [5, 4]
} as const

const PRINT: TsaChartPalette = {
  background: '#ffffff',
  text: '#111111',
  grid: '#e5e5e5',
  zCurve: { color: OKABE_ITO.blue, dash: [...DASH.solid], width: 2.5 },
  conventional: { color: '#555555', dash: [...DASH.dotted], width: 1.5 },
  monitoring: { color: OKABE_ITO.vermillion, dash: [...DASH.dashed], width: 2 },
  futility: { color: OKABE_ITO.bluishGreen, dash: [...DASH.dashDot], width: 2 },
  ris: { color: OKABE_ITO.black, dash: [...DASH.medium], width: 1.5 },
  offScale: OKABE_ITO.blue
}

const SCREEN: TsaChartPalette = {
  ...PRINT,
  background: 'transparent',
  text: '#1f2937',
  grid: 'rgba(107, 114, 128, 0.25)',
  ris: { color: OKABE_ITO.reddishPurple, dash: [...DASH.medium], width: 1.5 }
}

/**
 * The on-screen palette when the OS prefers a dark colour scheme (TsaChart follows prefers-color-scheme). The line
 * kinds keep their Okabe–Ito hues and dash patterns; only the Z-curve moves to Okabe–Ito's lighter blue, because
 * the dark blue falls to about 3.5:1 against the dark page. The others stay at 4.7:1 or more on --color-bg (#111418).
 * Transparent like 'screen', so the page's own background shows through.
 */
const DARK: TsaChartPalette = {
  background: 'transparent',
  text: '#e5e7eb',
  grid: 'rgba(229, 231, 235, 0.18)',
  zCurve: { color: OKABE_ITO.skyBlue, dash: [...DASH.solid], width: 2.5 },
  conventional: { color: '#b0b0b0', dash: [...DASH.dotted], width: 1.5 },
  monitoring: { color: OKABE_ITO.vermillion, dash: [...DASH.dashed], width: 2 },
  futility: { color: OKABE_ITO.bluishGreen, dash: [...DASH.dashDot], width: 2 },
  ris: { color: OKABE_ITO.reddishPurple, dash: [...DASH.medium], width: 1.5 },
  offScale: OKABE_ITO.skyBlue
}

/**
 * Grey lines on a light page: black for what the reader looks at first (Z-curve, monitoring boundaries, RIS), mid
 * greys for the rest. The darkest grey that is not black (#555) still reaches 7:1 on white, the lightest (#767676)
 * 4.5:1; the dash patterns are those of the colour palette.
 */
function greyLines(
  page: TsaChartPalette,
  ink: string,
  mid: string,
  light: string
): TsaChartPalette {
  return {
    ...page,
    zCurve: { ...page.zCurve, color: ink },
    conventional: { ...page.conventional, color: light },
    monitoring: { ...page.monitoring, color: ink },
    futility: { ...page.futility, color: mid },
    ris: { ...page.ris, color: ink },
    offScale: ink
  }
}

const THEMES: Record<TsaChartTheme, TsaChartPalette> = { screen: SCREEN, print: PRINT, dark: DARK }

const GREY_THEMES: Record<TsaChartTheme, TsaChartPalette> = {
  screen: greyLines(SCREEN, '#111111', '#555555', '#767676'),
  print: greyLines(PRINT, '#000000', '#555555', '#767676'),
  // on the dark page: light greys, each at least 4.5:1 on --color-bg (#111418)
  dark: greyLines(DARK, '#f3f4f6', '#b0b0b0', '#9a9a9a')
}

/**
 * The palette of a theme and colour scheme with optional overrides; a fresh object each call (callers may not
 * mutate the tables).
 */
export function paletteFor(
  theme: TsaChartTheme,
  overrides: Partial<TsaChartPalette> = {},
  scheme: TsaColourScheme = 'colourBlind'
): TsaChartPalette {
  const base = (scheme === 'grey' ? GREY_THEMES : THEMES)[theme]
  const copyLine = (l: TsaLineStyle): TsaLineStyle => ({ ...l, dash: [...l.dash] })
  return {
    ...base,
    zCurve: copyLine(base.zCurve),
    conventional: copyLine(base.conventional),
    monitoring: copyLine(base.monitoring),
    futility: copyLine(base.futility),
    ris: copyLine(base.ris),
    ...overrides
  }
}

/**
 * Teaching mode's Present view and 16:9 slides (ecosystem.md §5.2): for a projector in a lit room. Pure black text
 * on white and wider lines; the hues are the strongest Okabe–Ito colours (each at least 4.5:1 on white except
 * vermillion at 3.8:1, which the wide dashed line carries), and every line keeps its dash pattern. Passed as the
 * chart's `palette` override, so it applies to the screen chart and to the export alike.
 */
export function highContrastPalette(): TsaChartPalette {
  const widen = (l: TsaLineStyle, width: number): TsaLineStyle => ({
    ...l,
    dash: [...l.dash],
    width
  })
  return {
    background: '#ffffff',
    text: '#000000',
    grid: 'rgba(0, 0, 0, 0.2)',
    zCurve: widen({ ...PRINT.zCurve, color: OKABE_ITO.blue }, 4.5),
    conventional: widen({ ...PRINT.conventional, color: '#333333' }, 2.5),
    monitoring: widen({ ...PRINT.monitoring, color: OKABE_ITO.vermillion }, 3.5),
    futility: widen({ ...PRINT.futility, color: '#007a5a' }, 3.5),
    ris: widen({ ...PRINT.ris, color: OKABE_ITO.black }, 2.5),
    offScale: OKABE_ITO.blue
  }
}
