// The on-disk project (`*.opentsa.json`, interfaces.md "Project file"): a zod schema, the format version, and the
// migration hook. Fields may be added; the ones of interfaces.md keep their names, types and meaning.
import type { TRIAL_DATA_FIELDS as ENGINE_TRIAL_DATA_FIELDS, TsaInput } from '@engine'
import { z } from 'zod'
import { FIGURE_MM } from './figure/figureSize'
import { kindError, probability, sides, spending } from './schemaParts'

export const PROJECT_FORMAT = 'opentsa-project'
export const PROJECT_FORMAT_VERSION = 1

const finite = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be finite' })
/** A data cell: a number, or null while the user has not filled it in (the trial is then excluded, with a reason). */
const cell = finite.nullable()

const trialCommon = {
  name: z.string({ error: 'must be text' }),
  year: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole year' })
    .nullable()
    .optional(),
  lowRiskOfBias: z.boolean({ error: 'must be true or false' }).default(false),
  include: z.boolean({ error: 'must be true or false' }).default(true),
  comment: z.string().optional()
}

/**
 * The arm data of a trial, per outcome type, in the trial table's order: the list the importers and the grid go by.
 * The engine holds the same list (TRIAL_DATA_FIELDS in @engine; shared may not import engine code): the type below
 * fails to compile if the two differ.
 */
export const TRIAL_DATA_FIELDS = {
  dichotomous: ['eventsIntervention', 'totalIntervention', 'eventsControl', 'totalControl'],
  continuous: [
    'meanIntervention',
    'sdIntervention',
    'totalIntervention',
    'meanControl',
    'sdControl',
    'totalControl'
  ]
} as const

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Holds<T extends true> = T
/** Compile-time only: the project file's lists and the engine's are the same (same fields, same order). */
export type TrialDataFieldsAgree = Holds<
  Same<typeof TRIAL_DATA_FIELDS, typeof ENGINE_TRIAL_DATA_FIELDS>
>

export const dichotomousTrialSchema = z.object({
  ...trialCommon,
  eventsIntervention: cell,
  totalIntervention: cell,
  eventsControl: cell,
  totalControl: cell
})

export const continuousTrialSchema = z.object({
  ...trialCommon,
  meanIntervention: cell,
  sdIntervention: cell,
  totalIntervention: cell,
  meanControl: cell,
  sdControl: cell,
  totalControl: cell
})

/** "from the data" for an estimated RIS input (methods.md §4). */
const fromData = z.strictObject({
  from: z.enum(['data', 'lowRiskOfBias'], { error: 'must be "data" or "lowRiskOfBias"' })
})

const risHeterogeneity = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('diversity') }),
    z.strictObject({ kind: z.literal('inconsistency') }),
    z.strictObject({
      kind: z.literal('user'),
      value: z
        .number({ error: 'must be a number' })
        .gte(0, { error: 'must be ≥ 0' })
        .lt(1, { error: 'must be < 1' })
    }),
    z.strictObject({ kind: z.literal('none') })
  ],
  { error: kindError(['diversity', 'inconsistency', 'user', 'none']) }
)

const positive = z.number({ error: 'must be a number' }).gt(0, { error: 'must be > 0' })

export const analysisSchema = z.object({
  measure: z
    .enum(['RR', 'OR', 'RD', 'PetoOR', 'MD'], { error: 'must be RR, OR, RD, PetoOR or MD' })
    .default('RR'),
  model: z.enum(['fixed', 'random'], { error: 'must be fixed or random' }).default('random'),
  fixedMethod: z.enum(['MH', 'IV'], { error: 'must be MH or IV' }).default('MH'),
  tau2Method: z
    .enum(['DL', 'SJ', 'BT', 'REML', 'PM'], { error: 'must be DL, SJ, BT, REML or PM' })
    .default('DL'),
  hksj: z.boolean({ error: 'must be true or false' }).default(false),
  zeroEvents: z
    .object({
      method: z
        .enum(['constant', 'reciprocal', 'empirical'], {
          error: 'must be constant, reciprocal or empirical'
        })
        .default('constant'),
      value: positive.default(0.25),
      includeDoubleZero: z.boolean({ error: 'must be true or false' }).default(false)
    })
    .default({ method: 'constant', value: 0.25, includeDoubleZero: false }),
  ctuCompatibility: z.boolean({ error: 'must be true or false' }).default(false),
  confidenceLevel: z
    .union([z.literal(0.95), z.literal(0.99), z.literal(0.995), z.literal(0.999)], {
      error: 'must be 0.95, 0.99, 0.995 or 0.999'
    })
    .default(0.95),
  order: z
    .enum(['asEntered', 'yearThenName'], { error: 'must be asEntered or yearThenName' })
    .default('asEntered'),
  heterogeneityCentre: z
    .enum(['fixedMethod', 'inverseVariance'], { error: 'must be fixedMethod or inverseVariance' })
    .optional(),
  mdVariance: z.enum(['unequal', 'pooled'], { error: 'must be unequal or pooled' }).optional()
})

export const monitoringSchema = z.object({
  alpha: probability.default(0.05),
  sides: sides.default(2),
  beta: probability.default(0.2),
  alphaSpending: spending.default({ kind: 'obf' }),
  betaSpending: spending.default({ kind: 'obf' }),
  futility: z
    .enum(['none', 'tsaWedge', 'nonBinding', 'binding'], {
      error: 'must be none, tsaWedge, nonBinding or binding'
    })
    .default('none'),
  minimumLookIncrement: z
    .number({ error: 'must be a number' })
    .gte(0, { error: 'must be ≥ 0' })
    .lt(1, { error: 'must be < 1' })
    .optional(),
  minimumLookFraction: z
    .number({ error: 'must be a number' })
    .gte(0, { error: 'must be ≥ 0' })
    .lt(1, { error: 'must be < 1' })
    .optional(),
  boundaryEngine: z.enum(['tsa', 'precise'], { error: 'must be tsa or precise' }).default('tsa'),
  informationAxis: z
    .enum(['participants', 'events', 'information'], {
      error: 'must be participants, events or information'
    })
    .default('participants'),
  ris: z
    .object({
      mode: z
        .enum(['formula', 'manual'], { error: 'must be formula or manual' })
        .default('formula'),
      controlRisk: z
        .union([probability, fromData], {
          error: 'must be a proportion in (0, 1) or { "from": "data" }'
        })
        .optional(),
      relativeRiskReduction: z
        .union([probability, fromData], {
          error: 'must be a proportion in (0, 1) or { "from": "data" }'
        })
        .optional(),
      relativeBenefitIncrease: z
        .union([positive, fromData], { error: 'must be > 0 or { "from": "data" }' })
        .optional(),
      difference: z
        .union([finite, fromData], { error: 'must be a number or { "from": "data" }' })
        .optional(),
      variance: z
        .union([positive, fromData], { error: 'must be > 0 or { "from": "data" }' })
        .optional(),
      heterogeneity: risHeterogeneity.default({ kind: 'diversity' }),
      manual: positive.nullable().default(null),
      sequentialInflation: z.boolean({ error: 'must be true or false' }).default(false)
    })
    .default({
      mode: 'formula',
      heterogeneity: { kind: 'diversity' },
      manual: null,
      sequentialInflation: false
    }),
  lil: z
    .object({
      enabled: z.boolean({ error: 'must be true or false' }).default(false),
      lambda: positive.default(2)
    })
    .default({ enabled: false, lambda: 2 })
})

export const outcomeSchema = z.object({
  type: z.enum(['dichotomous', 'continuous'], { error: 'must be dichotomous or continuous' }),
  direction: z
    .enum(['harmful', 'beneficial'], { error: 'must be harmful or beneficial' })
    .default('harmful'),
  interventionLabel: z.string().default('Intervention'),
  controlLabel: z.string().default('Control')
})

const figureMm = z
  .number({ error: 'must be a number' })
  .gte(FIGURE_MM.min, { error: `must be at least ${FIGURE_MM.min} mm` })
  .lte(FIGURE_MM.max, { error: `must be at most ${FIGURE_MM.max} mm` })

/**
 * How the TSA figure looks, for the app's chart and exports and for `opentsa plot` (whose flags override it). Every
 * field is optional and has no default, so a project that never set one stays without: the defaults live in
 * figure/figureOptions.ts.
 */
export const figureSchema = z.object({
  title: z.string({ error: 'must be text' }).optional(),
  /** x-axis title (default from the information axis, "Cumulative number of participants") */
  xLabel: z.string({ error: 'must be text' }).optional(),
  /** y-axis title (default "Cumulative Z-score") */
  yLabel: z.string({ error: 'must be text' }).optional(),
  /** the group names in "Favours …" (default: the outcome's interventionLabel and controlLabel) */
  interventionLabel: z.string({ error: 'must be text' }).optional(),
  controlLabel: z.string({ error: 'must be text' }).optional(),
  /** each trial's name beside its point of the Z-curve */
  trialLabels: z.boolean({ error: 'must be true or false' }).optional(),
  palette: z.enum(['colourBlind', 'grey'], { error: 'must be colourBlind or grey' }).optional(),
  /** a journal column: single 85 mm or double 170 mm wide */
  preset: z.enum(['single', 'double'], { error: 'must be single or double' }).optional(),
  widthMm: figureMm.optional(),
  heightMm: figureMm.optional()
})

const projectBase = z.object({
  format: z.literal(PROJECT_FORMAT, { error: `must be "${PROJECT_FORMAT}"` }),
  formatVersion: z.literal(PROJECT_FORMAT_VERSION, { error: `must be ${PROJECT_FORMAT_VERSION}` }),
  title: z.string({ error: 'must be text' }).default(''),
  analysis: analysisSchema.default(() => analysisSchema.parse({})),
  monitoring: monitoringSchema.default(() => monitoringSchema.parse({})),
  figure: figureSchema.optional()
})

export const dichotomousProjectSchema = projectBase.extend({
  outcome: outcomeSchema.extend({ type: z.literal('dichotomous') }),
  trials: z.array(dichotomousTrialSchema, { error: 'must be a list of trials' })
})

export const continuousProjectSchema = projectBase.extend({
  outcome: outcomeSchema.extend({ type: z.literal('continuous') }),
  trials: z.array(continuousTrialSchema, { error: 'must be a list of trials' })
})

export type DichotomousProject = z.output<typeof dichotomousProjectSchema>
export type ContinuousProject = z.output<typeof continuousProjectSchema>
export type ProjectFile = DichotomousProject | ContinuousProject
export type DichotomousTrial = z.output<typeof dichotomousTrialSchema>
export type ContinuousTrial = z.output<typeof continuousTrialSchema>
export type AnalysisSettings = z.output<typeof analysisSchema>
export type MonitoringSettings = z.output<typeof monitoringSchema>
export type FigureSettings = z.output<typeof figureSchema>

/**
 * The RIS inputs a project starts with when nobody has given any (a new project, a CSV import), so that its first
 * analysis already has monitoring boundaries: the control event proportion estimated from the trials and a 20%
 * relative risk reduction (benefit increase for a beneficial outcome), a common a priori choice that Settings shows
 * for the user to replace with the protocol's; continuous data: difference and variance estimated from the trials.
 */
export function startingRisInputs(
  type: ProjectFile['outcome']['type']
): Partial<MonitoringSettings['ris']> {
  return type === 'dichotomous'
    ? { controlRisk: { from: 'data' }, relativeRiskReduction: 0.2, relativeBenefitIncrease: 0.2 }
    : { difference: { from: 'data' }, variance: { from: 'data' } }
}

export type ProjectParseResult =
  | { ok: true; value: ProjectFile }
  | { ok: false; error: { code: 'invalidProject'; message: string; field?: string } }

/**
 * Migrations from older format versions, keyed by the version they upgrade FROM. Each takes the raw JSON of that
 * version and returns the raw JSON of the next. Version 1 is the first: none yet.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {}

/** Brings a raw project of any known older version to the current one (no change for the current version). */
export function migrateProject(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw
  let version = current['formatVersion']
  while (typeof version === 'number' && version < PROJECT_FORMAT_VERSION) {
    const step = MIGRATIONS[version]
    if (step === undefined) break
    current = step(current)
    version = current['formatVersion']
  }
  return current
}

/** "trials[2] ('Greif 2000').eventsIntervention" style names: the trial is named as the user knows it. */
function issuePath(path: readonly PropertyKey[], raw: Record<string, unknown>): string {
  return path
    .map((p, i) => {
      if (typeof p !== 'number') return `${i === 0 ? '' : '.'}${String(p)}`
      if (path[i - 1] === 'trials') {
        const trial = (raw['trials'] as unknown[] | undefined)?.[p] as
          { name?: unknown } | undefined
        const name = typeof trial?.name === 'string' && trial.name !== '' ? ` '${trial.name}'` : ''
        return ` ${p + 1}${name}:`
      }
      return `[${p}]`
    })
    .join('')
    .replace(/^trials /, 'trial ')
    .replace(/:\./g, ': ')
}

const invalid = (message: string, field?: string): ProjectParseResult => ({
  ok: false,
  error:
    field === undefined
      ? { code: 'invalidProject', message }
      : { code: 'invalidProject', message, field }
})

/**
 * Validates and normalises a project file read from disk or received over IPC: migration, then the schema of its
 * outcome type, with defaults filled in. The message names the field, and for trial fields the trial
 * ("trial 3 'Greif 2000': eventsIntervention must be a number").
 */
export function parseProjectFile(input: unknown): ProjectParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return invalid('a project file must be a JSON object')
  }
  const raw = migrateProject(input as Record<string, unknown>)
  if (raw['format'] !== PROJECT_FORMAT) {
    return invalid(`not an OpenTSA project: "format" must be "${PROJECT_FORMAT}"`, 'format')
  }
  const version = raw['formatVersion']
  if (typeof version === 'number' && version > PROJECT_FORMAT_VERSION) {
    return invalid(
      `this project was written by a newer OpenTSA (format version ${version}); this one reads up to ${PROJECT_FORMAT_VERSION}`,
      'formatVersion'
    )
  }
  const outcome = raw['outcome'] as { type?: unknown } | undefined
  const schema =
    outcome?.type === 'dichotomous'
      ? dichotomousProjectSchema
      : outcome?.type === 'continuous'
        ? continuousProjectSchema
        : null
  if (schema === null) {
    return invalid('outcome.type must be "dichotomous" or "continuous"', 'outcome.type')
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  if (issue === undefined) return invalid('invalid project')
  const where = issuePath(issue.path, raw)
  const field = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
  return invalid(`${where}${where.endsWith(':') ? ' ' : ': '}${issue.message}`, field)
}

/** A project is the engine's analysis input as it stands: this assignment fails to compile if the two drift apart. */
export const analysisInput = (project: ProjectFile): TsaInput => project
