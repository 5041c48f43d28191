// A project's full report as a file, headless: the one recipe `opentsa report` and the desktop app's
// "Export report (PDF)" share (the report model of shared/report, the chart as `opentsa plot` draws it).
import type { TsaResult } from '@engine'
import { figureSizeMm } from '@shared/figure/figureOptions'
import { buildReport, type ReportMeta, type ReportModel } from '@shared/report/buildReport'
import { renderReportHtml } from '@shared/report/renderHtml'
import type { ProjectFile } from '@shared/projectFile'
import { figurePdfDrawer, figureSvg } from '../figure/render'
import { renderReportPdf } from './pdf'

export interface ProjectReport {
  model: ReportModel
  data: string | Uint8Array
}

export async function projectReport(
  project: ProjectFile,
  result: TsaResult,
  meta: ReportMeta,
  format: 'html' | 'pdf'
): Promise<ProjectReport> {
  const model = buildReport(project, result, meta)
  const figure = { project, result }
  const data =
    format === 'html'
      ? renderReportHtml(model, figureSvg(figure, { idPrefix: 'report-figure' }))
      : await renderReportPdf(model, figurePdfDrawer(figure), { figureMm: figureSizeMm(project) })
  return { model, data }
}
