// The full report of an analysis as a pure model: sections of paragraphs, definition lists and tables, all text
// already formatted, so that the HTML (renderHtml.ts) and PDF (src/cli/report/pdf.ts) renderers only lay it out.
// The figure is not part of the model: each renderer is handed one (an SVG string, a pdfkit drawing function) and
// puts it where the 'figure' block is.
import type { TsaLook, TsaResult } from '@engine'
import {
  formatEstimate,
  formatFixed,
  formatInformation,
  formatPercent
} from '@shared/figure/format'
import { PROJECT_FORMAT_VERSION, TRIAL_DATA_FIELDS, type ProjectFile } from '@shared/projectFile'
import { howToCite } from './citation'
import { methodsText } from './methods'
import { settingRows, type SettingContext, type SettingRow } from './settings'
import {
  FUTILITY_NAMES,
  INFORMATION_AXIS_NAMES,
  SOFTWARE_NAME,
  comparisonWords,
  dateWords,
  percent,
  plainNumber,
  sidesWords,
  spendingWords
} from './words'

export interface ReportColumn {
  label: string
  numeric: boolean
}

export interface ReportTable {
  caption: string
  columns: ReportColumn[]
  /** one string per column; the first column names the row (a trial, a model) */
  rows: string[][]
  note?: string
}

export interface ReportDefinition {
  label: string
  value: string
  /** the setting's path in the project file (settings rows only) */
  path?: string
  /** a setting that does not apply to this analysis */
  muted?: boolean
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string; role?: 'conclusion' | 'note' }
  | { kind: 'subheading'; text: string }
  | { kind: 'definitions'; rows: ReportDefinition[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'list'; ordered: boolean; items: string[] }
  /** where the renderer draws the TSA chart it was given */
  | { kind: 'figure'; caption: string }

export interface ReportSection {
  id: string
  heading: string
  blocks: ReportBlock[]
}

export interface ReportModel {
  title: string
  subtitle: string
  software: { name: string; version: string; generatedAt: string; generatedOn: string }
  sections: ReportSection[]
  /** every setting of the project file (also in the Settings section) */
  settings: SettingRow[]
  /** the last line of every page or of the document */
  footer: string
}

export interface ReportMeta {
  /** the software version (package.json, AppInfo) */
  version: string
  generatedAt: Date
  /** trials the host kept out of the run before the engine saw them (the app's grid: invalid or empty cells) */
  dataExclusions?: readonly { trial: string; reason: string }[]
}

/** The columns of the trial data table, by project field; `comment` is shown only when a trial has one. */
export const TRIAL_COLUMNS = {
  common: {
    name: 'Study',
    year: 'Year'
  },
  dichotomous: {
    eventsIntervention: 'Intervention events',
    totalIntervention: 'Intervention total',
    eventsControl: 'Control events',
    totalControl: 'Control total'
  },
  continuous: {
    meanIntervention: 'Intervention mean',
    sdIntervention: 'Intervention SD',
    totalIntervention: 'Intervention total',
    meanControl: 'Control mean',
    sdControl: 'Control SD',
    totalControl: 'Control total'
  },
  flags: {
    lowRiskOfBias: 'Low risk of bias',
    include: 'Included',
    comment: 'Comment'
  }
} as const satisfies {
  dichotomous: Record<(typeof TRIAL_DATA_FIELDS.dichotomous)[number], string>
  continuous: Record<(typeof TRIAL_DATA_FIELDS.continuous)[number], string>
  [group: string]: Record<string, string>
}

const text = (label: string, numeric = false): ReportColumn => ({ label, numeric })
const yesNo = (b: boolean | undefined): string => (b === true ? 'yes' : 'no')
const cell = (x: unknown): string =>
  typeof x === 'number' && Number.isFinite(x) ? plainNumber(x) : '—'

function trialTable(project: ProjectFile): ReportTable {
  const data = TRIAL_COLUMNS[project.outcome.type]
  const dataFields = TRIAL_DATA_FIELDS[project.outcome.type]
  const withComment = project.trials.some((t) => (t.comment ?? '').trim() !== '')
  const columns = [
    text(TRIAL_COLUMNS.common.name),
    text(TRIAL_COLUMNS.common.year, true),
    ...dataFields.map((f) => text((data as Record<string, string>)[f] as string, true)),
    text(TRIAL_COLUMNS.flags.lowRiskOfBias),
    text(TRIAL_COLUMNS.flags.include),
    ...(withComment ? [text(TRIAL_COLUMNS.flags.comment)] : [])
  ]
  const rows = project.trials.map((t) => {
    const record = t as unknown as Record<string, unknown>
    return [
      t.name,
      typeof t.year === 'number' ? String(t.year) : '—',
      ...dataFields.map((f) => cell(record[f])),
      yesNo(t.lowRiskOfBias),
      yesNo(t.include),
      ...(withComment ? [t.comment ?? ''] : [])
    ]
  })
  return {
    caption: `The trials as entered (${project.trials.length}), in the project’s order. Intervention: ${project.outcome.interventionLabel}; control: ${project.outcome.controlLabel}.`,
    columns,
    rows
  }
}

const ciLabel = (project: ProjectFile): string =>
  `${formatPercent(project.analysis.confidenceLevel, 'en', 1)} CI`

function lookTable(ctx: SettingContext): ReportTable {
  const { project, result } = ctx
  const futility = result.design.futility !== 'none'
  const lil = project.monitoring.lil.enabled
  const columns = [
    text('Trial'),
    text(`Information (${result.ris.unit})`, true),
    text('Fraction of RIS', true),
    text('Z', true),
    text('Upper boundary', true),
    text('Lower boundary', true),
    ...(futility ? [text('Futility (upper)', true), text('Futility (lower)', true)] : []),
    text(`${result.measure} (${ciLabel(project)})`, true),
    text('TSA-adjusted CI', true),
    ...(lil ? [text('LIL Z*', true)] : [])
  ]
  const interval = (look: TsaLook, lower: number | null, upper: number | null): string =>
    lower === null && upper === null ? 'n/a' : formatEstimate(look.estimate, lower, upper)
  const rows = result.looks.map((look) => [
    look.trial,
    formatInformation(look.cumulativeInformation),
    formatPercent(look.informationFraction, 'en', 1),
    formatFixed(look.z, 2),
    formatFixed(look.upper, 2),
    formatFixed(look.lower, 2),
    ...(futility ? [formatFixed(look.futilityUpper, 2), formatFixed(look.futilityLower, 2)] : []),
    formatEstimate(look.estimate, look.ciLower, look.ciUpper),
    interval(look, look.tsaCiLower, look.tsaCiUpper),
    ...(lil ? [formatFixed(look.lilZ, 2)] : [])
  ])
  return {
    caption: `One look per trial, cumulative. Z is oriented so that positive values favour ${project.outcome.interventionLabel}; boundaries on the same scale (n/a: no boundary at that look, e.g. past the RIS).`,
    columns,
    rows
  }
}

function pooledTable(ctx: SettingContext): ReportTable {
  const { project, result } = ctx
  const last = result.looks.at(-1) ?? null
  const model = project.analysis.model
  const row = (key: 'fixed' | 'random', label: string): string[] => {
    const e = result[key]
    const isModel = key === model
    const tsa =
      isModel && last !== null && (last.tsaCiLower !== null || last.tsaCiUpper !== null)
        ? formatEstimate(last.estimate, last.tsaCiLower, last.tsaCiUpper)
        : 'n/a'
    return [
      `${label}${isModel ? ' (the analysis model)' : ''}`,
      formatEstimate(e.estimate, e.ciLower, e.ciUpper),
      tsa,
      formatFixed(e.p, 4)
    ]
  }
  return {
    caption: `Pooled ${result.measure} of all analysed trials, both models.`,
    columns: [
      text('Model'),
      text(`${result.measure} (${ciLabel(project)})`, true),
      text('TSA-adjusted CI', true),
      text('p', true)
    ],
    rows: [row('fixed', 'Fixed effect'), row('random', 'Random effects')],
    note: 'The TSA-adjusted CI is computed for the model of the analysis, from the α-spending boundary at the last look; it equals the conventional CI once the RIS is reached.'
  }
}

function resultDefinitions(ctx: SettingContext): ReportDefinition[] {
  const { result } = ctx
  const { ris, heterogeneity: h } = result
  const last = result.looks.at(-1) ?? null
  const rows: ReportDefinition[] = []
  const risParts = [
    ris.exact === null || ris.exact === ris.required ? '' : `exact ${formatFixed(ris.exact, 1)}`,
    ris.fixed === null || ris.adjustmentFactor === null
      ? ''
      : `${formatInformation(ris.fixed)} before the heterogeneity adjustment × ${formatFixed(ris.adjustmentFactor, 3)}`
  ].filter((p) => p !== '')
  rows.push({
    label: 'Required information size (RIS)',
    value:
      ris.required === null
        ? 'not available (see the notes)'
        : `${formatInformation(ris.required)} ${ris.unit}${risParts.length === 0 ? '' : ` (${risParts.join('; ')})`}`
  })
  if (ris.inflationFactor !== null) {
    rows.push({
      label: 'Sequential inflation factor R',
      value: formatFixed(ris.inflationFactor, 4)
    })
  }
  rows.push({
    label: 'Information accrued',
    value:
      last === null
        ? 'none'
        : `${formatInformation(last.cumulativeInformation)} ${ris.unit}${
            last.informationFraction === null
              ? ''
              : ` (${formatPercent(last.informationFraction, 'en', 1)} of the RIS)`
          }`
  })
  rows.push(
    { label: 'τ² (τ)', value: `${formatFixed(h.tau2, 4)} (${formatFixed(h.tau, 4)})` },
    { label: 'I²', value: formatPercent(h.i2, 'en', 1) },
    { label: 'D²', value: formatPercent(h.d2, 'en', 1) },
    {
      label: 'Cochran’s Q',
      value: `${formatFixed(h.q, 2)} (df ${h.df}, p ${formatFixed(h.p, 4)}); H = ${formatFixed(h.h, 2)}`
    },
    {
      label: 'Conventional boundary',
      value: `${result.design.sides === 2 ? '|Z|' : 'Z'} ≥ ${formatFixed(result.conventionalBoundary, 2)} (naive test; also the boundary past the RIS)`
    }
  )
  const further = ris.furtherTrials
  if (further !== null && further.minimumTrials !== null) {
    const designs = further.designs
      .map(
        (d) =>
          `${d.trials} trials of ${formatInformation(d.participantsPerTrial)} participants (${formatInformation(d.totalParticipants)} in total)`
      )
      .join('; ')
    rows.push({
      label: 'Further trials needed (τ²-based, Kulinskaya & Wood 2014)',
      value: `at least ${further.minimumTrials}${designs === '' ? '' : `; for example ${designs}`}`
    })
  }
  return rows
}

function figureCaption(ctx: SettingContext): string {
  const { project, result } = ctx
  const d = result.design
  const futility =
    d.futility === 'none'
      ? ''
      : ` and futility boundaries (${FUTILITY_NAMES[d.futility]}${d.betaSpending === null ? '' : `, ${spendingWords(d.betaSpending)}`})`
  const ris =
    result.ris.required === null
      ? ''
      : `, and the required information size (${formatInformation(result.ris.required)} ${result.ris.unit})`
  return (
    `Cumulative Z-curve against the ${INFORMATION_AXIS_NAMES[project.monitoring.informationAxis]} accrued, ` +
    `with the monitoring boundaries (Lan–DeMets ${spendingWords(d.alphaSpending)}, α = ${percent(d.alpha)} ` +
    `${sidesWords(d.sides)}, power ${percent(1 - d.beta)})${futility}, the conventional boundaries ` +
    `(Z = ${d.sides === 2 ? '±' : ''}${formatFixed(result.conventionalBoundary, 2)})${ris}. ` +
    `Positive Z favours ${project.outcome.interventionLabel}.`
  )
}

/** The settings, one subheading and definition list per group, in the descriptors' order. */
function settingBlocks(settings: readonly SettingRow[]): ReportBlock[] {
  const blocks: ReportBlock[] = []
  let group: string | null = null
  let rows: ReportDefinition[] = []
  for (const row of settings) {
    if (row.group !== group) {
      group = row.group
      rows = []
      blocks.push({ kind: 'subheading', text: group }, { kind: 'definitions', rows })
    }
    rows.push({ label: row.label, value: row.value, path: row.path, muted: !row.used })
  }
  return blocks
}

/** Builds the report of `result`, the analysis of `project`. */
export function buildReport(
  project: ProjectFile,
  result: TsaResult,
  meta: ReportMeta
): ReportModel {
  const ctx: SettingContext = { project, result }
  const settings = settingRows(ctx)
  const methods = methodsText(ctx, meta.version)
  const cite = howToCite(meta.version, methods.referenceIds)
  const generatedOn = dateWords(meta.generatedAt)
  const excluded = [...(meta.dataExclusions ?? []), ...result.excluded].map(
    (x) => `${x.trial}: ${x.reason}`
  )

  const sections: ReportSection[] = [
    {
      id: 'conclusion',
      heading: 'Conclusion',
      blocks: [{ kind: 'paragraph', text: result.conclusion.text, role: 'conclusion' }]
    },
    {
      id: 'figure',
      heading: 'TSA chart',
      blocks: [{ kind: 'figure', caption: figureCaption(ctx) }]
    },
    {
      id: 'results',
      heading: 'Results',
      blocks: [
        { kind: 'table', table: pooledTable(ctx) },
        { kind: 'definitions', rows: resultDefinitions(ctx) },
        ...(excluded.length === 0
          ? []
          : ([
              { kind: 'subheading', text: 'Trials not analysed' },
              { kind: 'list', ordered: false, items: excluded }
            ] satisfies ReportBlock[])),
        ...(result.notes.length === 0
          ? []
          : ([
              { kind: 'subheading', text: 'Notes' },
              { kind: 'list', ordered: false, items: result.notes }
            ] satisfies ReportBlock[]))
      ]
    },
    { id: 'looks', heading: 'Per-look table', blocks: [{ kind: 'table', table: lookTable(ctx) }] },
    { id: 'settings', heading: 'Settings', blocks: settingBlocks(settings) },
    { id: 'trials', heading: 'Trials', blocks: [{ kind: 'table', table: trialTable(project) }] },
    {
      id: 'methods',
      heading: 'Methods',
      blocks: [
        { kind: 'paragraph', text: methods.paragraph },
        { kind: 'subheading', text: 'References' },
        { kind: 'list', ordered: true, items: methods.references }
      ]
    },
    {
      id: 'cite',
      heading: 'How to cite',
      blocks: [
        { kind: 'paragraph', text: cite.software },
        {
          kind: 'paragraph',
          text: `${cite.advice.replace(/:$/, '')}: the references of the Methods section above.`
        }
      ]
    }
  ]

  return {
    title: project.title.trim() === '' ? 'Untitled project' : project.title,
    subtitle: `Trial sequential analysis of ${comparisonWords(project.outcome)} (${project.outcome.type} outcome, ${project.outcome.direction})`,
    software: {
      name: SOFTWARE_NAME,
      version: meta.version,
      generatedAt: meta.generatedAt.toISOString(),
      generatedOn
    },
    sections,
    settings,
    footer: `${SOFTWARE_NAME} version ${meta.version}; report made on ${generatedOn}; project file format version ${PROJECT_FORMAT_VERSION}.`
  }
}
