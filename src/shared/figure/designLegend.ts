// The chart legend's names for the boundaries, naming the design they come from (issue: "a legend that names the
// settings"): "Monitoring boundary (O'Brien-Fleming, alpha 5%, two-sided, power 80%)". WinAnsi characters only
// (format.ts): the words alpha and beta, ASCII hyphens, so exported PDFs need no embedded font.
import type { SpendingSpec, TsaResult } from '@engine'
import { formatFixed, formatPercent } from './format'

/** A spending function by name, with its parameter. */
export function spendingName(spec: SpendingSpec, locale = 'en'): string {
  switch (spec.kind) {
    case 'obf':
      return "O'Brien-Fleming"
    case 'pocock':
      return 'Pocock'
    case 'power':
      return `power family, rho ${formatFixed(spec.rho, 1, locale)}`
    case 'hsd':
      return `Hwang-Shih-DeCani, gamma ${formatFixed(spec.gamma, 1, locale)}`
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
  locale = 'en'
): { monitoring: string; futility: string } {
  const percent = (x: number): string => formatPercent(x, locale, 1)
  const monitoring =
    `Monitoring boundary (${spendingName(design.alphaSpending, locale)}, alpha ${percent(design.alpha)}, ` +
    `${design.sides === 2 ? 'two-sided' : 'one-sided'}, power ${percent(1 - design.beta)})`
  const betaSpending =
    design.betaSpending === null ? '' : `, ${spendingName(design.betaSpending, locale)}`
  const futility = `Futility boundary (${FUTILITY[design.futility]}${betaSpending}, beta ${percent(design.beta)})`
  return { monitoring, futility }
}
