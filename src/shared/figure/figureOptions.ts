/**
 * The project's figure settings (projectFile.ts `figure`) as chart options and a size: one mapping for the app's
 * chart, its exports and `opentsa plot`, so that they all draw the same figure. Later sources override earlier ones
 * field by field (the CLI's flags over the project); fields left undefined keep the defaults.
 */
import type { FigureSettings, ProjectFile } from '../projectFile'
import type { TsaChartOptions } from './buildTsaChartConfig'
import { resolveFigureSizeMm, type FigureSizeMm } from './figureSize'

/** The chart options that the figure settings decide (the theme is the caller's: screen, dark or print). */
export type FigureChartOptions = Omit<TsaChartOptions, 'theme'>

/** The figure settings with `overrides` laid over them; undefined fields of the overrides do not erase anything. */
export function mergeFigureSettings(
  base: FigureSettings | undefined,
  overrides: FigureSettings = {}
): FigureSettings {
  const merged: FigureSettings = { ...base }
  for (const [key, value] of Object.entries(overrides) as [keyof FigureSettings, unknown][]) {
    if (value !== undefined) Object.assign(merged, { [key]: value })
  }
  return merged
}

/** Text set and not blank (an emptied text field means "use the default"). */
const given = (text: string | undefined): text is string => text !== undefined && text.trim() !== ''

/**
 * Chart options for a project's figure: title, axis titles, the groups in "Favours …" (by default the outcome's
 * group labels), trial labels and the colour scheme.
 */
export function figureChartOptions(
  project: Pick<ProjectFile, 'outcome' | 'figure'>,
  overrides: FigureSettings = {}
): FigureChartOptions {
  const figure = mergeFigureSettings(project.figure, overrides)
  const options: FigureChartOptions = {
    groupLabels: {
      intervention: given(figure.interventionLabel)
        ? figure.interventionLabel
        : project.outcome.interventionLabel,
      control: given(figure.controlLabel) ? figure.controlLabel : project.outcome.controlLabel
    }
  }
  if (given(figure.title)) options.title = figure.title
  if (given(figure.xLabel)) options.informationLabel = figure.xLabel
  if (given(figure.yLabel)) options.zLabel = figure.yLabel
  if (figure.trialLabels !== undefined) options.trialLabels = figure.trialLabels
  if (figure.palette !== undefined) options.colourScheme = figure.palette
  return options
}

/** The figure's size in mm: the overrides' (flags'), else the project's, else a double journal column. */
export function figureSizeMm(
  project: Pick<ProjectFile, 'figure'>,
  overrides: FigureSettings = {}
): FigureSizeMm {
  return resolveFigureSizeMm(overrides, project.figure)
}
