// The Settings panel: a labelled control for every option of the project file (found by walking the project
// schema, so a new option without a control fails here), edits that are undoable and set dirty, field validation
// that keeps the project's value, the spending parameter only where it exists, the outcome-type switch, and the
// live RIS line.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { z } from 'zod'
import {
  continuousProjectSchema,
  dichotomousProjectSchema,
  type ProjectFile
} from '@shared/projectFile'
import SettingsPanel from '@renderer/components/settings/SettingsPanel.vue'
import { emptyProject, useProjectStore } from '@renderer/stores/project'
import { choose, control, type } from '../labelledControls'
import * as engineClient from '@renderer/services/engineClient'
import { syntheticResult } from '../../charts/syntheticResult'

vi.mock('@renderer/services/engineClient', () => ({
  computeRequiredInformationSize: vi.fn(async () => ({
    fixed: 2834.2,
    adjustmentFactor: 1,
    required: 2835,
    exact: 2834.2
  }))
}))

// ---- the options of the project file, read from its schema ----

/**
 * Top-level keys that are not settings: the file's identity and the trial table; and the figure's looks, which
 * components/chart/FigureOptions.vue edits (its own spec walks that part of the schema the same way).
 */
const NOT_SETTINGS = new Set(['format', 'formatVersion', 'trials', 'figure'])

/**
 * Every leaf option of a schema as a dotted path, with the values it allows when they are a fixed list (enums,
 * literals) and null otherwise. Tagged unions contribute their tag and their members' fields
 * (monitoring.alphaSpending.kind, ….rho, ….gamma); "number or { from }" gives the path and path.from.
 */
function schemaOptions(
  schema: z.ZodType,
  path = '',
  out = new Map<string, Set<unknown> | null>()
): Map<string, Set<unknown> | null> {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable
  ) {
    return schemaOptions(schema.unwrap() as z.ZodType, path, out)
  }
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (path === '' && NOT_SETTINGS.has(key)) continue
      schemaOptions(field, path === '' ? key : `${path}.${key}`, out)
    }
    return out
  }
  if (schema instanceof z.ZodUnion) {
    for (const member of schema.options as z.ZodType[]) schemaOptions(member, path, out)
    return out
  }
  const values =
    schema instanceof z.ZodEnum
      ? schema.options
      : schema instanceof z.ZodLiteral
        ? [...schema.values]
        : null
  const known = out.get(path)
  out.set(path, values === null ? (known ?? null) : new Set([...(known ?? []), ...values]))
  return out
}

const OPTIONS = schemaOptions(continuousProjectSchema, '', schemaOptions(dichotomousProjectSchema))

// ---- mounting ----

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(engineClient.computeRequiredInformationSize).mockClear()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

type Store = ReturnType<typeof useProjectStore>

async function mountPanel(
  project: ProjectFile = emptyProject(),
  result: ReturnType<typeof syntheticResult> | null = null
): Promise<{ store: Store; region: HTMLElement }> {
  const store = useProjectStore()
  store.loadProject(project)
  wrapper?.unmount()
  wrapper = mount(SettingsPanel, { props: { result }, attachTo: document.body })
  await flushPromises()
  const region = document.querySelector<HTMLElement>('section[aria-label="Settings"]')
  if (region === null) throw new Error('no Settings region')
  return { store, region }
}

/** A project of the given type with changes applied (to reveal the controls that depend on other options). */
function projectWith(
  type: 'dichotomous' | 'continuous',
  change: (p: ProjectFile) => void
): ProjectFile {
  const p = emptyProject(type)
  change(p)
  return p
}

/** The text of the label that names a control (<label for>), or '' when it has none. */
const labelOf = (control: Element): string =>
  control.id === ''
    ? ''
    : (document.querySelector(`label[for="${control.id}"]`)?.textContent?.trim() ?? '')

const queryControl = (name: string): HTMLElement | null => {
  try {
    return control(name)
  } catch {
    return null
  }
}

/** The text of the elements an element's aria-describedby points at. */
const description = (el: HTMLElement): string =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ')

// ---- tests ----

describe('SettingsPanel: every option of the project file', () => {
  /** Projects that between them reveal every conditional control (parameters, per-type and per-direction fields). */
  const CONFIGURATIONS: [string, ProjectFile][] = [
    [
      'dichotomous, harmful, power α-spending, binding futility with HSD β-spending, user D², LIL',
      projectWith('dichotomous', (p) => {
        p.monitoring.alphaSpending = { kind: 'power', rho: 2 }
        p.monitoring.betaSpending = { kind: 'hsd', gamma: -2 }
        p.monitoring.futility = 'binding'
        p.monitoring.ris.heterogeneity = { kind: 'user', value: 0.2 }
        p.monitoring.lil.enabled = true
      })
    ],
    [
      'dichotomous, beneficial',
      projectWith('dichotomous', (p) => {
        p.outcome.direction = 'beneficial'
      })
    ],
    [
      'continuous, HSD α-spending, non-binding futility with power β-spending, given RIS',
      projectWith('continuous', (p) => {
        p.monitoring.alphaSpending = { kind: 'hsd', gamma: 1 }
        p.monitoring.betaSpending = { kind: 'power', rho: 1 }
        p.monitoring.futility = 'nonBinding'
        p.monitoring.ris.mode = 'manual'
        p.monitoring.ris.manual = 1000
      })
    ],
    ['continuous, RIS from the formula', emptyProject('continuous')]
  ]

  it('has a labelled control for each option, and every select offers all the values the schema allows', async () => {
    const labelled = new Set<string>()
    const offered = new Map<string, Set<string>>()
    for (const [name, project] of CONFIGURATIONS) {
      const { region } = await mountPanel(project)
      for (const el of region.querySelectorAll<HTMLElement>('input, select')) {
        expect(labelOf(el), `a control without a label in "${name}"`).not.toBe('')
        const option = el.dataset['option']
        if (option === undefined) continue
        expect(OPTIONS.has(option), `data-option "${option}" is no option of the schema`).toBe(true)
        labelled.add(option)
        if (el instanceof HTMLSelectElement) {
          const values = offered.get(option) ?? new Set<string>()
          for (const o of el.options) values.add(o.value)
          offered.set(option, values)
        }
      }
    }
    const missing = [...OPTIONS.keys()].filter((option) => !labelled.has(option))
    expect(missing, 'options of the project file without a control').toEqual([])
    for (const [option, values] of OPTIONS) {
      if (values === null) continue
      const shown = offered.get(option)
      const absent = [...values].map(String).filter((v) => !(shown?.has(v) ?? false))
      expect(absent, `values of ${option} that no <select> offers`).toEqual([])
    }
  })

  it('reads the options from the schema (the walk finds nested, tagged and optional options)', () => {
    expect(OPTIONS.get('monitoring.alphaSpending.kind')).toEqual(
      new Set(['obf', 'pocock', 'power', 'hsd'])
    )
    expect(OPTIONS.get('monitoring.ris.controlRisk.from')).toEqual(
      new Set(['data', 'lowRiskOfBias'])
    )
    expect(OPTIONS.get('outcome.type')).toEqual(new Set(['dichotomous', 'continuous']))
    for (const option of [
      'title',
      'analysis.zeroEvents.value',
      'analysis.mdVariance',
      'monitoring.minimumLookFraction',
      'monitoring.ris.heterogeneity.value',
      'monitoring.lil.lambda'
    ]) {
      expect(OPTIONS.has(option), option).toBe(true)
    }
    expect(OPTIONS.has('trials')).toBe(false)
  })

  it('keeps the names of the UI contract (interfaces.md), each naming exactly one control', async () => {
    const { region } = await mountPanel()
    const names = [...region.querySelectorAll('input, select')].map(labelOf)
    for (const name of [
      'Effect measure',
      'Model',
      'Alpha',
      'Power',
      'Control event proportion',
      'Relative risk reduction'
    ]) {
      // Playwright's getByLabel matches substrings, case-insensitively: no other name may contain these.
      const matching = names.filter((n) => n.toLowerCase().includes(name.toLowerCase()))
      expect(matching, name).toEqual([name])
    }
  })
})

describe('SettingsPanel: edits', () => {
  it('a number commits on change as one undo step that sets dirty; undo shows the old value again', async () => {
    const { store } = await mountPanel()
    await type('Alpha', '0.01')
    expect(store.project.monitoring.alpha).toBe(0.01)
    expect(store.dirty).toBe(true)
    store.undo()
    await flushPromises()
    expect(store.project.monitoring.alpha).toBe(0.05)
    expect(control('Alpha').value).toBe('0.05')
    expect(store.dirty).toBe(false)
  })

  it('reads a decimal comma, and power is stored as β = 1 − power', async () => {
    const { store } = await mountPanel()
    await type('Power', '0,9')
    expect(store.project.monitoring.beta).toBe(0.1)
    expect(control('Power').value).toBe('0.9')
  })

  it('a select, a checkbox and a text field each change the project undoably', async () => {
    const { store } = await mountPanel()
    await choose('Model', 'fixed')
    const hksj = control('Hartung–Knapp–Sidik–Jonkman CI')
    hksj.checked = true
    hksj.dispatchEvent(new Event('change'))
    await type('Title', '  Oxygen  ')
    expect(store.project.analysis).toMatchObject({ model: 'fixed', hksj: true })
    expect(store.project.title).toBe('Oxygen')
    store.undo()
    store.undo()
    store.undo()
    expect(store.project.analysis).toMatchObject({ model: 'random', hksj: false })
    expect(store.project.title).toBe('')
    expect(store.dirty).toBe(false)
  })

  it('re-committing the value the project holds adds no undo step', async () => {
    const { store } = await mountPanel()
    await type('Alpha', '0.050')
    expect(store.canUndo).toBe(false)
  })

  it('the "default" choice of an optional option removes its key, and an empty optional number too', async () => {
    const { store } = await mountPanel()
    await choose('Centre of Q', 'inverseVariance')
    expect(store.project.analysis.heterogeneityCentre).toBe('inverseVariance')
    await choose('Centre of Q', '')
    expect('heterogeneityCentre' in store.project.analysis).toBe(false)
    await type('Minimum look fraction', '0.05')
    expect(store.project.monitoring.minimumLookFraction).toBe(0.05)
    await type('Minimum look fraction', '')
    expect('minimumLookFraction' in store.project.monitoring).toBe(false)
  })

  it('a RIS input is a number, or estimated from all or from low-risk-of-bias trials when left empty', async () => {
    const { store } = await mountPanel()
    await type('Control event proportion', '0.15')
    expect(store.project.monitoring.ris.controlRisk).toBe(0.15)
    expect(control<HTMLSelectElement>('CEP estimated from').disabled).toBe(true)
    await type('Control event proportion', '')
    expect(store.project.monitoring.ris.controlRisk).toEqual({ from: 'data' })
    await choose('CEP estimated from', 'lowRiskOfBias')
    expect(store.project.monitoring.ris.controlRisk).toEqual({ from: 'lowRiskOfBias' })
    store.undo()
    expect(store.project.monitoring.ris.controlRisk).toEqual({ from: 'data' })
  })
})

describe('SettingsPanel: validation at the field', () => {
  it.each([
    ['1.5', 'must be < 1'],
    ['0', 'must be > 0'],
    ['abc', 'must be a number'],
    ['1e999', 'must be a number'],
    ['', 'required']
  ])(
    'Alpha "%s" stays in the field, is marked invalid ("%s") and leaves the project unchanged',
    async (text, reason) => {
      const { store } = await mountPanel()
      await type('Alpha', text)
      const alpha = control('Alpha')
      expect(alpha.value).toBe(text)
      expect(alpha.getAttribute('aria-invalid')).toBe('true')
      expect(description(alpha)).toContain(reason)
      // the one-line explanation stays in the description (the e2e test reads "between 0 and 1" there)
      expect(description(alpha)).toContain('between 0 and 1')
      expect(store.project.monitoring.alpha).toBe(0.05)
      expect(store.dirty).toBe(false)
    }
  )

  it('a valid value clears the mark', async () => {
    await mountPanel()
    await type('Alpha', '2')
    await type('Alpha', '0.025')
    expect(control('Alpha').getAttribute('aria-invalid')).toBeNull()
    expect(description(control('Alpha'))).not.toContain('must be')
  })

  it('another project clears text left invalid for the previous one', async () => {
    const { store } = await mountPanel()
    await type('Alpha', '7')
    store.loadProject(emptyProject())
    await flushPromises()
    expect(control('Alpha').value).toBe('0.05')
    expect(control('Alpha').getAttribute('aria-invalid')).toBeNull()
  })

  it('checks each field against its own schema range (D² given: 0 ≤ D² < 1; RBI only > 0)', async () => {
    const { store } = await mountPanel(
      projectWith('dichotomous', (p) => {
        p.outcome.direction = 'beneficial'
        p.monitoring.ris.heterogeneity = { kind: 'user', value: 0.2 }
      })
    )
    await type('D² given', '1')
    expect(control('D² given').getAttribute('aria-invalid')).toBe('true')
    await type('D² given', '0')
    expect(store.project.monitoring.ris.heterogeneity).toEqual({ kind: 'user', value: 0 })
    await type('Relative benefit increase', '1.5')
    expect(store.project.monitoring.ris.relativeBenefitIncrease).toBe(1.5)
    await type('Relative benefit increase', '-0.1')
    expect(control('Relative benefit increase').getAttribute('aria-invalid')).toBe('true')
    expect(store.project.monitoring.ris.relativeBenefitIncrease).toBe(1.5)
  })
})

describe('SettingsPanel: conditional controls', () => {
  it('shows the α-spending parameter only for the power and HSD families', async () => {
    const { store } = await mountPanel()
    const parameters = (): (HTMLElement | null)[] => [
      queryControl('α-spending ρ'),
      queryControl('α-spending γ')
    ]
    expect(parameters()).toEqual([null, null])
    await choose('α-spending function', 'power')
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'power', rho: 3 })
    expect(control('α-spending ρ').value).toBe('3')
    expect(queryControl('α-spending γ')).toBeNull()
    await type('α-spending ρ', '1')
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'power', rho: 1 })
    await choose('α-spending function', 'hsd')
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'hsd', gamma: -4 })
    expect(queryControl('α-spending ρ')).toBeNull()
    expect(control('α-spending γ').value).toBe('-4')
    await choose('α-spending function', 'pocock')
    expect(parameters()).toEqual([null, null])
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'pocock' })
  })

  it('offers β-spending only for design-style futility', async () => {
    await mountPanel()
    expect(queryControl('β-spending function')).toBeNull()
    await choose('Futility', 'tsaWedge')
    expect(queryControl('β-spending function')).toBeNull()
    await choose('Futility', 'binding')
    expect(control<HTMLSelectElement>('β-spending function').value).toBe('obf')
  })

  it("replaces the fixed-effect method by a note for Peto's OR", async () => {
    const { region } = await mountPanel()
    await choose('Effect measure', 'PetoOR')
    expect(queryControl('Fixed-effect method')).toBeNull()
    expect(region.textContent).toContain("always pooled by Peto's method")
  })

  it('switching the outcome type converts the trials in one undo step', async () => {
    const project = emptyProject()
    project.trials = [
      {
        name: 'Greif 2000',
        year: 2000,
        eventsIntervention: 13,
        totalIntervention: 250,
        eventsControl: 28,
        totalControl: 250,
        lowRiskOfBias: true,
        include: true
      }
    ]
    const { store } = await mountPanel(project)
    await choose('Outcome data', 'continuous')
    expect(store.outcomeType).toBe('continuous')
    expect(store.project.trials[0]).toMatchObject({
      name: 'Greif 2000',
      year: 2000,
      lowRiskOfBias: true,
      meanIntervention: null,
      totalControl: null
    })
    expect(control<HTMLSelectElement>('Effect measure').value).toBe('MD')
    expect(queryControl('Control event proportion')).toBeNull()
    expect(queryControl('Mean difference')).not.toBeNull()
    store.undo()
    await flushPromises()
    expect(store.project.trials[0]).toMatchObject({ eventsIntervention: 13 })
    expect(control<HTMLSelectElement>('Outcome data').value).toBe('dichotomous')
  })
})

describe('SettingsPanel: the RIS beside its inputs', () => {
  const risLine = (): string =>
    document.querySelector('[data-testid="settings-ris"]')?.textContent?.trim() ?? ''

  it('without trials, asks the engine once the inputs are numbers, and follows them', async () => {
    await mountPanel()
    expect(risLine()).toBe('—')
    expect(engineClient.computeRequiredInformationSize).not.toHaveBeenCalled()
    await type('Control event proportion', '0.15')
    await type('Relative risk reduction', '0.2')
    expect(risLine()).toBe('2,835 participants')
    expect(engineClient.computeRequiredInformationSize).toHaveBeenLastCalledWith({
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      heterogeneity: { kind: 'none' },
      controlRisk: 0.15,
      relativeRiskReduction: 0.2
    })
    expect(document.body.textContent).toContain('before the heterogeneity adjustment')
    await type('Alpha', '0.01')
    expect(engineClient.computeRequiredInformationSize).toHaveBeenLastCalledWith(
      expect.objectContaining({ alpha: 0.01 })
    )
  })

  it('shows "—", never NaN, when the engine rejects the inputs', async () => {
    vi.mocked(engineClient.computeRequiredInformationSize).mockRejectedValueOnce(
      new Error('difference must not be 0')
    )
    await mountPanel(
      projectWith('continuous', (p) => {
        p.monitoring.ris.difference = 0
        p.monitoring.ris.variance = 100
      })
    )
    expect(risLine()).toBe('—')
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)
  })

  it("with usable trials, shows the analysis result's RIS in its unit", async () => {
    const result = syntheticResult()
    const project = projectWith('dichotomous', (p) => {
      p.trials = [
        {
          name: 'Greif 2000',
          year: 2000,
          eventsIntervention: 13,
          totalIntervention: 250,
          eventsControl: 28,
          totalControl: 250,
          lowRiskOfBias: false,
          include: true
        }
      ]
    })
    await mountPanel(project, result)
    expect(risLine()).toBe('3,000 participants')
    expect(engineClient.computeRequiredInformationSize).not.toHaveBeenCalled()
  })

  it('a D² given starts at the adjustment the analysis uses, to 4 decimals', async () => {
    const result = syntheticResult()
    result.ris.inputs = { heterogeneityValue: 0.4321987 }
    const { store } = await mountPanel(emptyProject(), result)
    await choose('Heterogeneity correction', 'user')
    expect(store.project.monitoring.ris.heterogeneity).toEqual({ kind: 'user', value: 0.4322 })
    expect(control('D² given').value).toBe('0.4322')
    await choose('Heterogeneity correction', 'none')
    expect(store.project.monitoring.ris.heterogeneity).toEqual({ kind: 'none' })
    expect(queryControl('D² given')).toBeNull()
  })

  it('shows a given RIS as it is', async () => {
    await mountPanel(
      projectWith('dichotomous', (p) => {
        p.monitoring.ris.mode = 'manual'
        p.monitoring.ris.manual = 1200
        p.monitoring.informationAxis = 'events'
      })
    )
    expect(risLine()).toBe('1,200 events')
  })
})
