// The CTU TSA program's `.TSA` save format (program v0.9.5.10), read and written. What is known of the format is in
// the project's tsa-file-format.md: tab-separated `key<TAB>value…` lines inside #METAANALYSIS, #TRIAL, #BOUNDARY and
// #GRAPH blocks, with the numeric codes observed in saved files.
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  parseProjectFile,
  type ContinuousTrial,
  type DichotomousTrial,
  type ProjectFile
} from '../projectFile'

export type TsaReadResult =
  | { ok: true; value: ProjectFile; notes: string[] }
  | { ok: false; error: { code: 'invalidTsaFile'; message: string; line?: number } }

interface Block {
  tag: string
  line: number
  entries: Map<string, string[]>
  children: Block[]
}

const EFFECT_MODEL: Record<
  string,
  { model: 'fixed' | 'random'; tau2Method: 'DL' | 'BT' | 'SJ'; note?: string }
> = {
  '10': { model: 'fixed', tau2Method: 'DL' },
  '11': { model: 'random', tau2Method: 'DL' },
  '12': { model: 'random', tau2Method: 'BT' },
  '13': {
    model: 'random',
    tau2Method: 'DL',
    note: 'the CTU "combined" model was read as random effects (DL)'
  },
  '14': {
    model: 'random',
    tau2Method: 'DL',
    note: 'the CTU "hybrid DL" model was read as random effects (DL)'
  },
  '15': {
    model: 'random',
    tau2Method: 'BT',
    note: 'the CTU "hybrid BT" model was read as random effects (BT)'
  },
  '16': { model: 'random', tau2Method: 'SJ' }
}
const EFFECT_MEASURE: Record<string, 'RR' | 'RD' | 'OR' | 'MD' | 'PetoOR'> = {
  '1': 'RR',
  '2': 'RD',
  '3': 'OR',
  '4': 'MD',
  '6': 'PetoOR'
}
const CONFIDENCE: Record<string, 0.95 | 0.99 | 0.995 | 0.999> = {
  CI_950: 0.95,
  CI_990: 0.99,
  CI_995: 0.995,
  CI_999: 0.999
}
const AXIS: Record<string, 'participants' | 'information' | 'events'> = {
  '302': 'participants',
  '303': 'information',
  '304': 'events'
}
const invert = <V extends string | number>(map: Record<string, V>): Map<V, string> =>
  new Map(Object.entries(map).map(([k, v]) => [v, k]))

function parseBlocks(
  text: string
): { ok: true; blocks: Block[] } | { ok: false; message: string; line: number } {
  const root: Block = { tag: 'ROOT', line: 0, entries: new Map(), children: [] }
  const stack: Block[] = [root]
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const lineNo = i + 1
    if (line.trim() === '') continue
    const marker = /^#(\w+) (BEGIN|END)\s*$/.exec(line)
    const top = stack[stack.length - 1] as Block
    if (marker !== null) {
      const [, tag, kind] = marker as unknown as [string, string, string]
      if (kind === 'BEGIN') {
        const block: Block = { tag, line: lineNo, entries: new Map(), children: [] }
        top.children.push(block)
        stack.push(block)
      } else if (top.tag !== tag) {
        return { ok: false, message: `#${tag} END without a matching #${tag} BEGIN`, line: lineNo }
      } else {
        stack.pop()
      }
      continue
    }
    if (top === root) {
      return {
        ok: false,
        message: `text outside any #… BEGIN/END block: "${line.slice(0, 40)}"`,
        line: lineNo
      }
    }
    const [key, ...values] = line.split('\t')
    top.entries.set((key as string).trim(), values)
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1] as Block
    return {
      ok: false,
      message: `#${open.tag} BEGIN (line ${open.line}) is never closed: the file is truncated`,
      line: lines.length
    }
  }
  return { ok: true, blocks: root.children }
}

const first = (block: Block, key: string): string | undefined => block.entries.get(key)?.[0]?.trim()

class TsaFormatError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

function numberAt(block: Block, key: string, what: string): number {
  const raw = first(block, key)
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(value)) {
    throw new TsaFormatError(
      `${what}: "${key}" ${raw === undefined ? 'is missing' : `is not a number ("${raw}")`}`,
      block.line
    )
  }
  return value
}

function readTrial(
  block: Block,
  continuous: boolean,
  index: number
): DichotomousTrial | ContinuousTrial {
  const name = first(block, 'study') ?? `Trial ${index + 1}`
  const what = `trial ${index + 1} '${name}'`
  const yearText = first(block, 'year')
  const year = yearText !== undefined && /^\d+$/.test(yearText) ? Number(yearText) : null
  const common = {
    name,
    year,
    lowRiskOfBias: first(block, 'isHighQuality') === 'true',
    include: first(block, 'isForcefullyIgnored') !== 'true',
    ...(first(block, 'comment') ? { comment: first(block, 'comment') as string } : {})
  }
  if (continuous) {
    return {
      ...common,
      meanIntervention: numberAt(block, 'interventionMeanReponse', what),
      sdIntervention: numberAt(block, 'interventionStandardDeviation', what),
      totalIntervention: numberAt(block, 'interventionGroupSize', what),
      meanControl: numberAt(block, 'controlMeanReponse', what),
      sdControl: numberAt(block, 'controlStandardDeviation', what),
      totalControl: numberAt(block, 'controlGroupSize', what)
    }
  }
  return {
    ...common,
    eventsIntervention: numberAt(block, 'interventionEvent', what),
    totalIntervention: numberAt(block, 'interventionTotal', what),
    eventsControl: numberAt(block, 'controlEvent', what),
    totalControl: numberAt(block, 'controlTotal', what)
  }
}

/** The monitoring settings of the first sequential boundary (the program draws one α-spending boundary per block). */
function readMonitoring(
  boundary: Block | undefined,
  continuous: boolean,
  notes: string[]
): Record<string, unknown> {
  if (boundary === undefined) {
    notes.push(
      'the file has no sequential (α-spending) boundary: default monitoring settings were used'
    )
    return {}
  }
  const what = `boundary '${first(boundary, 'identifier') ?? ''}'`
  const type = first(boundary, 'type')
  const ris: Record<string, unknown> = {}
  if (first(boundary, 'oisType') === '602') {
    ris['mode'] = 'manual'
    ris['manual'] = numberAt(boundary, 'manualOIS', what)
  }
  if (continuous) {
    ris['difference'] = numberAt(boundary, 'mean', what)
    ris['variance'] = numberAt(boundary, 'variance', what)
  } else {
    const effectType = first(boundary, 'interventionEffectType')
    const fromLowBias = effectType === '201' || effectType === '205'
    const fromData = effectType === '203'
    if (fromLowBias || fromData) {
      const from = fromLowBias ? 'lowRiskOfBias' : 'data'
      ris['controlRisk'] = { from }
      ris['relativeRiskReduction'] = { from }
    } else {
      const pc = numberAt(boundary, 'controlEffect', what) / 100
      const pi = numberAt(boundary, 'interventionEffect', what) / 100
      ris['controlRisk'] = pc
      if (pi < pc) ris['relativeRiskReduction'] = 1 - pi / pc
      else ris['relativeBenefitIncrease'] = pi / pc - 1
    }
  }
  const correction = first(boundary, 'heterogeneityCorrection')
  ris['heterogeneity'] =
    correction === '404'
      ? { kind: 'user', value: numberAt(boundary, 'heterogeneityCorrectionValue', what) }
      : { kind: 'diversity' }
  if (
    first(boundary, 'alphaSpendingFunction') !== undefined &&
    first(boundary, 'alphaSpendingFunction') !== '501'
  ) {
    notes.push(
      `${what}: unknown alpha-spending code ${first(boundary, 'alphaSpendingFunction')}; O'Brien–Fleming used`
    )
  }
  return {
    alpha: numberAt(boundary, 'type1error', what) / 100,
    sides: type === '101' || type === '102' ? 1 : 2,
    beta: numberAt(boundary, 'type2error', what) / 100,
    alphaSpending: { kind: 'obf' },
    futility: first(boundary, 'betaSpendingFunction') !== undefined ? 'tsaWedge' : 'none',
    boundaryEngine: 'tsa',
    informationAxis: AXIS[first(boundary, 'timeAxisScaling') ?? '302'] ?? 'participants',
    ris
  }
}

/** Reads a `.TSA` file into a project (CTU compatibility on, as the program computes). */
export function readTsaFile(text: string): TsaReadResult {
  const parsed = parseBlocks(text)
  if (!parsed.ok) {
    return {
      ok: false,
      error: { code: 'invalidTsaFile', message: parsed.message, line: parsed.line }
    }
  }
  const meta = parsed.blocks.find((b) => b.tag === 'METAANALYSIS')
  if (meta === undefined) {
    return {
      ok: false,
      error: {
        code: 'invalidTsaFile',
        message: 'no #METAANALYSIS block: not a TSA program file',
        line: 1
      }
    }
  }
  const notes: string[] = []
  try {
    const continuous = first(meta, 'trialType') === '2'
    const measure = EFFECT_MEASURE[first(meta, 'effectMeasure') ?? '1']
    if (measure === undefined) {
      throw new TsaFormatError(
        `unknown effectMeasure code "${first(meta, 'effectMeasure')}"`,
        meta.line
      )
    }
    const model = EFFECT_MODEL[first(meta, 'effectModel') ?? '11'] ?? EFFECT_MODEL['11']
    if (model?.note !== undefined) notes.push(model.note)
    const zeroMethod = (first(meta, 'zeroEventHandling') ?? 'Constant').toLowerCase()
    const zeroValue = Number(first(meta, 'zeroEventValue') ?? '0.5')
    const trials = parsed.blocks
      .filter((b) => b.tag === 'TRIAL')
      .map((b, i) => readTrial(b, continuous, i))
    const boundary = parsed.blocks.find(
      (b) => b.tag === 'BOUNDARY' && (first(b, 'sort') ?? '').startsWith('sequential')
    )
    const project = {
      format: PROJECT_FORMAT,
      formatVersion: PROJECT_FORMAT_VERSION,
      title: first(meta, 'identifier') ?? '',
      outcome: {
        type: continuous ? 'continuous' : 'dichotomous',
        direction: first(meta, 'outcomeType') === '-1' ? 'beneficial' : 'harmful',
        interventionLabel: first(meta, 'group1') || 'Intervention',
        controlLabel: first(meta, 'group2') || 'Control'
      },
      trials,
      analysis: {
        measure,
        model: model?.model ?? 'random',
        fixedMethod: 'MH',
        tau2Method: model?.tau2Method ?? 'DL',
        zeroEvents: {
          method: ['reciprocal', 'empirical'].includes(zeroMethod) ? zeroMethod : 'constant',
          // The program's "Constant 0.5" adds 0.5 per arm, i.e. 0.25 per cell (methods.md §1, §10).
          value: Number.isFinite(zeroValue) && zeroValue > 0 ? zeroValue / 2 : 0.25,
          // The meaning of the program's ignoreZeroEventsTrials flag is not documented: double-zero trials
          // follow methods.md §1 (excluded from ratio measures, reported).
          includeDoubleZero: false
        },
        ctuCompatibility: true,
        confidenceLevel: CONFIDENCE[first(meta, 'confidenceInterval') ?? 'CI_950'] ?? 0.95
      },
      monitoring: readMonitoring(boundary, continuous, notes)
    }
    const valid = parseProjectFile(project)
    if (!valid.ok) {
      return { ok: false, error: { code: 'invalidTsaFile', message: valid.error.message } }
    }
    return { ok: true, value: valid.value, notes }
  } catch (e) {
    if (e instanceof TsaFormatError) {
      return { ok: false, error: { code: 'invalidTsaFile', message: e.message, line: e.line } }
    }
    throw e
  }
}

const line = (key: string, ...values: (string | number)[]): string =>
  [key, ...values.map(String)].join('\t')
/** The program writes counts as "13.0". */
const decimal = (x: number | null): string =>
  x === null ? '' : Number.isInteger(x) ? x.toFixed(1) : String(x)
const clean = (text: string): string => text.replace(/[\t\r\n]+/g, ' ')

/**
 * Writes a project as a `.TSA` file, with one conventional and one α-spending boundary as the program saves them.
 * Returns the text and what the format cannot hold (it has only O'Brien–Fleming spending and the inner wedge).
 */
export function writeTsaFile(project: ProjectFile): { text: string; warnings: string[] } {
  const warnings: string[] = []
  const { analysis: a, monitoring: m, outcome } = project
  const continuous = outcome.type === 'continuous'
  const modelCode =
    a.model === 'fixed'
      ? '10'
      : ({ DL: '11', BT: '12', SJ: '16' } as Record<string, string>)[a.tau2Method]
  if (modelCode === undefined) {
    warnings.push(`τ² method ${a.tau2Method} is not in the TSA program: written as DL`)
  }
  if (m.alphaSpending.kind !== 'obf') {
    warnings.push(`the TSA program has only O'Brien–Fleming spending (not ${m.alphaSpending.kind})`)
  }
  if (m.futility === 'binding' || m.futility === 'nonBinding') {
    warnings.push('design-style futility was written as the inner wedge')
  }
  if (a.hksj) warnings.push('the HKSJ adjustment is not in the TSA program')
  const out: string[] = [
    '#METAANALYSIS BEGIN',
    line('identifier', clean(project.title)),
    line('outcomeType', outcome.direction === 'beneficial' ? -1 : 1),
    line('trialType', continuous ? 2 : 1),
    line('effectModel', modelCode ?? '11'),
    line('effectMeasure', invert(EFFECT_MEASURE).get(a.measure) ?? '1'),
    line(
      'zeroEventHandling',
      a.zeroEvents.method === 'constant'
        ? 'Constant'
        : a.zeroEvents.method === 'reciprocal'
          ? 'Reciprocal'
          : 'Empirical'
    ),
    line('zeroEventValue', a.zeroEvents.value * 2),
    line('ignoreZeroEventsTrials', 'false'), // as in the program's own files
    line('confidenceInterval', invert(CONFIDENCE).get(a.confidenceLevel) ?? 'CI_950'),
    line('confidenceIntervalAlphaSpendingBoundary', ''),
    line('group1', clean(outcome.interventionLabel)),
    line('group2', clean(outcome.controlLabel)),
    line('comment', 'Written by OpenTSA'),
    '#METAANALYSIS END',
    ''
  ]
  for (const trial of project.trials) {
    out.push(
      '#TRIAL BEGIN',
      line('sort', continuous ? 'continuous' : 'dichotomous'),
      line('year', trial.year ?? ''),
      line('study', clean(trial.name))
    )
    if ('meanIntervention' in trial) {
      out.push(
        line('interventionGroupSize', decimal(trial.totalIntervention)),
        line('interventionMeanReponse', trial.meanIntervention ?? ''),
        line('interventionStandardDeviation', trial.sdIntervention ?? ''),
        line('controlGroupSize', decimal(trial.totalControl)),
        line('controlMeanReponse', trial.meanControl ?? ''),
        line('controlStandardDeviation', trial.sdControl ?? '')
      )
    } else {
      out.push(
        line('interventionEvent', decimal(trial.eventsIntervention)),
        line('interventionTotal', decimal(trial.totalIntervention)),
        line('controlEvent', decimal(trial.eventsControl)),
        line('controlTotal', decimal(trial.totalControl))
      )
    }
    out.push(
      line('isHighQuality', String(trial.lowRiskOfBias)),
      line('isForcefullyIgnored', String(!trial.include)),
      line('comment', clean(trial.comment ?? '')),
      '#TRIAL END',
      ''
    )
  }
  const alphaPct = +(m.alpha * 100).toPrecision(12)
  const graph = (id: string, rgb: string): string[] => [
    '#GRAPH BEGIN',
    line('id', id),
    line('color', ...rgb.split(' ')),
    line('graphLineType', 'Full'),
    line('graphIconType', 'Diamond Fill'),
    line('graphIconSize', 6),
    line('doShow', 'true'),
    '#GRAPH END'
  ]
  out.push(
    '#BOUNDARY BEGIN',
    line('sort', 'conventional'),
    line('identifier', `${alphaPct}%`),
    line('type', 103),
    line('type1error', alphaPct.toFixed(1)),
    ...graph(`${alphaPct}%`, '155 0 0'),
    '#BOUNDARY END',
    ''
  )
  const ris = m.ris
  const name = 'Sequential boundary'
  out.push(
    '#BOUNDARY BEGIN',
    line('sort', continuous ? 'sequential continuous' : 'sequential dichotome'),
    line('identifier', name),
    line('type', m.sides === 1 ? 101 : 103),
    line('type1error', alphaPct.toFixed(1)),
    line('oisType', ris.mode === 'manual' ? 602 : 603),
    line('manualOIS', decimal(ris.manual ?? 0)),
    line('type2error', (+(m.beta * 100).toPrecision(12)).toFixed(1))
  )
  if (continuous) {
    if (typeof ris.difference !== 'number' || typeof ris.variance !== 'number') {
      warnings.push('the TSA program needs a user-given mean difference and variance')
    }
    out.push(
      line('meanType', 202),
      line('mean', typeof ris.difference === 'number' ? ris.difference : 0),
      line('varianceType', 202),
      line('variance', typeof ris.variance === 'number' ? ris.variance : 0)
    )
  } else if (typeof ris.controlRisk === 'number') {
    const pc = ris.controlRisk
    const pi =
      typeof ris.relativeRiskReduction === 'number'
        ? pc * (1 - ris.relativeRiskReduction)
        : typeof ris.relativeBenefitIncrease === 'number'
          ? pc * (1 + ris.relativeBenefitIncrease)
          : pc
    out.push(
      line('interventionEffectType', 204),
      line('interventionEffect', +(pi * 100).toPrecision(12)),
      line('controlEffect', +(pc * 100).toPrecision(12))
    )
  } else {
    const lowBias = typeof ris.controlRisk === 'object' && ris.controlRisk.from === 'lowRiskOfBias'
    out.push(
      line('interventionEffectType', lowBias ? 205 : 203),
      line('interventionEffect', 0),
      line('controlEffect', 0)
    )
  }
  const h = ris.heterogeneity
  if (h.kind === 'inconsistency' || h.kind === 'none') {
    warnings.push(
      `heterogeneity adjustment "${h.kind}" is written as a user-defined D² of ${h.kind === 'none' ? 0 : 'the data’s I² (not known here): 0'}`
    )
  }
  out.push(
    line('timeAxisScaling', invert(AXIS).get(m.informationAxis) ?? 302),
    line('heterogeneityCorrection', h.kind === 'diversity' ? 401 : 404),
    line('heterogeneityCorrectionValue', h.kind === 'user' ? h.value : 0),
    line('alphaSpendingFunction', 501),
    ...(m.futility === 'none' ? [] : [line('betaSpendingFunction', 802)]),
    line(
      'trials',
      ...project.trials.filter((t) => t.include).map((t) => `(${t.year ?? ''})${clean(t.name)}`)
    ),
    ...graph(name, '255 0 0'),
    '#BOUNDARY END',
    ''
  )
  return { text: out.join('\n'), warnings }
}
