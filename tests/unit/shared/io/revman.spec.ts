// RevMan 5 review files (.rm5) → analyses and projects, on public example files and a synthetic one
// (tests/fixtures/revman/README.md says where each comes from and what it exercises).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  decodeRevmanId,
  importRevmanAnalysis,
  listRevmanAnalyses,
  revmanContents
} from '../../../../src/shared/io/revman'
import {
  parseProjectFile,
  startingRisInputs,
  type ProjectFile
} from '../../../../src/shared/projectFile'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/revman/${name}`, import.meta.url)))
/** The file's text as its bytes are (RevMan 5 writes ISO-8859-1), for making variants of it. */
const latin1Text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1')
const latin1Bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))

const FLEISS = fixture('Fleiss1993.rm5')
const SORE_THROAT = fixture('antibiotics-for-sore-throat.rm5')
const SYNTHETIC = fixture('synthetic-latin1.rm5')

function imported(bytes: Uint8Array, id: string, name = 'review.rm5') {
  const r = importRevmanAnalysis(bytes, name, id)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
/** "name|year" per trial, in the project's order. */
const namesAndYears = (project: ProjectFile): string[] =>
  project.trials.map((t) => `${t.name}|${t.year}`)
function errorOf(bytes: Uint8Array, id = 'CMP-001.01', name = 'bad.rm5'): string {
  const r = importRevmanAnalysis(bytes, name, id)
  expect(r.ok).toBe(false)
  return r.ok ? '' : r.error.message
}

describe('Fleiss 1993 (meta package example)', () => {
  it('lists its dichotomous and its continuous outcome', () => {
    expect(listRevmanAnalyses(FLEISS, 'Fleiss1993.rm5')).toEqual({
      ok: true,
      value: [
        {
          id: 'CMP-001.01',
          name: 'Aspirin for Preventing Death after Myocardial Infarction',
          type: 'dichotomous',
          trials: 7,
          comparison: 'Examples from Fleiss (1993)',
          outcome: 'Aspirin for Preventing Death after Myocardial Infarction',
          subgroup: null
        },
        {
          id: 'CMP-001.02',
          name: 'Mental Health Treatment versus Control',
          type: 'continuous',
          trials: 5,
          comparison: 'Examples from Fleiss (1993)',
          outcome: 'Mental Health Treatment versus Control',
          subgroup: null
        }
      ]
    })
  })

  it('imports the aspirin trials in chronological order, same-year trials in RevMan’s ORDER', () => {
    const { project, warnings } = imported(FLEISS, 'CMP-001.01')
    expect(warnings).toEqual([])
    expect(namesAndYears(project)).toEqual([
      'MRC-1|1974',
      'CDP|1976',
      'MRC-2|1979', // ORDER 6
      'GASP|1979', // ORDER 8
      'PARIS|1980', // ORDER 9
      'AMIS|1980', // ORDER 10
      'ISIS-2|1988'
    ])
    expect(project.trials[0]).toMatchObject({
      eventsIntervention: 49,
      totalIntervention: 615,
      eventsControl: 67,
      totalControl: 624
    })
    expect(project.trials[6]).toMatchObject({
      eventsIntervention: 1570,
      totalIntervention: 8587,
      eventsControl: 1720,
      totalControl: 8600
    })
  })

  it('carries over RevMan’s settings, labels and title, and starts the RIS inputs as a new project does', () => {
    const { project } = imported(FLEISS, 'CMP-001.01')
    expect(project.title).toBe(
      'Examples from Fleiss 1993: Aspirin for Preventing Death after Myocardial Infarction'
    )
    expect(project.outcome).toMatchObject({
      type: 'dichotomous',
      interventionLabel: 'Aspirin',
      controlLabel: 'Control'
    })
    expect(project.analysis).toMatchObject({
      measure: 'OR',
      model: 'fixed',
      fixedMethod: 'MH',
      confidenceLevel: 0.95,
      order: 'asEntered'
    })
    expect(project.monitoring.ris).toMatchObject(startingRisInputs('dichotomous'))
  })

  it('imports the SMD outcome’s raw means and SDs as mean-difference data, saying so', () => {
    const { project, warnings } = imported(FLEISS, 'CMP-001.02')
    expect(project.outcome.type).toBe('continuous')
    expect(project.analysis.measure).toBe('MD')
    expect(project.trials).toHaveLength(5)
    // Florell 1971 is the earliest; RevMan left every computed field of this outcome empty
    expect(project.trials[0]).toMatchObject({
      name: 'Florell',
      year: 1971,
      meanIntervention: 4.9,
      sdIntervention: 1.71,
      totalIntervention: 30,
      meanControl: 6.1,
      sdControl: 2.3,
      totalControl: 50
    })
    expect(warnings.join('\n')).toMatch(
      /standardised mean difference \(SMD\).*mean difference \(MD\)/
    )
    expect(project.monitoring.ris).toMatchObject(startingRisInputs('continuous'))
  })
})

describe('Antibiotics for sore throat (Cochrane CD000023, RevMan 5.2)', () => {
  const contents = revmanContents(SORE_THROAT, 'antibiotics-for-sore-throat.rm5')
  const analyses = contents.ok ? contents.value.analyses : []

  it('lists 4 comparisons, 21 outcomes and 22 subgroups holding 217 data rows', () => {
    expect(contents.ok && contents.value.unsupported).toEqual([])
    const outcomes = analyses.filter((a) => a.subgroup === null)
    const subgroups = analyses.filter((a) => a.subgroup !== null)
    expect(new Set(analyses.map((a) => a.comparison)).size).toBe(4)
    expect(outcomes).toHaveLength(21)
    expect(subgroups).toHaveLength(22)
    // an outcome's count includes its subgroups' rows, so the outcomes together hold every DICH_DATA
    expect(outcomes.reduce((n, a) => n + a.trials, 0)).toBe(217)
    expect(analyses.every((a) => a.type === 'dichotomous')).toBe(true)
  })

  it('offers an outcome with subgroups as a whole and each subgroup on its own', () => {
    const ids = analyses.map((a) => a.id)
    expect(ids.slice(0, 5)).toEqual([
      'CMP-001.01',
      'CMP-001.02',
      'CMP-001.02.01',
      'CMP-001.02.02',
      'CMP-001.03'
    ])
    const blinded = analyses.find((a) => a.id === 'CMP-001.02.01')
    expect(blinded).toMatchObject({
      trials: 12,
      outcome: 'Symptom of sore throat on day 3: blind versus unblinded studies',
      subgroup: 'Symptom of sore throat on day 3: blinded studies'
    })
  })

  it('imports a whole outcome with every subgroup’s rows, naming a study that is in several subgroups by each', () => {
    const { project } = imported(SORE_THROAT, 'CMP-001.04')
    expect(project.trials).toHaveLength(20) // 11 + 6 + 3 rows from 15 studies
    expect(project.analysis).toMatchObject({ measure: 'RR', model: 'random', fixedMethod: 'MH' })
    const names = project.trials.map((t) => t.name)
    expect(new Set(names).size).toBe(20)
    expect(names).toContain('Zwart 2000 (subgroup 1)')
    expect(names).toContain('Zwart 2000 (subgroup 2)')
    expect(names).toContain('Brink 1951') // in one subgroup only: its name is left alone
    const zwart = project.trials.find((t) => t.name === 'Zwart 2000 (subgroup 2)')
    expect(zwart?.comment).toBe(
      'Subgroup 2: Symptom of sore throat on day 3: GABHS-negative throat swab'
    )
    const years = project.trials.map((t) => t.year ?? 0)
    expect(years).toEqual([...years].sort((a, b) => a - b))
  })

  it('imports one subgroup with only its rows, titled with the subgroup', () => {
    const { project } = imported(SORE_THROAT, 'CMP-001.04.02')
    expect(project.trials.map((t) => t.name)).toEqual([
      'MacDonald 1951',
      'Chapple 1956',
      'Dagnelie 1996',
      'Petersen 1997',
      'Zwart 2000',
      'Zwart 2003'
    ])
    expect(project.trials.every((t) => t.comment === undefined)).toBe(true)
    expect(project.title).toBe(
      'Antibiotics for sore throat: Symptom of sore throat on day 3: GABHS-positive throat swab, negative swab, untested/inseparable — Symptom of sore throat on day 3: GABHS-negative throat swab'
    )
    expect(project.outcome).toMatchObject({
      interventionLabel: 'Antibiotics',
      controlLabel: 'Placebo'
    })
  })

  it('names a study whose ID has an escape from its NAME (El-Daher 1991, ID STD-El_x002d_Daher-1991)', () => {
    const { project } = imported(SORE_THROAT, 'CMP-003.01')
    expect(project.trials.map((t) => t.name)).toContain('El-Daher 1991')
  })
})

describe('RevMan 5 details (synthetic ISO-8859-1 review)', () => {
  it('decodes _xHHHH_ escapes in IDs, surrogate pairs included', () => {
    expect(decodeRevmanId('STD-ISIS_x002d_2')).toBe('STD-ISIS-2')
    expect(decodeRevmanId('STD-S_x00f8_rensen')).toBe('STD-Sørensen')
    expect(decodeRevmanId('STD-_xD83D__xDE00_')).toBe('STD-😀')
    expect(decodeRevmanId('STD-plain_x00zz_')).toBe('STD-plain_x00zz_')
  })

  it('reads accented names and the title from ISO-8859-1, and they survive a save and reload', () => {
    const { project } = imported(SYNTHETIC, 'CMP-001.01.01')
    expect(project.title).toBe('Kaffee für Müdigkeit & Schlaf: Sleepiness score — Adults')
    expect(project.trials.map((t) => t.name)).toEqual([
      'Sørensen 1999',
      'Early 2001',
      'Müller 2001'
    ])
    const reloaded = parseProjectFile(JSON.parse(JSON.stringify(project)))
    expect(reloaded.ok && reloaded.value).toEqual(project)
  })

  it('reads the same review saved as UTF-8 (declared so) to the same project', () => {
    const utf8 = new TextEncoder().encode(
      latin1Text(SYNTHETIC).replace('encoding="ISO-8859-1"', 'encoding="UTF-8"')
    )
    expect(imported(utf8, 'CMP-001.01').project).toEqual(imported(SYNTHETIC, 'CMP-001.01').project)
  })

  it('finds studies under EXCLUDED_STUDIES and AWAITING_STUDIES, and names one in no list from its ID', () => {
    const adolescents = imported(SYNTHETIC, 'CMP-001.01.02').project
    expect(namesAndYears(adolescents)).toEqual(['Excluded-A|1995', 'Sørensen 1999|1999'])
    const { project, warnings } = imported(SYNTHETIC, 'CMP-001.02')
    expect(namesAndYears(project)).toEqual(['Awaiting "B"|2005', 'Ng 2003|null'])
    expect(warnings).toContain(
      'not among the review’s studies, named from their study IDs: Ng 2003'
    )
    expect(warnings).toContain('no study year for Ng 2003: they come last in the trial order')
  })

  it('orders trials by year, then RevMan’s ORDER, whatever their order in the file', () => {
    // in the file: Müller 2001 (ORDER 2), Early 2001 (ORDER 1), Sørensen 1999 (ORDER 3)
    const { project } = imported(SYNTHETIC, 'CMP-001.01.01')
    expect(namesAndYears(project)).toEqual([
      'Sørensen 1999|1999',
      'Early 2001|2001',
      'Müller 2001|2001'
    ])
  })

  it('maps a random-effects MD outcome with subgroups, its 99% CI and its group labels', () => {
    const { project, warnings } = imported(SYNTHETIC, 'CMP-001.01')
    expect(warnings).toEqual([])
    expect(project.analysis).toMatchObject({
      measure: 'MD',
      model: 'random',
      fixedMethod: 'IV',
      tau2Method: 'DL',
      confidenceLevel: 0.99
    })
    expect(project.outcome).toMatchObject({ interventionLabel: 'Coffee', controlLabel: 'Decaf' })
    expect(project.trials.map((t) => t.name)).toEqual([
      'Excluded-A',
      'Sørensen 1999 (subgroup 1)',
      'Sørensen 1999 (subgroup 2)',
      'Early 2001',
      'Müller 2001'
    ])
    expect(project.trials[2]).toMatchObject({
      comment: 'Subgroup 2: Adolescents',
      meanIntervention: 5,
      sdIntervention: 1.25,
      totalIntervention: 15,
      meanControl: 5.5,
      sdControl: 1.5,
      totalControl: 16
    })
  })

  it('maps METHOD="PETO" to the Peto odds ratio', () => {
    expect(imported(SYNTHETIC, 'CMP-001.02').project.analysis).toMatchObject({
      measure: 'PetoOR',
      model: 'fixed'
    })
  })

  it('reads a long-form effect measure, the IV method, and swapped events as non-events', () => {
    const { project, warnings } = imported(SYNTHETIC, 'CMP-001.03')
    expect(project.analysis).toMatchObject({ measure: 'RR', fixedMethod: 'IV' })
    // EVENTS_1 30 of 40 and EVENTS_2 20 of 42, analysed by RevMan as non-events
    expect(project.trials[0]).toMatchObject({
      eventsIntervention: 10,
      totalIntervention: 40,
      eventsControl: 22,
      totalControl: 42
    })
    expect(warnings.join('\n')).toMatch(/swap events/)
  })

  it('leaves generic inverse-variance outcomes out of the list, and refuses to import them with the reason', () => {
    const contents = revmanContents(SYNTHETIC, 'synthetic.rm5')
    expect(contents.ok && contents.value.analyses.map((a) => a.id)).toEqual([
      'CMP-001.01',
      'CMP-001.01.01',
      'CMP-001.01.02',
      'CMP-001.02',
      'CMP-001.03'
    ])
    expect(contents.ok && contents.value.unsupported).toEqual([
      {
        id: 'CMP-001.04',
        name: 'Time to first nap',
        comparison: 'Coffee versus decaffeinated',
        dataType: 'generic inverse variance',
        trials: 2
      }
    ])
    expect(errorOf(SYNTHETIC, 'CMP-001.04', 'synthetic.rm5')).toMatch(
      /^synthetic\.rm5: CMP-001\.04 "Time to first nap" holds generic inverse variance data, which OpenTSA cannot analyse/
    )
  })

  it('names the analyses there are when asked for one that is not', () => {
    expect(errorOf(FLEISS, 'CMP-009.01', 'Fleiss1993.rm5')).toBe(
      'Fleiss1993.rm5: there is no analysis "CMP-009.01" (it has CMP-001.01, CMP-001.02)'
    )
  })
})

describe('malformed .rm5 files: a message naming the file and the place, never a throw', () => {
  const fleiss = latin1Text(FLEISS)
  const variant = (from: string | RegExp, to: string): Uint8Array => {
    const text = fleiss.replace(from, to)
    expect(text).not.toBe(fleiss) // the variant really differs
    return latin1Bytes(text)
  }

  it('truncated XML, cut inside an attribute or between elements', () => {
    const inAttribute = FLEISS.subarray(0, Math.floor(FLEISS.length * 0.9))
    expect(errorOf(inAttribute)).toMatch(
      /^bad\.rm5: not well-formed XML: line 455, column \d+: .*\(is the file complete\?\)$/
    )
    const betweenElements = latin1Bytes(fleiss.slice(0, fleiss.indexOf('</DICH_OUTCOME>')))
    expect(errorOf(betweenElements)).toBe(
      'bad.rm5: not well-formed XML: it ends before <DICH_OUTCOME>, <COMPARISON>, <ANALYSES_AND_DATA>, <COCHRANE_REVIEW> are closed (is the file complete?)'
    )
  })

  it('any cut of the file is an error or an import, never an exception', () => {
    for (let end = 0; end < FLEISS.length; end += 397) {
      const r = importRevmanAnalysis(FLEISS.subarray(0, end), 'cut.rm5', 'CMP-001.01')
      expect(r.ok || r.error.code).toBe(r.ok ? true : 'invalidFile')
    }
  })

  it('XML that is not a RevMan review', () => {
    const xhtml = new TextEncoder().encode('<?xml version="1.0"?><html><body>Hi</body></html>')
    expect(errorOf(xhtml)).toBe(
      'bad.rm5: not a RevMan 5 review: the root element is <html>, not <COCHRANE_REVIEW>'
    )
    expect(errorOf(new Uint8Array())).toMatch(/^bad\.rm5: not well-formed XML/)
  })

  it('an encoding that is declared wrongly or not known', () => {
    const saysUtf8 = latin1Bytes(latin1Text(SYNTHETIC).replace('ISO-8859-1', 'UTF-8'))
    expect(errorOf(saysUtf8)).toMatch(
      /^bad\.rm5: the XML declaration says the file is UTF-8, but it is not valid UTF-8/
    )
    const unknown = latin1Bytes(fleiss.replace('ISO-8859-1', 'X-KLINGON'))
    expect(errorOf(unknown)).toBe(
      'bad.rm5: the XML declaration names the encoding "X-KLINGON", which OpenTSA cannot read'
    )
  })

  it('UTF-8 bytes under an ISO-8859-1 declaration are read as UTF-8, with a warning', () => {
    const utf8 = new TextEncoder().encode(latin1Text(SYNTHETIC)) // declaration still says ISO-8859-1
    const { project, warnings } = imported(utf8, 'CMP-001.01.01')
    expect(project.trials[0]?.name).toBe('Sørensen 1999')
    expect(warnings).toContain(
      'the XML declaration says ISO-8859-1, but the file is UTF-8 and was read as UTF-8'
    )
  })

  it('a missing attribute', () => {
    expect(errorOf(variant('EVENTS_1="49" ', ''))).toBe(
      "bad.rm5: CMP-001.01, DICH_DATA for study 'MRC-1': EVENTS_1 is missing"
    )
    expect(errorOf(variant('STUDY_ID="STD-CDP" ', ''))).toBe(
      'bad.rm5: CMP-001.01, DICH_DATA 2: no STUDY_ID attribute'
    )
    expect(errorOf(variant('ID="CMP-001.02" ', ''))).toBe(
      'bad.rm5: a CONT_OUTCOME in "Examples from Fleiss (1993)" has no ID attribute'
    )
  })

  it('text in a number attribute', () => {
    expect(errorOf(variant('EVENTS_1="49"', 'EVENTS_1="forty-nine"'))).toBe(
      'bad.rm5: CMP-001.01, DICH_DATA for study \'MRC-1\': EVENTS_1 "forty-nine" is not a number'
    )
    expect(errorOf(variant('SD_1="1.71"', 'SD_1="1,71;"'), 'CMP-001.02')).toMatch(
      /study 'Florell': SD_1 "1,71;" is not a number$/
    )
  })

  it('an empty number attribute becomes a blank cell, with a warning', () => {
    const { project, warnings } = imported(variant('TOTAL_2="624"', 'TOTAL_2=""'), 'CMP-001.01')
    expect(project.trials[0]).toMatchObject({ name: 'MRC-1', totalControl: null })
    expect(warnings).toContain(
      "CMP-001.01, DICH_DATA for study 'MRC-1': TOTAL_2 is empty; the trial is kept with that cell blank"
    )
  })

  it('an effect measure or method it does not know', () => {
    expect(errorOf(variant('EFFECT_MEASURE="OR"', 'EFFECT_MEASURE="HR"'))).toBe(
      'bad.rm5: CMP-001.01: EFFECT_MEASURE "HR" is not an effect measure OpenTSA can analyse for dichotomous data (OR, RR, RD or Peto OR)'
    )
    expect(errorOf(variant('METHOD="MH"', 'METHOD="BAYES"'))).toBe(
      'bad.rm5: CMP-001.01: METHOD "BAYES" is not a method OpenTSA knows (MH, IV or Peto)'
    )
  })

  it('a diagnostic test accuracy review', () => {
    expect(errorOf(variant('TYPE="INTERVENTION"', 'TYPE="DIAGNOSTIC"'))).toBe(
      'bad.rm5: a diagnostic test accuracy review has no intervention comparisons to import'
    )
  })
})
