// A report as ONE standalone HTML file: inline CSS (screen and print), the TSA chart as inline SVG, no scripts and
// no external resources (a Content-Security-Policy forbids both), so that it opens offline anywhere and prints
// (or "prints to PDF") on A4 with the table headers repeated on every page. The markup is well-formed XML
// (quoted attributes, closed void elements) so that it can be checked by an XML parser.
import type { ReportBlock, ReportModel, ReportTable } from './buildReport'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const REPORT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; font: 10.5pt/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #111; background: #fff; }
header { border-bottom: 1.5pt solid #222; margin-bottom: 6mm; padding-bottom: 3mm; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.5pt solid #999; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.subtitle { font-size: 11pt; color: #333; }
.meta, .note, figcaption, caption { color: #444; font-size: 9pt; }
.conclusion { font-size: 11.5pt; font-weight: bold; border-left: 3pt solid #222; padding-left: 3mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-variant-numeric: tabular-nums; }
caption { text-align: left; caption-side: top; padding-bottom: 1mm; }
th, td { padding: 0.8mm 1.5mm; border-bottom: 0.5pt solid #bbb; vertical-align: top; text-align: left; }
thead th { border-bottom: 1pt solid #222; font-size: 9pt; }
.data { font-size: 8.5pt; }
.num { text-align: right; white-space: nowrap; }
.definitions th { width: 38%; font-weight: normal; color: #333; }
.definitions tr.muted th, .definitions tr.muted td { color: #777; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
ol.references { padding-left: 6mm; font-size: 9pt; }
footer { margin-top: 8mm; border-top: 0.5pt solid #999; padding-top: 2mm; color: #444; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
`

/** The SVG element of an SVG document: no XML declaration or doctype inside the HTML. */
function inlineSvg(svg: string): string {
  const start = svg.search(/<svg[\s>]/i)
  if (start < 0) throw new Error('the figure is not an SVG document')
  return svg.slice(start).trim()
}

function tableHtml(table: ReportTable, className: string): string {
  const cls = (numeric: boolean): string => (numeric ? ' class="num"' : '')
  const head = table.columns
    .map((c) => `<th scope="col"${cls(c.numeric)}>${escapeHtml(c.label)}</th>`)
    .join('')
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((value, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(value)}</th>`
              : `<td${cls(table.columns[i]?.numeric ?? false)}>${escapeHtml(value)}</td>`
          )
          .join('')}</tr>`
    )
    .join('\n')
  const note = table.note === undefined ? '' : `\n<p class="note">${escapeHtml(table.note)}</p>`
  return (
    `<table class="${className}">\n<caption>${escapeHtml(table.caption)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`
  )
}

function blockHtml(block: ReportBlock, figureSvg: string | null): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.role === undefined ? '' : ` class="${block.role}"`}>${escapeHtml(block.text)}</p>`
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`
    case 'definitions':
      return (
        `<table class="definitions"><tbody>\n` +
        block.rows
          .map(
            (d) =>
              `<tr${d.muted === true ? ' class="muted"' : ''}${d.path === undefined ? '' : ` data-setting="${escapeHtml(d.path)}"`}>` +
              `<th scope="row">${escapeHtml(d.label)}</th><td>${escapeHtml(d.value)}</td></tr>`
          )
          .join('\n') +
        `\n</tbody></table>`
      )
    case 'table':
      return tableHtml(block.table, 'data')
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      const cls = block.ordered ? ' class="references"' : ''
      return `<${tag}${cls}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}</${tag}>`
    }
    case 'figure':
      return (
        `<figure>\n` +
        (figureSvg === null
          ? `<p class="note">The chart could not be drawn for this report.</p>`
          : inlineSvg(figureSvg)) +
        `\n<figcaption>${escapeHtml(block.caption)}</figcaption>\n</figure>`
      )
  }
}

/** The report as a standalone HTML document; `figureSvg` (an SVG document) goes where the figure block is. */
export function renderReportHtml(model: ReportModel, figureSvg: string | null): string {
  const sections = model.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}" aria-labelledby="h-${escapeHtml(s.id)}">\n` +
        `<h2 id="h-${escapeHtml(s.id)}">${escapeHtml(s.heading)}</h2>\n` +
        s.blocks.map((b) => blockHtml(b, figureSvg)).join('\n') +
        `\n</section>`
    )
    .join('\n')
  const generator = `${model.software.name} ${model.software.version}`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
<meta name="generator" content="${escapeHtml(generator)}" />
<title>${escapeHtml(model.title)} — TSA report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
<p class="meta">${escapeHtml(`${model.software.name} version ${model.software.version} · ${model.software.generatedOn}`)}</p>
</header>
<main>
${sections}
</main>
<footer><p>${escapeHtml(model.footer)}</p></footer>
</body>
</html>
`
}
