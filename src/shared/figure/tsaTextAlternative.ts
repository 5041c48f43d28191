/**
 * The text alternative of the TSA chart (interfaces.md: the chart is role="img", its name starts with "TSA chart",
 * and a text alternative lists the looks). Pure: the component puts `label` in aria-label and the rest in a visually
 * hidden element referenced by aria-describedby; exports can use it as alt text.
 */
import type { TsaLook, TsaResult } from '@engine'
import { formatEstimate, formatFixed, formatInformation, formatPercent } from './format'

export interface TsaTextAlternative {
  /** the accessible name; always starts with "TSA chart" */
  label: string
  /** RIS, information reached, last Z and the conclusion, in sentences */
  summary: string
  /** one sentence per look, in order */
  looks: string[]
}

export interface TsaTextAlternativeOptions {
  /** unit noun after amounts of information; default from result.ris.unit */
  informationUnit?: string
  locale?: string
}

const UNIT_NOUN: Record<TsaResult['ris']['unit'], string> = {
  participants: 'participants',
  events: 'events',
  information: 'information units'
}

const finite = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v)

function lookSentence(
  l: TsaLook,
  k: number,
  measure: string,
  unit: string,
  locale: string
): string {
  const z = (v: number | null): string => formatFixed(v, 2, locale)
  const parts = [
    `Look ${k + 1}, ${l.trial}: cumulative information ${formatInformation(l.cumulativeInformation, locale)} ${unit}`.trimEnd() +
      (finite(l.informationFraction)
        ? ` (${formatPercent(l.informationFraction, locale)} of the required information size)`
        : ''),
    `Z = ${z(l.z)}`
  ]
  if (finite(l.upper) || finite(l.lower)) {
    const b = [
      finite(l.upper) ? `upper ${z(l.upper)}` : '',
      finite(l.lower) ? `lower ${z(l.lower)}` : ''
    ]
    parts.push(`monitoring boundary ${b.filter((s) => s !== '').join(', ')}`)
  } else {
    parts.push('no monitoring boundary at this look')
  }
  if (finite(l.futilityUpper) || finite(l.futilityLower)) {
    const f = [
      finite(l.futilityUpper) ? `upper ${z(l.futilityUpper)}` : '',
      finite(l.futilityLower) ? `lower ${z(l.futilityLower)}` : ''
    ]
    parts.push(`futility boundary ${f.filter((s) => s !== '').join(', ')}`)
  }
  if (l.estimate !== null) {
    parts.push(`${measure} ${formatEstimate(l.estimate, l.ciLower, l.ciUpper, locale)}`)
  }
  if (l.tsaCiLower !== null || l.tsaCiUpper !== null) {
    parts.push(
      `TSA-adjusted CI ${formatFixed(l.tsaCiLower, 2, locale)} to ${formatFixed(l.tsaCiUpper, 2, locale)}`
    )
  }
  return parts.join('; ') + '.'
}

/** The text alternative of the TSA chart for a result (pure). */
export function tsaTextAlternative(
  result: TsaResult,
  options: TsaTextAlternativeOptions = {}
): TsaTextAlternative {
  const locale = options.locale ?? 'en'
  const unit = options.informationUnit ?? UNIT_NOUN[result.ris.unit]
  const n = result.looks.length
  const label =
    n === 0
      ? 'TSA chart: no trials to plot'
      : `TSA chart: cumulative Z-curve of ${n} ${n === 1 ? 'trial' : 'trials'} with trial sequential monitoring boundaries`
  const sentences: string[] = []
  if (finite(result.ris.required)) {
    sentences.push(
      `Required information size ${formatInformation(result.ris.required, locale)} ${unit}.`.replace(
        ' .',
        '.'
      )
    )
  } else {
    sentences.push('Required information size not available.')
  }
  const last = result.looks[n - 1]
  if (last) {
    sentences.push(
      `Information reached ${formatInformation(last.cumulativeInformation, locale)} ${unit}`.trimEnd() +
        (finite(last.informationFraction)
          ? ` (${formatPercent(last.informationFraction, locale)}).`
          : '.')
    )
    sentences.push(`Last Z = ${formatFixed(last.z, 2, locale)} (positive favours intervention).`)
  }
  if (finite(result.conventionalBoundary)) {
    sentences.push(
      `Conventional boundary Z = ${formatFixed(result.conventionalBoundary, 2, locale)}.`
    )
  }
  if (result.conclusion.text !== '') sentences.push(result.conclusion.text)
  return {
    label,
    summary: sentences.join(' '),
    looks: result.looks.map((l, k) => lookSentence(l, k, result.measure, unit, locale))
  }
}
