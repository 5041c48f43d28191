// RevMan Web data packages (.zip of CSVs) → the same analyses and projects as the RevMan 5 route: on meta's
// Fleiss1993.zip (nested data zip) and on packages built here (CSV folders at the top level, subgroups, malformed).
import { readFileSync } from 'node:fs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  importRevmanAnalysis,
  listRevmanAnalyses,
  revmanContents
} from '../../../../src/shared/io/revman'
import type { ProjectFile } from '../../../../src/shared/projectFile'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/revman/${name}`, import.meta.url)))
const FLEISS_RM5 = fixture('Fleiss1993.rm5')
const FLEISS_ZIP = fixture('Fleiss1993.zip')
const SYNTHETIC_RM5 = fixture('synthetic-latin1.rm5')

function imported(bytes: Uint8Array, id: string, name: string) {
  const r = importRevmanAnalysis(bytes, name, id)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
function errorOf(bytes: Uint8Array, name = 'bad.zip'): string {
  const r = listRevmanAnalyses(bytes, name)
  expect(r.ok).toBe(false)
  return r.ok ? '' : r.error.message
}
/** Each trial's name, year and arm data, without the fields the two routes may differ in. */
const trialData = (project: ProjectFile): unknown[] =>
  project.trials.map(({ comment: _comment, ...trial }) => trial)

// ---- packages built for the tests, laid out as RevMan Web writes them ------------------------------------------

const SETTINGS_HEADER =
  'Analysis group,Analysis number,Analysis name,Analysis group name,Data source,Data type,Experimental group label,Control group label,Statistical method,Effect measure,Analysis model,Swap event and non-event,Study CI,Estimate CI,ID'
const ROWS_HEADER =
  'Analysis group,Analysis number,Analysis name,Subgroup,Applicability,Study,Study year,GIV Mean,GIV SE,Experimental mean,Experimental SD,Experimental cases,Experimental N,Control mean,Control SD,Control cases,Control N,O-E,Variance,Weight,Mean,CI start,CI end,Footnotes'
const SUBGROUPS_HEADER = 'Analysis group,Analysis number,Subgroup,Subgroup number,ID'

/** The synthetic review's CONT outcome with subgroups and its DICH Peto outcome, as a RevMan Web package would hold them. */
const SYNTHETIC_SETTINGS = [
  SETTINGS_HEADER,
  '1,1,Sleepiness score,Coffee versus decaffeinated,Custom input,Continuous,Coffee,Decaf,IV,Mean Difference,Random effect,false,95%,99%,analysis:1',
  '1,2,Insomnia,Coffee versus decaffeinated,Custom input,Dichotomous,Coffee,Decaf,Peto,Peto Odds Ratio,Fixed effect,false,95%,95%,analysis:2'
]
const SYNTHETIC_ROWS = [
  ROWS_HEADER,
  '1,1,Sleepiness score,Adults,SUBGROUP_AND_OVERALL,Early 2001,2001,0,0,3.0,1.0,0,20,3.5,1.25,0,21,0,0,0,0,0,0,',
  '1,1,Sleepiness score,Adults,SUBGROUP_AND_OVERALL,Müller 2001,2001,0,0,4.5,1.5,0,40,5.25,1.75,0,42,0,0,0,0,0,0,',
  '1,1,Sleepiness score,Adults,SUBGROUP_AND_OVERALL,Sørensen 1999,1999,0,0,6.0,2.0,0,30,6.5,2.0,0,30,0,0,0,0,0,0,',
  '1,1,Sleepiness score,Adolescents,SUBGROUP_AND_OVERALL,Excluded-A,1995,0,0,2.5,0.5,0,10,3.75,0.75,0,11,0,0,0,0,0,0,',
  '1,1,Sleepiness score,Adolescents,SUBGROUP_AND_OVERALL,Sørensen 1999,1999,0,0,5.0,1.25,0,15,5.5,1.5,0,16,0,0,0,0,0,0,',
  '1,2,Insomnia,,SUBGROUP_AND_OVERALL,"Awaiting ""B""",2005,0,0,0,0,3,50,0,0,1,48,0,0,0,0,0,0,',
  '1,2,Insomnia,,SUBGROUP_AND_OVERALL,Ng 2003,,0,0,0,0,2,25,0,0,0,24,0,0,0,0,0,0,'
]
/** The same rows with the Adolescents first, which subgroup-estimates.csv still numbers 2. */
const ADOLESCENTS_FIRST = [
  ROWS_HEADER,
  ...SYNTHETIC_ROWS.filter((row) => row.includes(',Adolescents,')),
  ...SYNTHETIC_ROWS.slice(1).filter((row) => !row.includes(',Adolescents,'))
]
const SYNTHETIC_SUBGROUPS = [
  SUBGROUPS_HEADER,
  '1,1,Adults,1,subgroup:1',
  '1,1,Adolescents,2,subgroup:2'
]

/** CSV text as RevMan Web writes it: UTF-8 with a byte-order mark, CRLF line ends. */
const csv = (lines: string[]): Uint8Array => strToU8(`\uFEFF${lines.join('\r\n')}\r\n`)

/** A "…dataPackage.zip" with the CSV folders at its top level. */
function topLevelPackage(files: Record<string, string[] | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  for (const [name, content] of Object.entries(files)) {
    entries[`123-analysis-data/123-${name}`] =
      content instanceof Uint8Array ? content : csv(content)
  }
  return zipSync(entries)
}
const SYNTHETIC_ZIP = topLevelPackage({
  'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
  'data-rows.csv': SYNTHETIC_ROWS,
  'subgroup-estimates.csv': SYNTHETIC_SUBGROUPS
})

describe('Fleiss 1993 as a data package (meta’s Fleiss1993.zip, CSVs in a nested zip)', () => {
  it('lists the same analyses as the .rm5 file', () => {
    const fromZip = listRevmanAnalyses(FLEISS_ZIP, 'Fleiss1993.zip')
    expect(fromZip.ok).toBe(true)
    expect(fromZip).toEqual(listRevmanAnalyses(FLEISS_RM5, 'Fleiss1993.rm5'))
  })

  it('gives the same trials, years and values as the .rm5 file, with the same settings', () => {
    for (const id of ['CMP-001.01', 'CMP-001.02']) {
      const rm5 = imported(FLEISS_RM5, id, 'Fleiss1993.rm5').project
      const zip = imported(FLEISS_ZIP, id, 'Fleiss1993.zip').project
      const byName = (trials: unknown[]): unknown[] =>
        [...trials].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      expect(byName(trialData(zip))).toEqual(byName(trialData(rm5)))
      expect(zip.trials.map((t) => t.year)).toEqual(rm5.trials.map((t) => t.year))
      expect(zip.analysis).toEqual(rm5.analysis)
      expect(zip.monitoring).toEqual(rm5.monitoring)
      expect(zip.outcome.type).toBe(rm5.outcome.type)
    }
  })

  it('orders by year too; without RevMan’s ORDER, same-year trials keep the package’s row order, with a warning', () => {
    const rm5 = imported(FLEISS_RM5, 'CMP-001.01', 'Fleiss1993.rm5').project
    const { project, warnings } = imported(FLEISS_ZIP, 'CMP-001.01', 'Fleiss1993.zip')
    expect(rm5.trials.map((t) => t.name)).toEqual(
      ['MRC-1', 'CDP', 'MRC-2', 'GASP', 'PARIS', 'AMIS', 'ISIS-2'] // ORDER: 1, 2, 6, 8, 9, 10, 11
    )
    expect(project.trials.map((t) => t.name)).toEqual(
      ['MRC-1', 'CDP', 'GASP', 'MRC-2', 'AMIS', 'PARIS', 'ISIS-2'] // rows are alphabetical
    )
    expect(warnings).toEqual([
      'the data package does not carry RevMan’s own study order: trials of the same year are in the package’s row order'
    ])
    expect(project.trials[0]).toMatchObject({
      eventsIntervention: 49,
      totalIntervention: 615,
      eventsControl: 67,
      totalControl: 624
    })
  })

  it('has no review title or group labels to carry over: the title is the outcome’s name', () => {
    const { project } = imported(FLEISS_ZIP, 'CMP-001.01', 'Fleiss1993.zip')
    expect(project.title).toBe('Aspirin for Preventing Death after Myocardial Infarction')
    expect(project.outcome).toMatchObject({
      interventionLabel: 'Intervention',
      controlLabel: 'Control'
    })
  })
})

describe('a data package with CSV folders at the top level, subgroups and a Peto outcome', () => {
  it('numbers subgroups as subgroup-estimates.csv does, and lists them under their outcome', () => {
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': ADOLESCENTS_FIRST,
      'subgroup-estimates.csv': SYNTHETIC_SUBGROUPS
    })
    const r = listRevmanAnalyses(zip, 'dataPackage.zip')
    expect(r.ok && r.value.map((a) => [a.id, a.name, a.type, a.trials])).toEqual([
      ['CMP-001.01', 'Sleepiness score', 'continuous', 5],
      ['CMP-001.01.01', 'Adults', 'continuous', 3],
      ['CMP-001.01.02', 'Adolescents', 'continuous', 2],
      ['CMP-001.02', 'Insomnia', 'dichotomous', 2]
    ])
  })

  it('numbers subgroups in order of appearance when the package has no subgroup-estimates.csv', () => {
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': ADOLESCENTS_FIRST
    })
    const r = listRevmanAnalyses(zip, 'dataPackage.zip')
    expect(r.ok && r.value.filter((a) => a.subgroup !== null).map((a) => [a.id, a.name])).toEqual([
      ['CMP-001.01.01', 'Adolescents'],
      ['CMP-001.01.02', 'Adults']
    ])
  })

  it('gives the same projects as the RevMan 5 file of the same review, subgroups included', () => {
    for (const id of ['CMP-001.01', 'CMP-001.01.01', 'CMP-001.01.02', 'CMP-001.02']) {
      const rm5 = imported(SYNTHETIC_RM5, id, 'synthetic.rm5').project
      const zip = imported(SYNTHETIC_ZIP, id, 'dataPackage.zip').project
      expect(zip.trials, id).toEqual(rm5.trials) // names, years, order, values, subgroup comments
      expect(zip.analysis, id).toEqual(rm5.analysis)
      expect(zip.outcome, id).toEqual(rm5.outcome)
    }
  })

  it('imports the Peto outcome as a Peto odds ratio with fixed effects', () => {
    expect(imported(SYNTHETIC_ZIP, 'CMP-001.02', 'dataPackage.zip').project.analysis).toMatchObject(
      {
        measure: 'PetoOR',
        model: 'fixed'
      }
    )
  })

  it('leaves contrast-level (generic inverse variance) and O − E analyses out of the list, saying why on import', () => {
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': [
        SETTINGS_HEADER,
        '2,1,Time to first nap,Naps,Custom input,Contrast level,,,IV,Hazard Ratio,Fixed effect,false,95%,95%,a:3',
        '2,2,Survival,Naps,Custom input,O-E and variance,,,Peto,Peto Odds Ratio,Fixed effect,false,95%,95%,a:4'
      ],
      'data-rows.csv': [
        ROWS_HEADER,
        '2,1,Time to first nap,,SUBGROUP_AND_OVERALL,Early 2001,2001,-0.2,0.1,0,0,0,20,0,0,0,21,0,0,0,0,0,0,'
      ]
    })
    const contents = revmanContents(zip, 'giv.zip')
    expect(contents.ok && contents.value.analyses).toEqual([])
    expect(
      contents.ok && contents.value.unsupported.map((u) => [u.id, u.dataType, u.trials])
    ).toEqual([
      ['CMP-002.01', 'Contrast level', 1],
      ['CMP-002.02', 'O − E and variance', 0]
    ])
    const r = importRevmanAnalysis(zip, 'giv.zip', 'CMP-002.01')
    expect(!r.ok && r.error.message).toMatch(
      /^giv\.zip: CMP-002\.01 "Time to first nap" holds Contrast level data, which OpenTSA cannot analyse/
    )
  })
})

describe('malformed data packages: a message naming the file and the place, never a throw', () => {
  it('a corrupt zip, and a corrupt zip inside it', () => {
    expect(errorOf(FLEISS_ZIP.subarray(0, 2000))).toMatch(/^bad\.zip: not a readable zip file \(/)
    expect(errorOf(strToU8('this is not a zip'))).toMatch(/^bad\.zip: not a readable zip file \(/)
    const nested = zipSync({ 'review-files/review-data.zip': strToU8('PK\u0003\u0004 broken') })
    expect(errorOf(nested)).toMatch(
      /^bad\.zip: review-files\/review-data\.zip is not a readable zip file \(/
    )
  })

  it('an entry that claims to inflate to hundreds of megabytes is refused before inflating (zip bomb)', () => {
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': SYNTHETIC_ROWS
    })
    // the central directory's "uncompressed size" (offset 24 of each PK\1\2 record) is what a reader trusts
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let at = 0; at + 28 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 300 * 2 ** 20, true)
    }
    expect(errorOf(zip)).toMatch(
      /^bad\.zip: not a readable zip file \(123-analysis-data\/123-[\w-]+\.csv would inflate to 300 MB\)$/
    )
  })

  it('any cut of the package is an error or a list, never an exception', () => {
    for (let end = 0; end < FLEISS_ZIP.length; end += 1499) {
      const r = listRevmanAnalyses(FLEISS_ZIP.subarray(0, end), 'cut.zip')
      expect(r.ok || r.error.code).toBe(r.ok ? true : 'invalidFile')
    }
  })

  it('a zip without the package’s CSVs', () => {
    const other = zipSync({ 'notes/README.txt': strToU8('hello') })
    expect(errorOf(other)).toBe(
      'bad.zip: no …-overall-estimates-and-settings.csv in the zip: it is not a RevMan Web data package'
    )
    const noRows = topLevelPackage({ 'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS })
    expect(errorOf(noRows)).toBe(
      'bad.zip: no …-data-rows.csv in the zip: it is not a RevMan Web data package'
    )
  })

  it('a missing column', () => {
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': SYNTHETIC_ROWS.map((line) => line.split(',').slice(0, 12).join(','))
    })
    expect(errorOf(zip)).toBe(
      'bad.zip: 123-data-rows.csv has no column "Experimental N", "Control cases", "Control N", "Control mean", "Control SD"'
    )
  })

  it('text in a number column, with the CSV line', () => {
    const rows = [...SYNTHETIC_ROWS]
    rows[1] = (rows[1] as string).replace(',20,3.5,', ',twenty,3.5,')
    const zip = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': rows
    })
    const r = importRevmanAnalysis(zip, 'bad.zip', 'CMP-001.01')
    expect(!r.ok && r.error.message).toBe(
      'bad.zip: 123-data-rows.csv line 2 (study \'Early 2001\'): Experimental N "twenty" is not a number'
    )
  })

  it('a data row of an analysis the settings do not have, and analysis numbers that are not numbers', () => {
    const stray = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': [...SYNTHETIC_ROWS, SYNTHETIC_ROWS[1]!.replace(/^1,1,/, '1,7,')]
    })
    expect(errorOf(stray)).toBe(
      'bad.zip: 123-data-rows.csv line 9: analysis 1.7 is not in 123-overall-estimates-and-settings.csv'
    )
    const settings = [...SYNTHETIC_SETTINGS]
    settings[2] = settings[2]!.replace(/^1,2,/, '1,two,')
    const notNumbers = topLevelPackage({
      'overall-estimates-and-settings.csv': settings,
      'data-rows.csv': SYNTHETIC_ROWS
    })
    expect(errorOf(notNumbers)).toBe(
      'bad.zip: 123-overall-estimates-and-settings.csv line 3: Analysis group "1", Analysis number "two" must be whole numbers from 1'
    )
  })

  it('an analysis model it does not know, and a CSV that is not UTF-8', () => {
    const settings = SYNTHETIC_SETTINGS.map((l) => l.replace('Random effect', 'Bayesian'))
    const model = topLevelPackage({
      'overall-estimates-and-settings.csv': settings,
      'data-rows.csv': SYNTHETIC_ROWS
    })
    expect(errorOf(model)).toBe(
      'bad.zip: 123-overall-estimates-and-settings.csv line 2: Analysis model "Bayesian" is neither a fixed nor a random effect model'
    )
    const latin1 = topLevelPackage({
      'overall-estimates-and-settings.csv': SYNTHETIC_SETTINGS,
      'data-rows.csv': new Uint8Array(Buffer.from(SYNTHETIC_ROWS.join('\n'), 'latin1'))
    })
    expect(errorOf(latin1)).toBe('bad.zip: 123-data-rows.csv is not UTF-8 text')
  })

  it('a diagnostic test accuracy review', () => {
    const dta = topLevelPackage({ 'parameters.csv': ['Test,Parameter'] })
    expect(errorOf(dta)).toBe(
      'bad.zip: a diagnostic test accuracy review has no intervention comparisons to import'
    )
  })

  it('reads meta’s package the same after re-zipping it with the nested zip unpacked (top-level layout)', () => {
    const outer = unzipSync(FLEISS_ZIP)
    const dataZip = Object.entries(outer).find(([path]) => path.endsWith('-data.zip'))?.[1]
    expect(dataZip).toBeDefined()
    const flat = zipSync(unzipSync(dataZip as Uint8Array))
    expect(listRevmanAnalyses(flat, 'flat.zip')).toEqual(
      listRevmanAnalyses(FLEISS_ZIP, 'Fleiss1993.zip')
    )
  })
})
