import { describe, expect, test } from 'vitest'
import {
  figureChartOptions,
  figureSizeMm,
  mergeFigureSettings
} from '../../../../src/shared/figure/figureOptions'
import {
  JOURNAL_PRESETS,
  figureSizeFromMm,
  mmToDevicePx,
  resolveFigureSizeMm
} from '../../../../src/shared/figure/figureSize'
import { parseProjectFile, type ProjectFile } from '../../../../src/shared/projectFile'
import perioOxy from '../../../../resources/examples/perioOxy.opentsa.json'

function project(figure?: unknown): ProjectFile {
  const parsed = parseProjectFile({ ...perioOxy, ...(figure === undefined ? {} : { figure }) })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

describe('the project file’s figure settings', () => {
  test('are optional: a project without them parses and stays without (additive change)', () => {
    expect(project().figure).toBeUndefined()
  })

  test('are read with every field', () => {
    const figure = {
      title: 'Oxygen and SSI',
      xLabel: 'Participants',
      yLabel: 'Z',
      interventionLabel: 'high FiO₂',
      controlLabel: 'low FiO₂',
      trialLabels: true,
      palette: 'grey',
      preset: 'single',
      widthMm: 90,
      heightMm: 70
    }
    expect(project(figure).figure).toEqual(figure)
  })

  test('a bad field is named in the message', () => {
    const bad = (figure: unknown) => parseProjectFile({ ...perioOxy, figure })
    expect(bad({ palette: 'rainbow' })).toMatchObject({
      ok: false,
      error: { field: 'figure.palette', message: expect.stringContaining('colourBlind or grey') }
    })
    expect(bad({ widthMm: 5 })).toMatchObject({
      ok: false,
      error: { field: 'figure.widthMm', message: expect.stringContaining('at least 20 mm') }
    })
    expect(bad({ trialLabels: 'yes' })).toMatchObject({
      ok: false,
      error: { field: 'figure.trialLabels' }
    })
  })
})

describe('figureChartOptions: the figure settings as chart options', () => {
  test('the favours labels default to the outcome’s group labels', () => {
    const p = project()
    const options = figureChartOptions(p)
    expect(options.groupLabels).toEqual({
      intervention: p.outcome.interventionLabel,
      control: p.outcome.controlLabel
    })
    expect(options).not.toHaveProperty('title')
    expect(options).not.toHaveProperty('colourScheme')
  })

  test('every setting reaches its chart option; blank texts fall back to the defaults', () => {
    const p = project({
      title: 'T',
      xLabel: 'X',
      yLabel: 'Y',
      interventionLabel: 'A',
      controlLabel: '  ',
      trialLabels: true,
      palette: 'grey'
    })
    const options = figureChartOptions(p)
    expect(options).toEqual({
      title: 'T',
      informationLabel: 'X',
      zLabel: 'Y',
      groupLabels: { intervention: 'A', control: p.outcome.controlLabel },
      trialLabels: true,
      colourScheme: 'grey'
    })
  })

  test('overrides (command-line flags) win field by field; undefined ones erase nothing', () => {
    const p = project({ title: 'From the project', palette: 'grey' })
    const options = figureChartOptions(p, { title: 'From a flag', palette: undefined })
    expect(options.title).toBe('From a flag')
    expect(options.colourScheme).toBe('grey')
    expect(mergeFigureSettings(undefined, { trialLabels: false })).toEqual({ trialLabels: false })
  })
})

describe('figure size', () => {
  test('journal presets: single column 85 mm, double column 170 mm wide', () => {
    expect(JOURNAL_PRESETS.single.widthMm).toBe(85)
    expect(JOURNAL_PRESETS.double.widthMm).toBe(170)
  })

  test('the double column is the default; a preset sets both dimensions', () => {
    expect(figureSizeMm(project())).toEqual(JOURNAL_PRESETS.double)
    expect(figureSizeMm(project({ preset: 'single' }))).toEqual(JOURNAL_PRESETS.single)
  })

  test('explicit sizes beat presets, and flags beat the project, dimension by dimension', () => {
    const p = project({ preset: 'single', heightMm: 60 })
    expect(figureSizeMm(p)).toEqual({ widthMm: 85, heightMm: 60 })
    expect(figureSizeMm(p, { widthMm: 120 })).toEqual({ widthMm: 120, heightMm: 60 })
    expect(figureSizeMm(p, { preset: 'double' })).toEqual(JOURNAL_PRESETS.double)
    expect(resolveFigureSizeMm({ heightMm: 50 }, undefined)).toEqual({
      widthMm: 170,
      heightMm: 50
    })
  })

  test('mm to CSS px (1/96 in) and to device pixels at a dpi', () => {
    expect(figureSizeFromMm(25.4, 50.8)).toEqual({ width: 96, height: 192 })
    expect(mmToDevicePx(170, 300)).toBe(2008) // 170 / 25.4 × 300 = 2007.9
    expect(mmToDevicePx(85, 600)).toBe(2008)
  })
})
