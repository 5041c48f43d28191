import { readFileSync } from 'node:fs'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { runTsa, type TsaResult } from '@engine'
import {
  formatEstimate,
  formatFixed,
  formatInformation,
  formatPercent
} from '@shared/figure/format'
import {
  continuousProjectSchema,
  dichotomousProjectSchema,
  parseProjectFile,
  type ProjectFile
} from '@shared/projectFile'
import {
  TRIAL_COLUMNS,
  buildReport,
  type ReportBlock,
  type ReportModel,
  type ReportTable
} from '@shared/report/buildReport'
import { CitationList } from '@shared/report/references'
import { renderReportHtml } from '@shared/report/renderHtml'
import { SETTING_DESCRIPTORS } from '@shared/report/settings'

const EXAMPLES = new URL('../../../../resources/examples/', import.meta.url)
const META = { version: '9.8.7', generatedAt: new Date('2025-03-07T10:00:00Z') }

function example(name: string): ProjectFile {
  const parsed = parseProjectFile(JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

function analyse(project: ProjectFile): TsaResult {
  const r = runTsa(project)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const perioOxy = (): ProjectFile => example('perioOxy.opentsa.json')

/** A project with some settings changed (deep enough for analysis and monitoring). */
function withSettings(
  project: ProjectFile,
  change: {
    analysis?: Partial<ProjectFile['analysis']>
    monitoring?: Partial<ProjectFile['monitoring']>
  }
): ProjectFile {
  return {
    ...project,
    analysis: { ...project.analysis, ...change.analysis },
    monitoring: { ...project.monitoring, ...change.monitoring }
  } as ProjectFile
}

function report(project: ProjectFile): { model: ReportModel; result: TsaResult } {
  const result = analyse(project)
  return { model: buildReport(project, result, META), result }
}

const blocks = (model: ReportModel, id: string): ReportBlock[] =>
  model.sections.find((s) => s.id === id)?.blocks ?? []

const tableOf = (model: ReportModel, id: string, index = 0): ReportTable => {
  const tables = blocks(model, id).filter((b) => b.kind === 'table')
  const table = tables[index]
  if (table === undefined) throw new Error(`no table ${index} in section ${id}`)
  return table.table
}

const methodsOf = (model: ReportModel): string => {
  const p = blocks(model, 'methods').find((b) => b.kind === 'paragraph')
  if (p === undefined) throw new Error('no methods paragraph')
  return p.text
}

/** Every text of the model, for "no NaN anywhere" and "the number appears" checks. */
const allText = (model: ReportModel): string => JSON.stringify(model)

// ---- the schema walk ----

/**
 * The leaf paths of a project schema: objects are walked into (through default/optional/nullable wrappers), arrays
 * as "name[]"; anything else (enums, numbers, unions such as a spending function or "a number or { from }") is one
 * setting.
 */
function schemaLeaves(schema: z.ZodType, path = ''): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def
  const type = def['type']
  if (type === 'default' || type === 'optional' || type === 'nullable' || type === 'prefault') {
    return schemaLeaves(def['innerType'] as z.ZodType, path)
  }
  if (type === 'object') {
    const shape = def['shape'] as Record<string, z.ZodType>
    return Object.entries(shape).flatMap(([key, child]) =>
      schemaLeaves(child, path === '' ? key : `${path}.${key}`)
    )
  }
  if (type === 'array') return schemaLeaves(def['element'] as z.ZodType, `${path}[]`)
  return [path]
}

/** The file's framing: format and version are in the report's footer, the trials in the Trials table. */
const NOT_SETTINGS = (leaf: string): boolean =>
  leaf === 'format' || leaf === 'formatVersion' || leaf.startsWith('trials[]')

const settingLeaves = (schema: z.ZodType): string[] =>
  schemaLeaves(schema).filter((leaf) => !NOT_SETTINGS(leaf))

describe('report settings: every setting of the project file has a row', () => {
  test('the schema walk finds nested settings and treats unions as one setting', () => {
    const leaves = schemaLeaves(dichotomousProjectSchema)
    expect(leaves).toContain('analysis.zeroEvents.includeDoubleZero')
    expect(leaves).toContain('monitoring.ris.heterogeneity')
    expect(leaves).toContain('monitoring.alphaSpending')
    expect(leaves).toContain('trials[].eventsIntervention')
    expect(leaves).not.toContain('monitoring.alphaSpending.kind')
  })

  test.each([
    ['dichotomous', dichotomousProjectSchema],
    ['continuous', continuousProjectSchema]
  ])(
    'the %s project schema and the report’s setting rows name the same settings (a new setting without a row fails here)',
    (_type, schema) => {
      expect(Object.keys(SETTING_DESCRIPTORS).sort()).toEqual(settingLeaves(schema).sort())
    }
  )

  test('every trial field of the schema is a column of the Trials table', () => {
    const fields = (schema: z.ZodType): string[] =>
      schemaLeaves(schema)
        .filter((leaf) => leaf.startsWith('trials[].'))
        .map((leaf) => leaf.slice('trials[].'.length))
    const columns = (type: 'dichotomous' | 'continuous'): string[] => [
      ...Object.keys(TRIAL_COLUMNS.common),
      ...Object.keys(TRIAL_COLUMNS[type]),
      ...Object.keys(TRIAL_COLUMNS.flags)
    ]
    expect(columns('dichotomous').sort()).toEqual(fields(dichotomousProjectSchema).sort())
    expect(columns('continuous').sort()).toEqual(fields(continuousProjectSchema).sort())
  })

  test.each(['perioOxy.opentsa.json', 'eds.opentsa.json'])(
    '%s: the Settings section shows one row per setting, labelled and worded',
    (file) => {
      const { model } = report(example(file))
      const rows = blocks(model, 'settings').flatMap((b) =>
        b.kind === 'definitions' ? b.rows : []
      )
      expect(rows.map((r) => r.path)).toEqual(Object.keys(SETTING_DESCRIPTORS))
      for (const row of rows) {
        expect(row.label, row.path).not.toBe('')
        expect(row.value, row.path).not.toBe('')
      }
    }
  )
})

test('figure settings: as given, or the default the chart uses', () => {
  const project = {
    ...perioOxy(),
    figure: { title: 'Oxygen and SSI', preset: 'single', heightMm: 90, palette: 'grey' }
  } as ProjectFile
  const { model } = report(project)
  const row = (path: string): string | undefined =>
    model.settings.find((s) => s.path === path)?.value
  expect(row('figure.title')).toBe('Oxygen and SSI')
  expect(row('figure.preset')).toBe('single (85 mm wide)')
  expect(row('figure.widthMm')).toBe('not set: 85 mm, from the single-column preset')
  expect(row('figure.heightMm')).toBe('90 mm')
  expect(row('figure.palette')).toBe('grey scale')
  expect(row('figure.yLabel')).toBe('not set: “Cumulative Z-score”')
  expect(row('figure.controlLabel')).toBe('not set: the control’s label (30–35% oxygen)')
})

describe('report content (perioOxy)', () => {
  const project = perioOxy()
  const { model, result } = report(project)
  const text = allText(model)

  test('no NaN, undefined or Infinity anywhere in the report', () => {
    expect(text).not.toMatch(/NaN|undefined|Infinity/)
  })

  test('header: title, comparison, software name and version, date', () => {
    expect(model.title).toBe('Perioperative oxygen and surgical site infection')
    expect(model.subtitle).toContain('80% oxygen versus 30–35% oxygen')
    expect(model.software).toMatchObject({ name: 'OpenTSA', version: '9.8.7' })
    expect(model.software.generatedOn).toBe('7 March 2025')
    expect(model.footer).toContain('OpenTSA version 9.8.7')
  })

  test('the conclusion is the result’s', () => {
    expect(blocks(model, 'conclusion')).toEqual([
      { kind: 'paragraph', text: result.conclusion.text, role: 'conclusion' }
    ])
  })

  test('pooled fixed and random estimates with the conventional CI, and the TSA-adjusted CI of the analysis model', () => {
    const pooled = tableOf(model, 'results')
    const last = result.looks.at(-1)
    expect(last).toBeDefined()
    expect(pooled.rows).toEqual([
      [
        'Fixed effect',
        formatEstimate(result.fixed.estimate, result.fixed.ciLower, result.fixed.ciUpper),
        'n/a',
        formatFixed(result.fixed.p, 4)
      ],
      [
        'Random effects (the analysis model)',
        formatEstimate(result.random.estimate, result.random.ciLower, result.random.ciUpper),
        formatEstimate(last?.estimate ?? null, last?.tsaCiLower ?? null, last?.tsaCiUpper ?? null),
        formatFixed(result.random.p, 4)
      ]
    ])
    expect(pooled.columns.map((c) => c.label)).toEqual([
      'Model',
      'RR (95% CI)',
      'TSA-adjusted CI',
      'p'
    ])
  })

  test('heterogeneity, RIS and information fraction as the result has them', () => {
    const h = result.heterogeneity
    const rows = blocks(model, 'results').flatMap((b) => (b.kind === 'definitions' ? b.rows : []))
    const value = (label: string): string | undefined => rows.find((r) => r.label === label)?.value
    expect(value('τ² (τ)')).toBe(`${formatFixed(h.tau2, 4)} (${formatFixed(h.tau, 4)})`)
    expect(value('I²')).toBe(formatPercent(h.i2, 'en', 1))
    expect(value('D²')).toBe(formatPercent(h.d2, 'en', 1))
    expect(value('Cochran’s Q')).toContain(`${formatFixed(h.q, 2)} (df ${h.df}`)
    expect(value('Required information size (RIS)')).toMatch(
      new RegExp(`^${formatInformation(result.ris.required)} participants`)
    )
    expect(value('Required information size (RIS)')).toContain(
      formatFixed(result.ris.adjustmentFactor, 3)
    )
    const last = result.looks.at(-1)
    expect(value('Information accrued')).toBe(
      `${formatInformation(last?.cumulativeInformation)} participants (${formatPercent(last?.informationFraction, 'en', 1)} of the RIS)`
    )
  })

  test('the per-look table has the app’s columns and one row per look, numbers formatted from the result', () => {
    const looks = tableOf(model, 'looks')
    expect(looks.columns.map((c) => c.label)).toEqual([
      'Trial',
      'Information (participants)',
      'Fraction of RIS',
      'Z',
      'Upper boundary',
      'Lower boundary',
      'RR (95% CI)',
      'TSA-adjusted CI'
    ])
    expect(looks.rows).toHaveLength(result.looks.length)
    result.looks.forEach((look, k) => {
      expect(looks.rows[k]).toEqual([
        look.trial,
        formatInformation(look.cumulativeInformation),
        formatPercent(look.informationFraction, 'en', 1),
        formatFixed(look.z, 2),
        formatFixed(look.upper, 2),
        formatFixed(look.lower, 2),
        formatEstimate(look.estimate, look.ciLower, look.ciUpper),
        formatEstimate(look.estimate, look.tsaCiLower, look.tsaCiUpper)
      ])
    })
    expect(looks.rows.at(-1)?.[0]).toBe(project.trials.at(-1)?.name)
  })

  test('settings rows give the value the engine used where it estimated one', () => {
    const row = (path: string): string | undefined =>
      model.settings.find((s) => s.path === path)?.value
    const controlRisk = result.ris.inputs['controlRisk'] as number
    expect(row('monitoring.ris.controlRisk')).toBe(
      `estimated from all trials: ${formatPercent(controlRisk, 'en', 2)}`
    )
    expect(row('monitoring.ris.heterogeneity')).toBe(
      `diversity: D² from the data = ${formatPercent(result.heterogeneity.d2, 'en', 1)}; adjustment factor ${formatFixed(result.ris.adjustmentFactor, 3)}`
    )
    expect(row('monitoring.ris.mode')).toContain(
      `${formatInformation(result.ris.required)} participants`
    )
    expect(row('monitoring.alpha')).toBe('5%')
    expect(row('monitoring.beta')).toBe('20% (power 80%)')
    expect(row('analysis.tau2Method')).toBe(
      `DerSimonian–Laird: τ² = ${formatFixed(result.heterogeneity.tau2, 4)}`
    )
    const muted = model.settings.filter((s) => !s.used).map((s) => s.path)
    expect(muted).toContain('monitoring.ris.variance')
    expect(muted).toContain('monitoring.lil.lambda')
    expect(muted).not.toContain('monitoring.alpha')
  })

  test('the Trials table lists the data as entered', () => {
    const trials = tableOf(model, 'trials')
    expect(trials.rows).toHaveLength(project.trials.length)
    expect(trials.rows[1]).toEqual(['Greif 2000', '2000', '13', '250', '28', '250', 'no', 'yes'])
  })

  test('methods paragraph: the settings in words, every citation numbered and listed', () => {
    const methods = methodsOf(model)
    expect(methods).toContain('We performed a trial sequential analysis (TSA) [1–3]')
    expect(methods).toContain('OpenTSA version 9.8.7')
    expect(methods).toContain('random-effects meta-analysis of the risk ratio (RR)')
    expect(methods).toContain('DerSimonian–Laird')
    expect(methods).toContain('O’Brien–Fleming type')
    expect(methods).toContain('two-sided type I error of α = 5% and a power of 80%')
    expect(methods).toContain('adjusted for diversity (D² = 64%)')
    const references = blocks(model, 'methods').find((b) => b.kind === 'list')
    expect(references?.kind === 'list' && references.ordered).toBe(true)
    const count = references?.kind === 'list' ? references.items.length : 0
    const cited = new Set(
      [...methods.matchAll(/\[([\d,–\s]+)\]/g)].flatMap((m) =>
        (m[1] as string).split(',').flatMap((part) => {
          const [a, b] = part.trim().split('–').map(Number) as [number, number | undefined]
          return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i)
        })
      )
    )
    expect([...cited].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    // numbered in order of first citation
    const firsts = [...methods.matchAll(/\[(\d+)/g)].map((m) => Number(m[1]))
    const firstSeen = firsts.filter((n, i) => firsts.indexOf(n) === i)
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b))
  })

  test('How to cite names the software with its version', () => {
    const cite = blocks(model, 'cite')
    expect(cite[0]).toEqual({
      kind: 'paragraph',
      text: 'OpenTSA version 9.8.7 (software). Open, offline trial sequential analysis for cumulative meta-analysis.'
    })
  })
})

describe('the methods paragraph follows the settings', () => {
  const base = perioOxy()
  const methods = (project: ProjectFile): string => methodsOf(report(project).model)
  const referencesOf = (project: ProjectFile): string[] => {
    const list = blocks(report(project).model, 'methods').find((b) => b.kind === 'list')
    return list?.kind === 'list' ? list.items : []
  }

  test('fixed effect (Mantel–Haenszel) instead of random effects (DerSimonian–Laird)', () => {
    const fixed = withSettings(base, { analysis: { model: 'fixed' } })
    expect(methods(fixed)).toContain(
      'fixed-effect meta-analysis of the risk ratio (RR) by the Mantel–Haenszel method'
    )
    expect(methods(fixed)).not.toContain('DerSimonian')
    expect(referencesOf(fixed).some((r) => r.startsWith('Mantel N, Haenszel W'))).toBe(true)
    expect(referencesOf(fixed).some((r) => r.startsWith('DerSimonian R'))).toBe(false)
  })

  test('Pocock instead of O’Brien–Fleming spending, each with its paper', () => {
    const pocock = withSettings(base, { monitoring: { alphaSpending: { kind: 'pocock' } } })
    expect(methods(pocock)).toContain('of Pocock type')
    expect(methods(pocock)).not.toContain('O’Brien–Fleming')
    expect(referencesOf(pocock).some((r) => r.startsWith('Pocock SJ'))).toBe(true)
    expect(referencesOf(pocock).some((r) => r.startsWith("O'Brien PC"))).toBe(false)
  })

  test('futility boundaries are described only when they are on', () => {
    expect(methods(base)).not.toMatch(/futility/i)
    const wedge = withSettings(base, { monitoring: { futility: 'tsaWedge' } })
    expect(methods(wedge)).toContain('Non-binding futility boundaries (the inner wedge)')
    const binding = withSettings(base, {
      monitoring: { futility: 'binding', betaSpending: { kind: 'pocock' } }
    })
    expect(methods(binding)).toContain(
      'Binding futility boundaries spent β with the Pocock type function'
    )
    expect(referencesOf(binding).some((r) => r.startsWith('Pampallona S'))).toBe(true)
  })

  test('HKSJ, another τ² estimator, one-sided α and a user-given heterogeneity', () => {
    const changed = withSettings(base, {
      analysis: { hksj: true, tau2Method: 'PM' },
      monitoring: {
        sides: 1,
        alpha: 0.025,
        ris: { ...base.monitoring.ris, heterogeneity: { kind: 'user', value: 0.25 } }
      }
    })
    const text = methods(changed)
    expect(text).toContain('Paule–Mandel estimator')
    expect(text).toContain('Hartung–Knapp–Sidik–Jonkman adjustment')
    expect(text).toContain('one-sided type I error of α = 2.5%')
    expect(text).toContain('anticipated heterogeneity of 25%')
  })

  test('a continuous outcome: mean difference, difference and variance, no zero-event sentence', () => {
    const eds = example('eds.opentsa.json')
    const text = methods(eds)
    expect(text).toContain('mean difference (MD)')
    expect(text).toContain('a minimal relevant difference of 5 and a variance of 900')
    expect(text).not.toContain('zero cell')
  })

  test('a manual RIS is stated as given', () => {
    const manual = withSettings(base, {
      monitoring: { ris: { ...base.monitoring.ris, mode: 'manual', manual: 5000 } }
    })
    const { model } = report(manual)
    expect(methodsOf(model)).toContain(
      'The required information size (RIS) was set to 5,000 participants'
    )
    expect(model.settings.find((s) => s.path === 'monitoring.ris.controlRisk')?.used).toBe(false)
  })
})

describe('CitationList', () => {
  test('numbers references by first citation and compresses runs', () => {
    const refs = new CitationList()
    expect(refs.cite('wetterslev2008', 'wetterslev2017', 'thorlundManual')).toBe('[1–3]')
    expect(refs.cite('lanDeMets1983')).toBe('[4]')
    expect(refs.cite('wetterslev2017', 'lanDeMets1983')).toBe('[2, 4]')
    expect(refs.cite('pocock1977', 'wetterslev2008')).toBe('[1, 5]')
    expect(refs.references()).toHaveLength(5)
    expect(refs.references()[4]).toMatch(/^Pocock SJ/)
  })
})

describe('renderReportHtml', () => {
  const project = perioOxy()
  const { model, result } = report(project)
  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400"><text x="10" y="20">TSA chart figure</text></svg>'
  const html = renderReportHtml(model, svg)

  test('a well-formed standalone document: no scripts, no external resources', () => {
    expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<meta charset="utf-8" />')
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/i)
    expect(html).not.toMatch(/NaN|undefined|Infinity/)
  })

  test('the figure is inline SVG (without the XML declaration), with its caption', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
    expect(html).toContain('TSA chart figure')
    expect(html).not.toContain('<?xml')
    expect(html).toMatch(/<figcaption>Cumulative Z-curve/)
    expect(renderReportHtml(model, null)).toContain('The chart could not be drawn for this report.')
  })

  test('every section, every setting row, the conclusion and the last trial', () => {
    for (const section of model.sections) {
      expect(html).toContain(`<h2 id="h-${section.id}">${section.heading}</h2>`)
    }
    for (const path of Object.keys(SETTING_DESCRIPTORS)) {
      expect(html).toContain(`data-setting="${path}"`)
    }
    expect(html).toContain(result.conclusion.text)
    expect(html).toContain(`<th scope="row">${project.trials.at(-1)?.name}</th>`)
    expect(html).toContain('<thead><tr><th scope="col">Trial</th>')
  })

  test('text from the project is escaped', () => {
    const hostile = {
      ...project,
      title: '<script>alert(1)</script> & "x"',
      trials: project.trials.map((t, i) =>
        i === 0 ? { ...t, name: '<img src=x onerror=alert(1)>' } : t
      )
    } as ProjectFile
    const out = renderReportHtml(buildReport(hostile, analyse(hostile), META), null)
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;')
    expect(XMLValidator.validate(out.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true)
  })
})
