// The settings table of a report: one row per setting of the project file (title, outcome, analysis, monitoring,
// figure), keyed by its path in the file, with a human label and its value in words. Where the engine estimated or
// derived the value it used (control event proportion from the data, D², the RIS, the inflation factor), the row
// says so.
// A setting that does not apply to this analysis still has its row, marked as not used, so that the table lists
// the whole project file; tests/unit/shared/report compares these paths with the project schema's leaves.
import type { TsaResult } from '@engine'
import { formatFixed, formatInformation, formatPercent } from '@shared/figure/format'
import { DEFAULT_Z_AXIS_LABEL } from '@shared/figure/buildTsaChartConfig'
import { figureSizeMm } from '@shared/figure/figureOptions'
import { JOURNAL_PRESETS } from '@shared/figure/figureSize'
import type { ProjectFile } from '@shared/projectFile'
import {
  BOUNDARY_ENGINE_NAMES,
  FIXED_METHOD_NAMES,
  FUTILITY_NAMES,
  INFORMATION_AXIS_NAMES,
  MEASURE_NAMES,
  TAU2_NAMES,
  ZERO_EVENT_NAMES,
  fixedMethodUsed,
  fromWords,
  percent,
  plainNumber,
  sidesWords,
  spendingWords
} from './words'

export interface SettingContext {
  project: ProjectFile
  result: TsaResult
}

export type SettingGroup =
  | 'Project and outcome'
  | 'Meta-analysis'
  | 'Monitoring boundaries'
  | 'Required information size'
  | 'Law of the iterated logarithm'
  | 'Figure'

export interface SettingRow {
  /** where the setting sits in the project file, e.g. "monitoring.ris.controlRisk" */
  path: string
  group: SettingGroup
  label: string
  value: string
  /** false: the setting does not apply to this analysis (kept in the table, shown muted) */
  used: boolean
}

interface Described {
  value: string
  used?: boolean
}

interface SettingDescriptor {
  group: SettingGroup
  label: string
  describe(ctx: SettingContext): Described
}

const onOff = (on: boolean): string => (on ? 'on' : 'off')
const notUsed = (why: string, value?: string): Described => ({
  value: value === undefined ? `not used (${why})` : `${value} (not used: ${why})`,
  used: false
})
const unit = (ctx: SettingContext): string => ctx.result.ris.unit
const amount = (ctx: SettingContext, x: number | null): string =>
  `${formatInformation(x)} ${unit(ctx)}`

const dichotomousOnly = (ctx: SettingContext): boolean => ctx.project.outcome.type === 'dichotomous'
const manualRis = (ctx: SettingContext): boolean => ctx.project.monitoring.ris.mode === 'manual'

/**
 * An RIS input as given, or as estimated with the value used: "estimated from all trials: 12.89%". `show` formats
 * the value; `key` names it in the result's ris.inputs.
 */
function risInput(
  ctx: SettingContext,
  key:
    'controlRisk' | 'relativeRiskReduction' | 'relativeBenefitIncrease' | 'difference' | 'variance',
  show: (x: number) => string,
  applies: { ok: boolean; why: string }
): Described {
  const given = ctx.project.monitoring.ris[key]
  const used = ctx.result.ris.inputs[key]
  const words =
    given === undefined
      ? 'not set'
      : typeof given === 'number'
        ? show(given)
        : `estimated from ${fromWords(given.from)}: ${typeof used === 'number' ? show(used) : 'n/a'}`
  if (!applies.ok) return notUsed(applies.why, given === undefined ? undefined : words)
  if (manualRis(ctx)) return notUsed('the RIS is given', given === undefined ? undefined : words)
  return { value: words, used: given !== undefined }
}

const dichotomousInput = (ctx: SettingContext): { ok: boolean; why: string } => ({
  ok: dichotomousOnly(ctx),
  why: 'continuous outcome'
})
const continuousInput = (ctx: SettingContext): { ok: boolean; why: string } => ({
  ok: !dichotomousOnly(ctx),
  why: 'dichotomous outcome'
})
const effectInput = (
  ctx: SettingContext,
  direction: 'harmful' | 'beneficial'
): { ok: boolean; why: string } =>
  !dichotomousOnly(ctx)
    ? { ok: false, why: 'continuous outcome' }
    : {
        ok: ctx.project.outcome.direction === direction,
        why: `${ctx.project.outcome.direction} outcome`
      }

/**
 * The boundary-update rule in force (methods.md §10): explicit settings win; under CTU compatibility the CTU
 * program's 1% added / 5% accrued; otherwise every look updates the boundaries (0). Mirrors runTsa's defaults.
 */
export function lookUpdateRule(project: ProjectFile): { increment: number; fraction: number } {
  const ctu = project.analysis.ctuCompatibility
  return {
    increment: project.monitoring.minimumLookIncrement ?? (ctu ? 0.01 : 0),
    fraction: project.monitoring.minimumLookFraction ?? (ctu ? 0.05 : 0)
  }
}

function lookRule(
  ctx: SettingContext,
  key: 'minimumLookIncrement' | 'minimumLookFraction',
  what: string
): Described {
  if (ctx.project.monitoring[key] !== undefined) {
    return { value: percent(ctx.project.monitoring[key]) }
  }
  const rule = lookUpdateRule(ctx.project)
  const value = key === 'minimumLookIncrement' ? rule.increment : rule.fraction
  return value > 0
    ? { value: `not set: ${percent(value)} ${what}, as the CTU program (CTU compatibility)` }
    : { value: 'not set: every look updates the boundaries' }
}

/** The settings of the analysis: outcome, meta-analysis, monitoring, RIS, LIL. */
const ANALYSIS_DESCRIPTORS: Readonly<Record<string, SettingDescriptor>> = {
  title: {
    group: 'Project and outcome',
    label: 'Title',
    describe: ({ project }) => ({ value: project.title.trim() === '' ? 'untitled' : project.title })
  },
  'outcome.type': {
    group: 'Project and outcome',
    label: 'Outcome type',
    describe: ({ project }) => ({
      value:
        project.outcome.type === 'dichotomous'
          ? 'dichotomous (events per arm)'
          : 'continuous (mean, SD per arm)'
    })
  },
  'outcome.direction': {
    group: 'Project and outcome',
    label: 'Outcome direction',
    describe: ({ project }) => ({
      value:
        project.outcome.direction === 'harmful'
          ? 'harmful: fewer events or lower values favour the intervention'
          : 'beneficial: more events or higher values favour the intervention'
    })
  },
  'outcome.interventionLabel': {
    group: 'Project and outcome',
    label: 'Intervention',
    describe: ({ project }) => ({ value: project.outcome.interventionLabel })
  },
  'outcome.controlLabel': {
    group: 'Project and outcome',
    label: 'Control',
    describe: ({ project }) => ({ value: project.outcome.controlLabel })
  },

  'analysis.measure': {
    group: 'Meta-analysis',
    label: 'Effect measure',
    describe: ({ project }) => ({ value: MEASURE_NAMES[project.analysis.measure] })
  },
  'analysis.model': {
    group: 'Meta-analysis',
    label: 'Model',
    describe: ({ project }) => ({
      value: project.analysis.model === 'random' ? 'random effects' : 'fixed effect'
    })
  },
  'analysis.fixedMethod': {
    group: 'Meta-analysis',
    label: 'Fixed-effect method',
    describe: ({ project }) => {
      const used = fixedMethodUsed(project.analysis)
      const words = FIXED_METHOD_NAMES[used]
      return used === project.analysis.fixedMethod
        ? { value: words }
        : {
            value: `${words} (the ${MEASURE_NAMES[project.analysis.measure]} always pools this way)`
          }
    }
  },
  'analysis.tau2Method': {
    group: 'Meta-analysis',
    label: 'Between-trial variance (τ²) estimator',
    describe: ({ project, result }) => ({
      value: `${TAU2_NAMES[project.analysis.tau2Method]}: τ² = ${formatFixed(result.heterogeneity.tau2, 4)}${
        project.analysis.model === 'fixed'
          ? ' (for heterogeneity and D² only: the model is fixed effect)'
          : ''
      }`
    })
  },
  'analysis.hksj': {
    group: 'Meta-analysis',
    label: 'Hartung–Knapp–Sidik–Jonkman adjustment',
    describe: ({ project }) =>
      project.analysis.model === 'random'
        ? { value: onOff(project.analysis.hksj) }
        : notUsed('fixed-effect model', onOff(project.analysis.hksj))
  },
  'analysis.zeroEvents.method': {
    group: 'Meta-analysis',
    label: 'Zero-event correction',
    describe: (ctx) =>
      dichotomousOnly(ctx)
        ? { value: ZERO_EVENT_NAMES[ctx.project.analysis.zeroEvents.method] }
        : notUsed('continuous outcome')
  },
  'analysis.zeroEvents.value': {
    group: 'Meta-analysis',
    label: 'Zero-event correction amount',
    describe: (ctx) => {
      const k = ctx.project.analysis.zeroEvents.value
      // the per-cell amount; the CTU program's "constant 0.5" is 0.25 per cell (methods.md §1)
      const words = `${plainNumber(k)} per cell (${plainNumber(2 * k)} per arm)`
      return dichotomousOnly(ctx) ? { value: words } : notUsed('continuous outcome', words)
    }
  },
  'analysis.zeroEvents.includeDoubleZero': {
    group: 'Meta-analysis',
    label: 'Trials with zero events in both arms',
    describe: (ctx) => {
      const words = ctx.project.analysis.zeroEvents.includeDoubleZero
        ? 'included, with the correction'
        : 'excluded from the pooling'
      return dichotomousOnly(ctx) ? { value: words } : notUsed('continuous outcome', words)
    }
  },
  'analysis.ctuCompatibility': {
    group: 'Meta-analysis',
    label: 'CTU TSA program compatibility',
    describe: ({ project }) => ({
      value: project.analysis.ctuCompatibility
        ? 'on: reproduces the conventions of the CTU TSA program v0.9.5.10'
        : 'off'
    })
  },
  'analysis.confidenceLevel': {
    group: 'Meta-analysis',
    label: 'Confidence level',
    describe: ({ project }) => ({ value: percent(project.analysis.confidenceLevel) })
  },
  'analysis.order': {
    group: 'Meta-analysis',
    label: 'Order of the trials',
    describe: ({ project }) => ({
      value: project.analysis.order === 'yearThenName' ? 'by year, then name' : 'as entered'
    })
  },
  'analysis.heterogeneityCentre': {
    group: 'Meta-analysis',
    label: 'Centre of Cochran’s Q',
    describe: ({ project }) => ({
      value:
        project.analysis.heterogeneityCentre === 'inverseVariance'
          ? 'the inverse-variance estimate'
          : `the fixed-effect method’s estimate (${FIXED_METHOD_NAMES[fixedMethodUsed(project.analysis)]})${
              project.analysis.heterogeneityCentre === undefined ? ', the default' : ''
            }`
    })
  },
  'analysis.mdVariance': {
    group: 'Meta-analysis',
    label: 'Variance of a mean difference',
    describe: (ctx) => {
      const words =
        ctx.project.analysis.mdVariance === 'pooled'
          ? 'pooled standard deviation'
          : `s₁²/n₁ + s₂²/n₂ (unequal variances${ctx.project.analysis.mdVariance === undefined ? ', the default' : ''})`
      return dichotomousOnly(ctx) ? notUsed('dichotomous outcome', words) : { value: words }
    }
  },

  'monitoring.alpha': {
    group: 'Monitoring boundaries',
    label: 'Type I error (α)',
    describe: ({ project }) => ({ value: percent(project.monitoring.alpha) })
  },
  'monitoring.sides': {
    group: 'Monitoring boundaries',
    label: 'Sides',
    describe: ({ project }) => ({ value: sidesWords(project.monitoring.sides) })
  },
  'monitoring.beta': {
    group: 'Monitoring boundaries',
    label: 'Type II error (β)',
    describe: ({ project }) => ({
      value: `${percent(project.monitoring.beta)} (power ${percent(1 - project.monitoring.beta)})`
    })
  },
  'monitoring.alphaSpending': {
    group: 'Monitoring boundaries',
    label: 'α-spending function',
    describe: ({ project }) => ({
      value: `Lan–DeMets, ${spendingWords(project.monitoring.alphaSpending)}`
    })
  },
  'monitoring.betaSpending': {
    group: 'Monitoring boundaries',
    label: 'β-spending function',
    describe: ({ project }) => {
      const words = spendingWords(project.monitoring.betaSpending)
      const { futility } = project.monitoring
      if (futility === 'nonBinding' || futility === 'binding') return { value: words }
      return futility === 'tsaWedge'
        ? notUsed('the inner wedge spends β with the O’Brien–Fleming form', words)
        : notUsed('no futility boundaries', words)
    }
  },
  'monitoring.futility': {
    group: 'Monitoring boundaries',
    label: 'Futility boundaries',
    describe: ({ project }) => ({ value: FUTILITY_NAMES[project.monitoring.futility] })
  },
  'monitoring.minimumLookIncrement': {
    group: 'Monitoring boundaries',
    label: 'Least information added for a boundary update',
    describe: (ctx) => lookRule(ctx, 'minimumLookIncrement', 'of the RIS added')
  },
  'monitoring.minimumLookFraction': {
    group: 'Monitoring boundaries',
    label: 'Least information accrued for a boundary update',
    describe: (ctx) => lookRule(ctx, 'minimumLookFraction', 'of the RIS accrued')
  },
  'monitoring.boundaryEngine': {
    group: 'Monitoring boundaries',
    label: 'Boundary computation',
    describe: ({ project }) => ({ value: BOUNDARY_ENGINE_NAMES[project.monitoring.boundaryEngine] })
  },
  'monitoring.informationAxis': {
    group: 'Monitoring boundaries',
    label: 'Information axis',
    describe: ({ project }) => ({
      value: INFORMATION_AXIS_NAMES[project.monitoring.informationAxis]
    })
  },

  'monitoring.ris.mode': {
    group: 'Required information size',
    label: 'Required information size (RIS)',
    describe: (ctx) => {
      const { ris } = ctx.result
      if (manualRis(ctx)) return { value: `given: ${amount(ctx, ris.required)}` }
      return {
        value:
          ris.required === null
            ? 'calculated from the inputs below: not available (see the notes)'
            : `calculated from the inputs below: ${amount(ctx, ris.required)}`
      }
    }
  },
  'monitoring.ris.controlRisk': {
    group: 'Required information size',
    label: 'Control event proportion',
    describe: (ctx) => risInput(ctx, 'controlRisk', percent, dichotomousInput(ctx))
  },
  'monitoring.ris.relativeRiskReduction': {
    group: 'Required information size',
    label: 'Relative risk reduction',
    describe: (ctx) => risInput(ctx, 'relativeRiskReduction', percent, effectInput(ctx, 'harmful'))
  },
  'monitoring.ris.relativeBenefitIncrease': {
    group: 'Required information size',
    label: 'Relative benefit increase',
    describe: (ctx) =>
      risInput(ctx, 'relativeBenefitIncrease', percent, effectInput(ctx, 'beneficial'))
  },
  'monitoring.ris.difference': {
    group: 'Required information size',
    label: 'Minimal relevant difference',
    describe: (ctx) => risInput(ctx, 'difference', plainNumber, continuousInput(ctx))
  },
  'monitoring.ris.variance': {
    group: 'Required information size',
    label: 'Variance',
    describe: (ctx) => risInput(ctx, 'variance', plainNumber, continuousInput(ctx))
  },
  'monitoring.ris.heterogeneity': {
    group: 'Required information size',
    label: 'Heterogeneity correction',
    describe: (ctx) => {
      const h = ctx.project.monitoring.ris.heterogeneity
      const used = ctx.result.ris.inputs['heterogeneityValue']
      const value = typeof used === 'number' ? formatPercent(used, 'en', 1) : 'n/a'
      const words =
        h.kind === 'diversity'
          ? `diversity: D² from the data = ${value}`
          : h.kind === 'inconsistency'
            ? `inconsistency: I² from the data = ${value}`
            : h.kind === 'user'
              ? `user-defined: ${formatPercent(h.value, 'en', 1)}`
              : 'none'
      if (manualRis(ctx)) return notUsed('the RIS is given', words)
      const factor = ctx.result.ris.adjustmentFactor
      return {
        value: factor === null ? words : `${words}; adjustment factor ${formatFixed(factor, 3)}`
      }
    }
  },
  'monitoring.ris.manual': {
    group: 'Required information size',
    label: 'Given RIS',
    describe: (ctx) => {
      const given = ctx.project.monitoring.ris.manual
      if (manualRis(ctx)) return { value: amount(ctx, given) }
      return notUsed('the RIS is calculated', given === null ? undefined : amount(ctx, given))
    }
  },
  'monitoring.ris.sequentialInflation': {
    group: 'Required information size',
    label: 'Sequential inflation of the RIS',
    describe: ({ project, result }) => {
      if (!project.monitoring.ris.sequentialInflation) return { value: 'off' }
      const r = result.ris.inflationFactor
      return { value: r === null ? 'on' : `on: inflation factor R = ${formatFixed(r, 4)}` }
    }
  },

  'monitoring.lil.enabled': {
    group: 'Law of the iterated logarithm',
    label: 'Law of the iterated logarithm',
    describe: ({ project }) => ({ value: onOff(project.monitoring.lil.enabled) })
  },
  'monitoring.lil.lambda': {
    group: 'Law of the iterated logarithm',
    label: 'λ',
    describe: ({ project }) => {
      const words = plainNumber(project.monitoring.lil.lambda)
      return project.monitoring.lil.enabled ? { value: words } : notUsed('the law is off', words)
    }
  }
}

/** A figure text: as given, or what the chart shows when it is not set (blank counts as not set, as in the chart). */
function figureText(given: string | undefined, fallback: string): Described {
  return given !== undefined && given.trim() !== ''
    ? { value: given }
    : { value: `not set: ${fallback}` }
}

/** The figure's width or height in mm as drawn, and where it comes from. */
function figureDimension(ctx: SettingContext, key: 'widthMm' | 'heightMm'): Described {
  const figure = ctx.project.figure
  const mm = figureSizeMm(ctx.project)[key]
  if (figure?.[key] !== undefined) return { value: `${plainNumber(mm)} mm` }
  const source =
    figure?.preset === undefined
      ? 'the default double column'
      : `the ${figure.preset}-column preset`
  return { value: `not set: ${plainNumber(mm)} mm, from ${source}` }
}

const FIGURE_DESCRIPTORS: Readonly<Record<string, SettingDescriptor>> = {
  'figure.title': {
    group: 'Figure',
    label: 'Figure title',
    describe: ({ project }) => figureText(project.figure?.title, 'no title')
  },
  'figure.xLabel': {
    group: 'Figure',
    label: 'x-axis title',
    describe: ({ project }) =>
      figureText(project.figure?.xLabel, 'named after the information axis')
  },
  'figure.yLabel': {
    group: 'Figure',
    label: 'y-axis title',
    describe: ({ project }) => figureText(project.figure?.yLabel, `“${DEFAULT_Z_AXIS_LABEL}”`)
  },
  'figure.interventionLabel': {
    group: 'Figure',
    label: 'Intervention in “Favours …”',
    describe: ({ project }) =>
      figureText(
        project.figure?.interventionLabel,
        `the intervention’s label (${project.outcome.interventionLabel})`
      )
  },
  'figure.controlLabel': {
    group: 'Figure',
    label: 'Control in “Favours …”',
    describe: ({ project }) =>
      figureText(
        project.figure?.controlLabel,
        `the control’s label (${project.outcome.controlLabel})`
      )
  },
  'figure.trialLabels': {
    group: 'Figure',
    label: 'Trial names beside the Z-curve',
    describe: ({ project }) => ({
      value:
        project.figure?.trialLabels === undefined
          ? 'not set: off'
          : onOff(project.figure.trialLabels)
    })
  },
  'figure.palette': {
    group: 'Figure',
    label: 'Colours',
    describe: ({ project }) => ({
      value:
        project.figure?.palette === 'grey'
          ? 'grey scale'
          : `colour-blind safe (Okabe–Ito)${project.figure?.palette === undefined ? ', the default' : ''}`
    })
  },
  'figure.preset': {
    group: 'Figure',
    label: 'Journal column',
    describe: ({ project }) => {
      const preset = project.figure?.preset
      return preset === undefined
        ? { value: 'not set' }
        : { value: `${preset} (${plainNumber(JOURNAL_PRESETS[preset].widthMm)} mm wide)` }
    }
  },
  'figure.widthMm': {
    group: 'Figure',
    label: 'Figure width',
    describe: (ctx) => figureDimension(ctx, 'widthMm')
  },
  'figure.heightMm': {
    group: 'Figure',
    label: 'Figure height',
    describe: (ctx) => figureDimension(ctx, 'heightMm')
  }
}

/** Every setting of the project file, in the order of the report's table. */
export const SETTING_DESCRIPTORS: Readonly<Record<string, SettingDescriptor>> = {
  ...ANALYSIS_DESCRIPTORS,
  ...FIGURE_DESCRIPTORS
}

/** The settings table of `ctx`: every descriptor, in order. */
export function settingRows(ctx: SettingContext): SettingRow[] {
  return Object.entries(SETTING_DESCRIPTORS).map(([path, d]) => {
    const { value, used = true } = d.describe(ctx)
    return { path, group: d.group, label: d.label, value, used }
  })
}
