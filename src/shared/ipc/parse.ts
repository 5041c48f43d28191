// Parsers unknown → Result<Request> for every request of the contract. They run in main on every IPC call (and will
// be reused by the web worker host): the renderer is not trusted to send well-formed data. They check shape, types
// and obvious ranges, and name the offending field; the engine still validates the numerics.
import { z } from 'zod'
import type { BoundaryRequest, RisRequest, SimulationRequest } from '@engine'
import type { DiscardReason, ExportFileRequest, Requests, Result } from './contract'
import { kindError, probability, sides, spending } from '../schemaParts'
import { parseProjectFile, type ProjectFile } from '../projectFile'

export type Parsers = { [K in keyof Requests]: (raw: unknown) => Result<Requests[K]['req']> }

const boundaryRequest = z.strictObject({
  informationFractions: z
    .array(z.number({ error: 'must be a finite number' }).gt(0, { error: 'must be > 0' }), {
      error: 'must be an array of numbers'
    })
    .min(1, { error: 'must contain at least one look' })
    .superRefine((fractions, ctx) => {
      let previous = 0
      fractions.forEach((fraction, k) => {
        if (k > 0 && fraction <= previous) {
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'must be larger than the previous look'
          })
        }
        previous = fraction
      })
    }),
  alpha: probability,
  sides,
  spending,
  engine: z.enum(['tsa', 'precise'], { error: 'must be "tsa" or "precise"' }).exactOptional(),
  beta: probability.exactOptional(),
  futility: z
    .enum(['none', 'tsaWedge', 'nonBinding', 'binding'], {
      error: 'must be one of none, tsaWedge, nonBinding, binding'
    })
    .exactOptional(),
  betaSpending: spending.exactOptional()
})

const heterogeneityValue = z
  .number({ error: 'must be a number' })
  .gte(0, { error: 'must be ≥ 0' })
  .lt(1, { error: 'must be < 1' })

const heterogeneity = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('diversity'), value: heterogeneityValue }),
    z.strictObject({ kind: z.literal('inconsistency'), value: heterogeneityValue })
  ],
  { error: kindError(['none', 'diversity', 'inconsistency']) }
)

const risRequest = z
  .strictObject({
    alpha: probability,
    sides,
    beta: probability,
    controlRisk: probability.exactOptional(),
    relativeRiskReduction: probability.exactOptional(),
    difference: z
      .number({ error: 'must be a number' })
      .refine((d) => d !== 0, { error: 'must not be 0' })
      .exactOptional(),
    variance: z
      .number({ error: 'must be a number' })
      .gt(0, { error: 'must be > 0' })
      .exactOptional(),
    heterogeneity: heterogeneity.exactOptional()
  })
  .superRefine((r, ctx) => {
    const dichotomous = r.controlRisk !== undefined || r.relativeRiskReduction !== undefined
    const continuous = r.difference !== undefined || r.variance !== undefined
    if (dichotomous && continuous) {
      ctx.addIssue({
        code: 'custom',
        path: ['difference'],
        message:
          'give either controlRisk + relativeRiskReduction or difference + variance, not both'
      })
      return
    }
    const missing = dichotomous
      ? (['controlRisk', 'relativeRiskReduction'] as const).filter((k) => r[k] === undefined)
      : continuous
        ? (['difference', 'variance'] as const).filter((k) => r[k] === undefined)
        : (['controlRisk', 'relativeRiskReduction'] as const)
    for (const key of missing) ctx.addIssue({ code: 'custom', path: [key], message: 'is required' })
  })

/** `spending.rho`, `informationFractions[2]`; the whole payload is "request". */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'request'
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('')
}

/** "alpha: must be < 1; spending.rho: must be > 0" (every issue, each led by the field it concerns). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${fieldName(issue.path)}: ${issue.message}`).join('; ')
}

function parserFor<T>(schema: z.ZodType<T>): (raw: unknown) => Result<T> {
  return (raw) => {
    const parsed = schema.safeParse(raw)
    if (parsed.success) return { ok: true, value: parsed.data }
    const [first] = parsed.error.issues
    const message = describeIssues(parsed.error)
    return {
      ok: false,
      error:
        first === undefined
          ? { code: 'invalidRequest', message }
          : { code: 'invalidRequest', message, field: fieldName(first.path) }
    }
  }
}

/** A project payload: parseProjectFile (with its migrations and defaults), its error recast as invalidRequest. */
function parseProjectRequest(raw: unknown): Result<ProjectFile> {
  const parsed = parseProjectFile(raw)
  if (parsed.ok) return parsed
  const { message, field } = parsed.error
  return {
    ok: false,
    error:
      field === undefined
        ? { code: 'invalidRequest', message }
        : { code: 'invalidRequest', message, field }
  }
}

/** A file name without folders, as shown or proposed in a save dialog. */
const fileName = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty' })
  .max(255, { error: 'must be at most 255 characters' })
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', {
    error: 'must be a file name, not a path'
  })

/** 50 MB of payload at most: a figure at 600 dpi is a few MB; anything larger is not ours. */
const MAX_EXPORT_CHARS = 50 * 1024 * 1024

const exportFileRequest = z
  .strictObject({
    kind: z.enum(['png', 'svg', 'pdf', 'csv', 'html'], {
      error: 'must be png, svg, pdf, csv or html'
    }),
    suggestedName: fileName,
    content: z
      .string({ error: 'must be text' })
      .max(MAX_EXPORT_CHARS, { error: 'is too large to export' }),
    encoding: z.enum(['utf8', 'base64'], { error: 'must be utf8 or base64' })
  })
  .superRefine((r, ctx) => {
    const binary = r.kind === 'png' || r.kind === 'pdf'
    if (binary !== (r.encoding === 'base64')) {
      ctx.addIssue({
        code: 'custom',
        path: ['encoding'],
        message: binary ? 'must be base64 for png and pdf' : 'must be utf8 for svg, csv and html'
      })
    }
  })

const recentIndex = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .gte(0, { error: 'must be ≥ 0' })
  .lt(100, { error: 'must be < 100' })

/** Both halves of a request object that carries a project: the project goes through parseProjectFile. */
function withProject<T extends { project: unknown }>(
  schema: z.ZodType<Omit<T, 'project'>>
): (raw: unknown) => Result<Omit<T, 'project'> & { project: ProjectFile }> {
  const rest = parserFor(schema)
  return (raw) => {
    const { project, ...others } =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const parsedRest = rest(others)
    if (!parsedRest.ok) return parsedRest
    const parsedProject = parseProjectRequest(project)
    if (!parsedProject.ok) {
      const { error } = parsedProject
      return {
        ok: false,
        error: { ...error, field: `project${error.field === undefined ? '' : `.${error.field}`}` }
      }
    }
    return { ok: true, value: { ...parsedRest.value, project: parsedProject.value } }
  }
}

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .gte(min, { error: `must be ≥ ${min}` })
    .lte(max, { error: `must be ≤ ${max}` })

/** A relative risk reduction: 0 (no effect) up to, not including, 1. */
const riskReduction = z
  .number({ error: 'must be a number' })
  .gte(0, { error: 'must be ≥ 0' })
  .lt(1, { error: 'must be < 1' })

/** 10⁶ runs take minutes; more is not teaching any more. 200 looks or trials keep one run's work bounded. */
const simulationRequest = z.strictObject({
  id: z
    .string({ error: 'must be text' })
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' }),
  runs: wholeNumber(1, 1_000_000),
  seed: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .refine(Number.isSafeInteger, { error: 'must be a safe integer' }),
  mode: z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('normalLooks'), looks: wholeNumber(1, 200) }),
      z.strictObject({
        kind: z.literal('trials'),
        trials: wholeNumber(1, 200),
        trialSize: wholeNumber(2, 10_000_000),
        controlRisk: probability,
        relativeRiskReduction: riskReduction,
        tau2: z
          .number({ error: 'must be a number' })
          .gte(0, { error: 'must be ≥ 0' })
          .refine(Number.isFinite, { error: 'must be finite' }),
        // the effect the RIS is planned for: 0 would make it infinite
        anticipatedRrr: probability.exactOptional()
      })
    ],
    { error: kindError(['normalLooks', 'trials']) }
  ),
  alpha: probability,
  sides,
  beta: probability,
  spending
})

const noPayload = parserFor<null>(z.null({ error: 'must be null' }))

export const PARSERS: Parsers = {
  runTsa: parseProjectRequest,
  // The annotations make the compiler check each schema's output against the engine's request type.
  computeBoundaries: parserFor<BoundaryRequest>(boundaryRequest),
  computeRequiredInformationSize: parserFor<RisRequest>(risRequest),
  appInfo: noPayload,
  openProject: parserFor<{ recent?: number } | null>(
    z.strictObject({ recent: recentIndex.exactOptional() }).nullable()
  ),
  chooseImportFile: noPayload,
  saveProject: withProject<{ project: ProjectFile; saveAs: boolean }>(
    z.strictObject({ saveAs: z.boolean({ error: 'must be true or false' }) })
  ),
  newDocument: noPayload,
  exportFile: parserFor<ExportFileRequest>(exportFileRequest),
  setDocumentState: parserFor<{ title: string; dirty: boolean }>(
    z.strictObject({
      title: z
        .string({ error: 'must be text' })
        .max(500, { error: 'must be at most 500 characters' }),
      dirty: z.boolean({ error: 'must be true or false' })
    })
  ),
  confirmDiscard: parserFor<{ reason: DiscardReason }>(
    z.strictObject({
      reason: z.enum(['new', 'open', 'import', 'close', 'restore'], {
        error: 'must be new, open, import, close or restore'
      })
    })
  ),
  autosave: (raw) => (raw === null ? { ok: true, value: null } : parseProjectRequest(raw)),
  recovery: noPayload,
  recentDocuments: noPayload,
  print: noPayload,
  exportReportPdf: withProject<{
    project: ProjectFile
    dataExclusions: { trial: string; reason: string }[]
    suggestedName: string
  }>(
    z.strictObject({
      dataExclusions: z
        .array(
          z.strictObject({
            trial: z.string({ error: 'must be text' }).max(500, { error: 'is too long' }),
            reason: z.string({ error: 'must be text' }).max(2000, { error: 'is too long' })
          }),
          { error: 'must be a list' }
        )
        .max(10_000, { error: 'has too many entries' }),
      suggestedName: fileName
    })
  ),
  closeWindow: noPayload,
  simulate: parserFor<SimulationRequest & { id: string }>(simulationRequest),
  cancelSimulation: parserFor<{ id: string }>(
    z.strictObject({ id: simulationRequest.shape.id })
  )
}
