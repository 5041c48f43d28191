// RevMan reviews as projects: the RevMan 5 review file (.rm5, XML) and the RevMan Web data package (.zip of CSVs,
// read in revmanDataPackage.ts), as the project's ecosystem notes §2.1–2.3 describe them. Both readers fill one model
// (RevmanReview) and one builder turns an analysis of it into a project, so a review gives the same analyses and
// trials whichever file it came in. Pure: the caller reads the bytes; `fileName` is only what the messages call it.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  TRIAL_DATA_FIELDS,
  parseProjectFile,
  startingRisInputs,
  type AnalysisSettings,
  type ProjectFile
} from '../projectFile'
import { parseLocaleNumber } from './cellText'
import { readRevmanDataPackage } from './revmanDataPackage'

// ---- the API ----------------------------------------------------------------------------------------------------

/** One importable analysis: an outcome (all its data, every subgroup included) or one subgroup of it. */
export interface RevmanAnalysis {
  /** The outcome's ID ("CMP-001.01") or the subgroup's ("CMP-001.02.01"), as RevMan numbers them. */
  id: string
  /** The outcome's name, or the subgroup's. */
  name: string
  type: 'dichotomous' | 'continuous'
  /** Data rows; for an outcome with subgroups, those of all its subgroups (a study may appear in several). */
  trials: number
  comparison: string
  outcome: string
  subgroup: string | null
}

/** An outcome OpenTSA cannot analyse (generic inverse variance, O − E and variance), so that hosts can say why. */
export interface RevmanUnsupportedOutcome {
  id: string
  name: string
  comparison: string
  /** "generic inverse variance", "O − E and variance", or the data package's own name for the data type. */
  dataType: string
  trials: number
}

export type RevmanResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: 'invalidFile'; message: string } }

/** What a RevMan file holds: the importable analyses, and the outcomes left out of that list with the reason. */
export interface RevmanContents {
  analyses: RevmanAnalysis[]
  unsupported: RevmanUnsupportedOutcome[]
}

/** The importable analyses of a RevMan 5 file or a RevMan Web data package, in the review's order. */
export function listRevmanAnalyses(
  bytes: Uint8Array,
  fileName: string
): RevmanResult<RevmanAnalysis[]> {
  const contents = revmanContents(bytes, fileName)
  return contents.ok ? { ok: true, value: contents.value.analyses } : contents
}

/** listRevmanAnalyses, plus the outcomes that are not importable (IV and IPD data). */
export function revmanContents(bytes: Uint8Array, fileName: string): RevmanResult<RevmanContents> {
  const review = readRevmanReview(bytes, fileName)
  return review.ok ? { ok: true, value: revmanReviewContents(review.value) } : review
}

/** One analysis (an id from listRevmanAnalyses) as a new project, with what the import could not carry over. */
export function importRevmanAnalysis(
  bytes: Uint8Array,
  fileName: string,
  id: string
): RevmanResult<{ project: ProjectFile; warnings: string[] }> {
  const review = readRevmanReview(bytes, fileName)
  return review.ok ? projectFromRevmanReview(review.value, fileName, id) : review
}

/**
 * Reads either kind of RevMan file into the model (a zip, by its name or its first bytes, is a data package), for callers that
 * list and then import without reading the file twice. Never throws: anything unexpected becomes a message.
 */
export function readRevmanReview(bytes: Uint8Array, fileName: string): RevmanResult<RevmanReview> {
  try {
    const zip = isZip(bytes) || /\.zip$/i.test(fileName)
    return zip ? readRevmanDataPackage(bytes, fileName) : readRm5(bytes, fileName)
  } catch (e) {
    return invalidFile(
      `${fileName}: cannot be read (${e instanceof Error ? e.message : String(e)})`
    )
  }
}

// ---- the model both readers fill --------------------------------------------------------------------------------

/** The raw inputs of a data row (group 1 = experimental, 2 = control); RevMan's computed fields are never read. */
export type RevmanRawField =
  'events1' | 'total1' | 'events2' | 'total2' | 'mean1' | 'sd1' | 'mean2' | 'sd2'

export interface RevmanRow {
  study: string
  /** As the file gives it ("1974"; "" when unknown); the builder takes its first four digits. */
  year: string
  /** Breaks ties within a year: RevMan's user-defined ORDER, or the row's position in the data package. */
  order: number
  /** Raw values as written; undefined: the file has no such attribute. */
  values: Partial<Record<RevmanRawField, string>>
  /** Where the row is, for messages: "CMP-001.01, DICH_DATA for study 'MRC-1'" or "…-data-rows.csv line 6". */
  where: string
  /** The study is in none of the review's study lists: its name was decoded from the row's STUDY_ID. */
  namedFromId?: true
}

export interface RevmanSubgroup {
  id: string
  name: string
  rows: RevmanRow[]
}

export interface RevmanOutcome {
  id: string
  comparison: string
  name: string
  dataType: 'DICH' | 'CONT' | 'IV' | 'IPD'
  /** The file's name for the data type, for messages about outcomes that cannot be imported. */
  dataTypeName: string
  /** As written: short ("OR", "PETO_OR", "SMD") or long ("Odds Ratio", "Std. Mean Difference"). */
  effectMeasure: string
  /** As written: "MH", "IV", "PETO" ("" when the file does not say). */
  method: string
  random: boolean
  /** RevMan analysed non-events ("Swap event and non-event"). */
  swapEvents: boolean
  /** The confidence level of the pooled estimate in percent, as written ("95", "95%"; "" when not given). */
  confidence: string
  /** Group 1 (experimental) and group 2 (control) labels; "" when not given. */
  groupLabels: [string, string]
  /** Rows outside any subgroup. */
  rows: RevmanRow[]
  subgroups: RevmanSubgroup[]
  /** Where the outcome's settings are, for messages: "CMP-001.01" or "…-overall-estimates-and-settings.csv line 2". */
  where: string
}

export interface RevmanReview {
  /** The review's title; "" when the file does not carry it (a data package does not). */
  title: string
  source: 'rm5' | 'dataPackage'
  /** What the file calls each raw field and setting, so that messages use the file's own words. */
  names: Record<RevmanRawField | 'effectMeasure' | 'method' | 'confidence', string>
  /** In the review's order (comparison, then outcome number). */
  outcomes: RevmanOutcome[]
  /** Problems met while reading that do not stop an import (an encoding guessed against the declaration). */
  warnings: string[]
}

const invalidFile = (message: string): RevmanResult<never> => ({
  ok: false,
  error: { code: 'invalidFile', message }
})

const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4

const IMPORTABLE = { DICH: 'dichotomous', CONT: 'continuous' } as const

/** The analyses of a review read with readRevmanReview (what revmanContents gives for the file). */
export function revmanReviewContents(review: RevmanReview): RevmanContents {
  const analyses: RevmanAnalysis[] = []
  const unsupported: RevmanUnsupportedOutcome[] = []
  for (const outcome of review.outcomes) {
    const trials = outcome.rows.length + outcome.subgroups.reduce((n, s) => n + s.rows.length, 0)
    if (outcome.dataType === 'IV' || outcome.dataType === 'IPD') {
      const { id, name, comparison, dataTypeName: dataType } = outcome
      unsupported.push({ id, name, comparison, dataType, trials })
      continue
    }
    const common = {
      type: IMPORTABLE[outcome.dataType],
      comparison: outcome.comparison,
      outcome: outcome.name
    }
    analyses.push({ id: outcome.id, name: outcome.name, trials, subgroup: null, ...common })
    for (const subgroup of outcome.subgroups) {
      const { id, name, rows } = subgroup
      analyses.push({ id, name, trials: rows.length, subgroup: name, ...common })
    }
  }
  return { analyses, unsupported }
}

// ---- RevMan 5 (.rm5) --------------------------------------------------------------------------------------------

/** Elements that may repeat: always arrays, so that one study or one outcome reads like many. */
const REPEATED = /^(COMPARISON|STUDY|(DICH|CONT|IV|IPD)_(OUTCOME|SUBGROUP|DATA))$/

/** The prose of a review, skipped unparsed: a large file's text is most of its size and nothing here needs it. */
const PROSE = [
  'MAIN_TEXT',
  'CHARACTERISTICS_OF_STUDIES',
  'QUALITY_ITEMS',
  'SOF_TABLES',
  'ADDITIONAL_TABLES',
  'FIGURES',
  'FEEDBACK',
  'APPENDICES',
  'EXTENSIONS'
].map((section) => `COCHRANE_REVIEW.${section}`)

const OUTCOME_KINDS = [
  { kind: 'DICH', dataTypeName: 'dichotomous' },
  { kind: 'CONT', dataTypeName: 'continuous' },
  { kind: 'IV', dataTypeName: 'generic inverse variance' },
  { kind: 'IPD', dataTypeName: 'O − E and variance' }
] as const

/** The attribute of each raw input of a data row (IV and IPD rows have none of them: they are only counted). */
const RM5_ATTRIBUTES: Record<RevmanRawField, string> = {
  events1: 'EVENTS_1',
  total1: 'TOTAL_1',
  events2: 'EVENTS_2',
  total2: 'TOTAL_2',
  mean1: 'MEAN_1',
  sd1: 'SD_1',
  mean2: 'MEAN_2',
  sd2: 'SD_2'
}

type XmlNode = { [key: string]: unknown }

/** An element's children of one name. An element with only text comes back from the parser as a string. */
function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  const value = node?.[tag]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map((v: unknown) =>
    typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }
  )
}
const child = (node: XmlNode | undefined, tag: string): XmlNode | undefined =>
  children(node, tag)[0]
const attribute = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`]
  return value === undefined ? undefined : String(value)
}
const textOf = (node: XmlNode | undefined): string => {
  const value = node?.['#text']
  return value === undefined ? '' : String(value).trim()
}

/** "STD-ISIS_x002d_2" → "STD-ISIS-2": RevMan writes characters that XML IDs may not hold as _xHHHH_ (UTF-16 units). */
export function decodeRevmanId(id: string): string {
  return id.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  )
}

/**
 * The text of an .rm5 file in the encoding its XML declaration names (ISO-8859-1 in the files RevMan writes; UTF-8
 * when none is named), or a byte-order mark's. Bytes that are valid UTF-8 with non-ASCII characters are read as
 * UTF-8 whatever the declaration says: as ISO-8859-1 they would be mojibake ("SÃ¸rensen").
 */
function decodeRm5(
  bytes: Uint8Array,
  fileName: string
): RevmanResult<{ text: string; warnings: string[] }> {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : null
  const head = String.fromCharCode(...bytes.subarray(0, 200))
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1]
  const label = bom ?? declared ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label, { fatal: true })
  } catch {
    return invalidFile(
      `${fileName}: the XML declaration names the encoding "${label}", which OpenTSA cannot read`
    )
  }
  const utf8 = (): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return null
    }
  }
  if (decoder.encoding === 'utf-8') {
    const text = utf8()
    if (text !== null) return { ok: true, value: { text, warnings: [] } }
    return invalidFile(
      `${fileName}: the XML declaration says the file is ${declared ?? 'UTF-8'}, but it is not valid UTF-8 ` +
        '(was it saved in another encoding, such as ISO-8859-1?)'
    )
  }
  if (bom === null && bytes.some((b) => b >= 0x80)) {
    const text = utf8()
    if (text !== null) {
      const note = `the XML declaration says ${label}, but the file is UTF-8 and was read as UTF-8`
      return { ok: true, value: { text, warnings: [note] } }
    }
  }
  try {
    return { ok: true, value: { text: decoder.decode(bytes), warnings: [] } }
  } catch {
    return invalidFile(`${fileName}: the file is not valid ${label}, as its XML declaration says`)
  }
}

function readRm5(bytes: Uint8Array, fileName: string): RevmanResult<RevmanReview> {
  const decoded = decodeRm5(bytes, fileName)
  if (!decoded.ok) return decoded
  const { text, warnings } = decoded.value
  // The parser accepts broken XML silently (a truncated file parses as far as it goes): validate first.
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { line, col, msg } = valid.err
    const complete = ' (is the file complete?)'
    // The validator reports several unclosed elements as "Invalid '[…names…]' found." at line 1: say it plainly.
    const open = /^Invalid '\[(.*)\]' found\.$/.exec(msg)?.[1]
    if (open !== undefined) {
      const names = [...open.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).reverse()
      return invalidFile(
        `${fileName}: not well-formed XML: it ends before ${names.join(', ')} are closed${complete}`
      )
    }
    // an error on the last line, or an element never closed, is what a cut-off file looks like
    const lastLine = text.trimEnd().split('\n').length
    const truncated = /^Unclosed tag/.test(msg) || line >= lastLine ? complete : ''
    return invalidFile(
      `${fileName}: not well-formed XML: line ${line}, column ${col}: ${msg}${truncated}`
    )
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true, // also decodes character references (&#233;), which the parser leaves alone without it
    stopNodes: PROSE,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.test(name)
  })
  const document = parser.parse(text) as XmlNode
  const root = child(document, 'COCHRANE_REVIEW')
  if (root === undefined) {
    const found = Object.keys(document).find((key) => !key.startsWith('?'))
    return invalidFile(
      `${fileName}: not a RevMan 5 review: the root element is <${found ?? '?'}>, not <COCHRANE_REVIEW>`
    )
  }
  if (attribute(root, 'TYPE') === 'DIAGNOSTIC') {
    return invalidFile(
      `${fileName}: a diagnostic test accuracy review has no intervention comparisons to import`
    )
  }
  const studies = studyIndex(root)
  const outcomes: RevmanOutcome[] = []
  for (const comparison of sortByNo(
    children(child(root, 'ANALYSES_AND_DATA'), 'COMPARISON'),
    itself
  )) {
    const comparisonName = textOf(child(comparison, 'NAME'))
    const found: { node: XmlNode; kind: (typeof OUTCOME_KINDS)[number] }[] = []
    for (const kind of OUTCOME_KINDS) {
      for (const node of children(comparison, `${kind.kind}_OUTCOME`)) found.push({ node, kind })
    }
    for (const { node, kind } of sortByNo(found, (f) => f.node)) {
      const outcome = rm5Outcome(node, kind, comparisonName, studies, fileName)
      if (!outcome.ok) return outcome
      outcomes.push(outcome.value)
    }
  }
  const names = {
    ...RM5_ATTRIBUTES,
    effectMeasure: 'EFFECT_MEASURE',
    method: 'METHOD',
    confidence: 'CI_TOTAL'
  }
  const title = textOf(child(child(root, 'COVER_SHEET'), 'TITLE'))
  return { ok: true, value: { title, source: 'rm5', names, outcomes, warnings } }
}

/** RevMan's NO attribute gives the review's order; the parser groups elements by name, which loses it. */
function sortByNo<T>(items: readonly T[], nodeOf: (item: T) => XmlNode): T[] {
  const no = (item: T): number => Number(attribute(nodeOf(item), 'NO') ?? Number.NaN)
  return items
    .map((item, index) => ({ item, index, no: no(item) }))
    .sort(
      (a, b) =>
        (Number.isFinite(a.no) && Number.isFinite(b.no) ? a.no - b.no : 0) || a.index - b.index
    )
    .map((entry) => entry.item)
}
const itself = (node: XmlNode): XmlNode => node

/** Every STUDY of the review by ID: data rows may point at excluded, awaiting or ongoing studies too. */
function studyIndex(root: XmlNode): Map<string, { name: string; year: string }> {
  const index = new Map<string, { name: string; year: string }>()
  const lists = child(child(root, 'STUDIES_AND_REFERENCES'), 'STUDIES')
  for (const list of [
    'INCLUDED_STUDIES',
    'EXCLUDED_STUDIES',
    'AWAITING_STUDIES',
    'ONGOING_STUDIES'
  ]) {
    for (const study of children(child(lists, list), 'STUDY')) {
      const id = attribute(study, 'ID')
      if (id === undefined) continue
      const name = attribute(study, 'NAME')?.trim() || studyNameFromId(id)
      index.set(id, { name, year: attribute(study, 'YEAR') ?? '' })
    }
  }
  return index
}

const studyNameFromId = (id: string): string => decodeRevmanId(id).replace(/^STD-/, '')

function rm5Outcome(
  node: XmlNode,
  kind: (typeof OUTCOME_KINDS)[number],
  comparison: string,
  studies: Map<string, { name: string; year: string }>,
  fileName: string
): RevmanResult<RevmanOutcome> {
  const element = `${kind.kind}_OUTCOME`
  const id = attribute(node, 'ID')
  if (id === undefined || id.trim() === '') {
    return invalidFile(`${fileName}: a ${element} in "${comparison}" has no ID attribute`)
  }
  const rowsOf = (parent: XmlNode, where: string): RevmanResult<RevmanRow[]> => {
    const rows: RevmanRow[] = []
    const tag = `${kind.kind}_DATA`
    const elements = children(parent, tag)
    for (let i = 0; i < elements.length; i++) {
      const data = elements[i] as XmlNode
      const studyId = attribute(data, 'STUDY_ID')
      if (studyId === undefined || studyId.trim() === '') {
        return invalidFile(`${fileName}: ${where}, ${tag} ${i + 1}: no STUDY_ID attribute`)
      }
      const study = studies.get(studyId)
      const name = study?.name ?? studyNameFromId(studyId)
      const values: Partial<Record<RevmanRawField, string>> = {}
      for (const [field, name] of Object.entries(RM5_ATTRIBUTES) as [RevmanRawField, string][]) {
        const value = attribute(data, name)
        if (value !== undefined) values[field] = value
      }
      const order = Number(attribute(data, 'ORDER') ?? Number.NaN)
      rows.push({
        study: name,
        year: study?.year ?? '',
        // rows without ORDER keep their place in the file, after those with one
        order: Number.isFinite(order) ? order : 1e9 + i,
        values,
        where: `${where}, ${tag} for study '${name}'`,
        ...(study === undefined ? { namedFromId: true as const } : {})
      })
    }
    return { ok: true, value: rows }
  }
  const rows = rowsOf(node, id)
  if (!rows.ok) return rows
  const subgroups: RevmanSubgroup[] = []
  for (const subgroup of sortByNo(children(node, `${kind.kind}_SUBGROUP`), itself)) {
    const subgroupId = attribute(subgroup, 'ID')
    if (subgroupId === undefined || subgroupId.trim() === '') {
      return invalidFile(`${fileName}: ${id}: a ${kind.kind}_SUBGROUP has no ID attribute`)
    }
    const subgroupRows = rowsOf(subgroup, subgroupId)
    if (!subgroupRows.ok) return subgroupRows
    const name = textOf(child(subgroup, 'NAME')) || subgroupId
    subgroups.push({ id: subgroupId, name, rows: subgroupRows.value })
  }
  return {
    ok: true,
    value: {
      id,
      comparison,
      name: textOf(child(node, 'NAME')) || id,
      dataType: kind.kind,
      dataTypeName: kind.dataTypeName,
      effectMeasure: attribute(node, 'EFFECT_MEASURE') ?? '',
      method: attribute(node, 'METHOD') ?? '',
      random: attribute(node, 'RANDOM') === 'YES',
      swapEvents: attribute(node, 'SWAP_EVENTS') === 'YES',
      confidence: attribute(node, 'CI_TOTAL') ?? '',
      groupLabels: [textOf(child(node, 'GROUP_LABEL_1')), textOf(child(node, 'GROUP_LABEL_2'))],
      rows: rows.value,
      subgroups,
      where: id
    }
  }
}

// ---- one analysis → a project ------------------------------------------------------------------------------------

type Measure = AnalysisSettings['measure']

/** Effect measures by RevMan's short and long names, compared in upper case with "_", "." and spaces as one space. */
const MEASURES: Record<string, { dataType: 'DICH' | 'CONT'; measure: Measure; smd?: true }> = {
  OR: { dataType: 'DICH', measure: 'OR' },
  'ODDS RATIO': { dataType: 'DICH', measure: 'OR' },
  RR: { dataType: 'DICH', measure: 'RR' },
  'RISK RATIO': { dataType: 'DICH', measure: 'RR' },
  RD: { dataType: 'DICH', measure: 'RD' },
  'RISK DIFFERENCE': { dataType: 'DICH', measure: 'RD' },
  'PETO OR': { dataType: 'DICH', measure: 'PetoOR' },
  'PETO ODDS RATIO': { dataType: 'DICH', measure: 'PetoOR' },
  MD: { dataType: 'CONT', measure: 'MD' },
  'MEAN DIFFERENCE': { dataType: 'CONT', measure: 'MD' },
  SMD: { dataType: 'CONT', measure: 'MD', smd: true },
  'STD MEAN DIFFERENCE': { dataType: 'CONT', measure: 'MD', smd: true },
  'STANDARDIZED MEAN DIFFERENCE': { dataType: 'CONT', measure: 'MD', smd: true },
  'STANDARDISED MEAN DIFFERENCE': { dataType: 'CONT', measure: 'MD', smd: true }
}
const METHODS: Record<string, 'MH' | 'IV' | 'PETO'> = {
  MH: 'MH',
  'M H': 'MH',
  'MANTEL HAENSZEL': 'MH',
  IV: 'IV',
  'INVERSE VARIANCE': 'IV',
  PETO: 'PETO'
}
const normalise = (name: string): string =>
  name
    .toUpperCase()
    .replace(/[\s._-]+/g, ' ')
    .trim()

const CONFIDENCE_LEVELS = [0.95, 0.99, 0.995, 0.999] as const

/** The project field each raw RevMan field fills (group 1 is the experimental intervention). */
const PROJECT_FIELD: Record<RevmanRawField, string> = {
  events1: 'eventsIntervention',
  total1: 'totalIntervention',
  events2: 'eventsControl',
  total2: 'totalControl',
  mean1: 'meanIntervention',
  sd1: 'sdIntervention',
  mean2: 'meanControl',
  sd2: 'sdControl'
}
const RAW_FIELDS = Object.keys(PROJECT_FIELD) as RevmanRawField[]
const rawFieldFor = (projectField: string): RevmanRawField =>
  RAW_FIELDS.find((raw) => PROJECT_FIELD[raw] === projectField) as RevmanRawField

/** "1974", "1974a", "1974 (1975)" → 1974; anything else → null. */
const yearOf = (text: string): number | null => {
  const match = /^\s*(\d{4})(?!\d)/.exec(text)
  return match === null ? null : Number(match[1])
}

/** The analysis settings RevMan used (effect measure, method, model, confidence level), with what did not carry over. */
function analysisSettings(
  review: RevmanReview,
  outcome: RevmanOutcome,
  fileName: string
): RevmanResult<{ analysis: Partial<AnalysisSettings>; warnings: string[] }> {
  const warnings: string[] = []
  const where = `${fileName}: ${outcome.where}`
  const known = MEASURES[normalise(outcome.effectMeasure)]
  if (known === undefined || known.dataType !== outcome.dataType) {
    const accepted = outcome.dataType === 'DICH' ? 'OR, RR, RD or Peto OR' : 'MD or SMD'
    return invalidFile(
      `${where}: ${review.names.effectMeasure} "${outcome.effectMeasure}" is not an effect measure OpenTSA ` +
        `can analyse for ${IMPORTABLE[outcome.dataType as 'DICH' | 'CONT']} data (${accepted})`
    )
  }
  let measure = known.measure
  if (known.smd === true) {
    warnings.push(
      'RevMan analysed this outcome as a standardised mean difference (SMD); OpenTSA analyses the same means and SDs as a mean difference (MD), in the outcome’s own units'
    )
  }
  const method = outcome.method.trim() === '' ? undefined : METHODS[normalise(outcome.method)]
  if (outcome.method.trim() !== '' && method === undefined) {
    return invalidFile(
      `${where}: ${review.names.method} "${outcome.method}" is not a method OpenTSA knows (MH, IV or Peto)`
    )
  }
  if (outcome.dataType === 'DICH' && method === 'PETO') measure = 'PetoOR'
  const analysis: Partial<AnalysisSettings> = {
    measure,
    model: outcome.random ? 'random' : 'fixed',
    fixedMethod: method === 'IV' || outcome.dataType === 'CONT' ? 'IV' : 'MH',
    tau2Method: 'DL', // RevMan 5's only random-effects estimator
    order: 'asEntered' // the trials are put in chronological order here, with RevMan's order breaking ties
  }
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(outcome.confidence)?.[1]
  if (percent !== undefined) {
    const level = CONFIDENCE_LEVELS.find((l) => Math.abs(l * 100 - Number(percent)) < 1e-9)
    if (level !== undefined) analysis.confidenceLevel = level
    else {
      warnings.push(
        `RevMan’s ${percent}% confidence intervals are not offered here: the project uses 95%`
      )
    }
  }
  return { ok: true, value: { analysis, warnings } }
}

/** The project for an analysis id: its trials in chronological order, RevMan's settings and labels. */
export function projectFromRevmanReview(
  review: RevmanReview,
  fileName: string,
  id: string
): RevmanResult<{ project: ProjectFile; warnings: string[] }> {
  const outcome = review.outcomes.find((o) => o.id === id || o.subgroups.some((s) => s.id === id))
  if (outcome === undefined) {
    const ids = revmanReviewContents(review).analyses.map((a) => a.id)
    const offer = ids.length === 0 ? 'it has none to import' : `it has ${ids.join(', ')}`
    return invalidFile(`${fileName}: there is no analysis "${id}" (${offer})`)
  }
  if (outcome.dataType === 'IV' || outcome.dataType === 'IPD') {
    return invalidFile(
      `${fileName}: ${outcome.id} "${outcome.name}" holds ${outcome.dataTypeName} data, which OpenTSA cannot ` +
        'analyse: it needs the events and totals (dichotomous) or means, SDs and totals (continuous) of each arm'
    )
  }
  const type = IMPORTABLE[outcome.dataType]
  const subgroup = outcome.subgroups.find((s) => s.id === id) ?? null
  const settings = analysisSettings(review, outcome, fileName)
  if (!settings.ok) return settings
  const warnings = [...review.warnings, ...settings.value.warnings]
  // The whole outcome: every subgroup's rows, each marked with its subgroup.
  const parts: { rows: RevmanRow[]; subgroup: RevmanSubgroup | null }[] =
    subgroup !== null
      ? [{ rows: subgroup.rows, subgroup: null }]
      : [
          { rows: outcome.rows, subgroup: null },
          ...outcome.subgroups.map((s) => ({ rows: s.rows, subgroup: s }))
        ]
  const trials: (Record<string, unknown> & { name: string; year: number | null })[] = []
  const keys: { order: number; subgroup: RevmanSubgroup | null }[] = []
  for (const part of parts) {
    for (const row of part.rows) {
      const trial = trialFromRow(row, type, outcome.swapEvents, review, fileName, warnings)
      if (!trial.ok) return trial
      trials.push(trial.value)
      keys.push({ order: row.order, subgroup: part.subgroup })
    }
  }
  if (trials.length === 0) {
    return invalidFile(`${fileName}: ${id} has no data rows to import`)
  }
  if (outcome.swapEvents && type === 'dichotomous') {
    warnings.push(
      'RevMan analysed non-events for this outcome ("swap events"): the events imported are total − events'
    )
  }
  nameRepeatedStudies(trials, keys)
  const order = chronologicalOrder(trials, keys)
  const sorted = order.map((i) => trials[i] as (typeof trials)[number])
  warnings.push(...orderWarnings(review, sorted))
  const unlisted = [
    ...new Set(parts.flatMap((p) => p.rows.filter((r) => r.namedFromId).map((r) => r.study)))
  ]
  if (unlisted.length > 0) {
    warnings.push(
      `not among the review’s studies, named from their study IDs: ${unlisted.join(', ')}`
    )
  }
  const [experimental, control] = outcome.groupLabels
  const name = subgroup === null ? outcome.name : `${outcome.name} — ${subgroup.name}`
  const parsed = parseProjectFile({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    title: review.title === '' ? name : `${review.title}: ${name}`,
    outcome: {
      type,
      ...(experimental !== '' ? { interventionLabel: experimental } : {}),
      ...(control !== '' ? { controlLabel: control } : {})
    },
    trials: sorted,
    analysis: settings.value.analysis,
    monitoring: { ris: startingRisInputs(type) }
  })
  if (!parsed.ok) return invalidFile(`${fileName}: ${id}: ${parsed.error.message}`)
  return { ok: true, value: { project: parsed.value, warnings } }
}

/** A data row as a project trial; an empty value becomes a blank cell (the trial is left out until it is filled in). */
function trialFromRow(
  row: RevmanRow,
  type: 'dichotomous' | 'continuous',
  swapEvents: boolean,
  review: RevmanReview,
  fileName: string,
  warnings: string[]
): RevmanResult<Record<string, unknown> & { name: string; year: number | null }> {
  const trial: Record<string, unknown> & { name: string; year: number | null } = {
    name: row.study,
    year: yearOf(row.year)
  }
  for (const field of TRIAL_DATA_FIELDS[type]) {
    const raw = rawFieldFor(field)
    const text = row.values[raw]
    const what = review.names[raw]
    if (text === undefined) return invalidFile(`${fileName}: ${row.where}: ${what} is missing`)
    if (text.trim() === '') {
      warnings.push(`${row.where}: ${what} is empty; the trial is kept with that cell blank`)
      trial[field] = null
      continue
    }
    const value = parseLocaleNumber(text, false)
    if (Number.isNaN(value)) {
      return invalidFile(`${fileName}: ${row.where}: ${what} "${text}" is not a number`)
    }
    trial[field] = value
  }
  if (swapEvents && type === 'dichotomous') {
    for (const [events, total] of [
      ['eventsIntervention', 'totalIntervention'],
      ['eventsControl', 'totalControl']
    ] as const) {
      const e = trial[events] as number | null
      const n = trial[total] as number | null
      if (e !== null && n !== null) trial[events] = n - e
    }
  }
  return { ok: true, value: trial }
}

/** A study in several subgroups of a whole outcome is one trial per subgroup: each is named with its subgroup. */
function nameRepeatedStudies(
  trials: { name: string; comment?: unknown }[],
  keys: { subgroup: RevmanSubgroup | null }[]
): void {
  const count = new Map<string, number>()
  for (const t of trials) count.set(t.name, (count.get(t.name) ?? 0) + 1)
  trials.forEach((trial, i) => {
    const subgroup = keys[i]?.subgroup ?? null
    if (subgroup === null) return
    const no = Number(/\.(\d+)$/.exec(subgroup.id)?.[1] ?? Number.NaN)
    trial.comment = `Subgroup ${Number.isFinite(no) ? `${no}: ` : ''}${subgroup.name}`
    if ((count.get(trial.name) ?? 0) > 1) {
      trial.name = `${trial.name} (subgroup ${Number.isFinite(no) ? no : subgroup.name})`
    }
  })
}

/** Indexes in chronological order: year (unknown last), then RevMan's order, then name. */
function chronologicalOrder(
  trials: { name: string; year: number | null }[],
  keys: { order: number }[]
): number[] {
  const year = (i: number): number => trials[i]?.year ?? Number.POSITIVE_INFINITY
  return trials
    .map((_, i) => i)
    .sort((a, b) => {
      const byYear = year(a) === year(b) ? 0 : year(a) < year(b) ? -1 : 1
      const byOrder = (keys[a]?.order ?? 0) - (keys[b]?.order ?? 0)
      return byYear || byOrder || (trials[a]?.name ?? '').localeCompare(trials[b]?.name ?? '')
    })
}

function orderWarnings(
  review: RevmanReview,
  trials: { name: string; year: number | null }[]
): string[] {
  const warnings: string[] = []
  const undated = trials.filter((t) => t.year === null).map((t) => t.name)
  if (undated.length > 0) {
    warnings.push(`no study year for ${undated.join(', ')}: they come last in the trial order`)
  }
  const years = trials.map((t) => t.year).filter((y): y is number => y !== null)
  if (review.source === 'dataPackage' && new Set(years).size < years.length) {
    warnings.push(
      'the data package does not carry RevMan’s own study order: trials of the same year are in the package’s row order'
    )
  }
  return warnings
}
