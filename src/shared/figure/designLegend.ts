// The chart legend's names for the boundaries, naming the design they come from (issue: "a legend that names the
// settings"): "Monitoring boundary (O'Brien-Fleming, alpha 5%, two-sided, power 80%)". WinAnsi characters only by
// default (format.ts): the words alpha and beta, ASCII hyphens, so the browser's PDF export needs no embedded font.
// Outputs that embed a font (the headless figure) ask for the Greek letters instead: "α 5%".
import type { SpendingSpec, TsaResult } from '@engine'
import { formatFixed, formatPercent } from './format'

/** The parameters' names as words (WinAnsi) or as Greek letters (needs a font that has them). */
const PARAMETER_NAMES = {
  words: { alpha: 'alpha', beta: 'beta', rho: 'rho', gamma: 'gamma' },
  greek: { alpha: 'α', beta: 'β', rho: 'ρ', gamma: 'γ' }
} as const

export interface LegendTextOptions {
  locale?: string
  /** α, β, ρ, γ instead of their names; default false (WinAnsi only) */
  greekLetters?: boolean
}

/** A spending function by name, with its parameter. */
export function spendingName(spec: SpendingSpec, locale = 'en', greekLetters = false): string {
  const names = PARAMETER_NAMES[greekLetters ? 'greek' : 'words']
  switch (spec.kind) {
    case 'obf':
      return "O'Brien-Fleming"
    case 'pocock':
      return 'Pocock'
    case 'power':
      return `power family, ${names.rho} ${formatFixed(spec.rho, 1, locale)}`
    case 'hsd':
      return `Hwang-Shih-DeCani, ${names.gamma} ${formatFixed(spec.gamma, 1, locale)}`
  }
}

const FUTILITY: Record<TsaResult['design']['futility'], string> = {
  none: '',
  tsaWedge: 'inner wedge',
  nonBinding: 'non-binding',
  binding: 'binding'
}

export function designLegend(
  design: TsaResult['design'],
  options: LegendTextOptions = {}
): { monitoring: string; futility: string } {
  const locale = options.locale ?? 'en'
  const greek = options.greekLetters ?? false
  const names = PARAMETER_NAMES[greek ? 'greek' : 'words']
  const percent = (x: number): string => formatPercent(x, locale, 1)
  const monitoring =
    `Monitoring boundary (${spendingName(design.alphaSpending, locale, greek)}, ${names.alpha} ${percent(design.alpha)}, ` +
    `${design.sides === 2 ? 'two-sided' : 'one-sided'}, power ${percent(1 - design.beta)})`
  const betaSpending =
    design.betaSpending === null ? '' : `, ${spendingName(design.betaSpending, locale, greek)}`
  const futility = `Futility boundary (${FUTILITY[design.futility]}${betaSpending}, ${names.beta} ${percent(design.beta)})`
  return { monitoring, futility }
}
