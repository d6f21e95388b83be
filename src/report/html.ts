import { createHash } from 'node:crypto';
import { isBookLayer, type Layer, type LayerName } from '../config/types.js';
import { chainItems, type AuditResult, type ContextEdge, type ContextSummary, type LayerEdge, type Violation } from '../results/violation.js';
import { escapeXml, neutralise } from './escape.js';
import { hopsLeftOut, plural } from './words.js';

type Dot = (source: string) => string;
let graphviz: Promise<Dot> | undefined;

/** Graphviz compiled to WebAssembly (no binary to install, no network): loaded once, on first use. */
async function loadGraphviz(): Promise<Dot> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then(async ({ Graphviz }) => {
    const instance = await Graphviz.load();
    return (source: string) => instance.dot(source);
  });
  return graphviz;
}

const RANK: Record<Layer, number> = { entrypoints: 0, bootstrap: 0, adapters: 1, 'service-layer': 2, domain: 3, shared: 4 };
/** A project string in the page, in content or an attribute: controls (LF and CR too) and bidi controls shown as `\uXXXX`, markup escaped. */
const text = (value: string) => escapeXml(neutralise(value));
const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** The layers as boxes, outer ones on top, and the observed imports between them as arrows; forbidden ones red with their count. */
export function layerDiagramSource(layers: readonly LayerName[], edges: readonly LayerEdge[], idPrefix = ''): string {
  const lines = [
    'digraph layers {',
    '  graph [rankdir=TB, bgcolor="transparent", nodesep=0.6, ranksep=0.7, fontname="Helvetica"];',
    '  node [shape=box, style="rounded,filled", fillcolor="#f5f7fa", color="#5b6b7f", fontname="Helvetica", fontsize=13, margin="0.25,0.12"];',
    '  edge [fontname="Helvetica", fontsize=11];',
  ];
  const node = (layer: LayerName) => `${quote(layer)} [id=${quote(`${idPrefix}layer-${layer}`)}, class="layer"]`;
  for (const rank of [0, 1, 2, 3, 4]) {
    const same = layers.filter((layer) => isBookLayer(layer) && RANK[layer] === rank);
    if (same.length > 0) lines.push(`  { rank=same; ${same.map(node).join('; ')}; }`);
  }
  // Custom layers have no place in the book's order: Graphviz places them by their imports.
  for (const layer of layers.filter((name) => !isBookLayer(name))) lines.push(`  ${node(layer)};`);
  for (const edge of edges) {
    if (!layers.includes(edge.from) || !layers.includes(edge.to)) continue;
    const forbidden = edge.violations > 0;
    const label = forbidden ? `${edge.violations} forbidden / ${edge.imports}` : `${edge.imports}`;
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)} [id=${quote(`${idPrefix}edge-${edge.from}-${edge.to}`)}, class=${quote(forbidden ? 'forbidden' : 'allowed')}, label=${quote(label)}, color=${quote(forbidden ? '#d1242f' : '#8c959f')}, fontcolor=${quote(forbidden ? '#d1242f' : '#57606a')}, penwidth=${forbidden ? 2.2 : 1.2}];`,
    );
  }
  lines.push('}');
  return lines.join('\n');
}

/** The context map: bounded contexts as boxes (a shared kernel dashed), the imports from one into another as arrows, labelled with how many are of the published language; red ones break a rule. */
export function contextDiagramSource(contexts: readonly ContextSummary[], edges: readonly ContextEdge[]): string {
  const lines = [
    'digraph contexts {',
    '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.6, ranksep=1.1, fontname="Helvetica"];',
    '  node [shape=box, style="rounded,filled", fillcolor="#f5f7fa", color="#5b6b7f", fontname="Helvetica", fontsize=13, margin="0.25,0.12"];',
    '  edge [fontname="Helvetica", fontsize=11];',
  ];
  for (const [index, context] of contexts.entries()) {
    const label = `${context.name}${context.sharedKernel ? '\n(shared kernel)' : ''}\n${context.files} ${context.files === 1 ? 'file' : 'files'}`;
    lines.push(`  ${quote(`c${index}`)} [id=${quote(`context-${index}`)}, class="context", label=${quote(label)}${context.sharedKernel ? ', style="rounded,filled,dashed"' : ''}];`);
  }
  const node = new Map(contexts.map((context, index) => [context.name, `c${index}`]));
  for (const edge of edges) {
    const from = node.get(edge.from);
    const to = node.get(edge.to);
    if (!from || !to) continue;
    const forbidden = edge.violations > 0;
    const label = forbidden ? `${edge.violations} forbidden / ${edge.imports}` : edge.published === edge.imports ? `${edge.imports} published` : `${edge.published} published / ${edge.imports}`;
    lines.push(
      `  ${quote(from)} -> ${quote(to)} [class=${quote(forbidden ? 'forbidden' : 'allowed')}, label=${quote(label)}, color=${quote(forbidden ? '#d1242f' : '#8c959f')}, fontcolor=${quote(forbidden ? '#d1242f' : '#57606a')}, penwidth=${forbidden ? 2.2 : 1.2}];`,
    );
  }
  lines.push('}');
  return lines.join('\n');
}

const STYLE = `
body{font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:20px 28px;border-bottom:1px solid #d0d7de;background:#f6f8fa}h1{font-size:20px;margin:0 0 12px}
.figures{display:flex;gap:14px;flex-wrap:wrap}.figure{border:1px solid #d0d7de;border-radius:8px;padding:8px 14px;background:#fff;min-width:92px}
.figure b{display:block;font-size:22px}.figure.bad b{color:#d1242f}.figure.ok b{color:#1a7f37}
main{padding:18px 28px}section{margin-bottom:26px}h2{font-size:16px;margin:0 0 10px}
#diagram svg,#context-map svg,.context-layers svg{max-width:100%;height:auto}.context-layers summary{cursor:pointer;margin:6px 0}
.controls{display:flex;gap:10px;margin-bottom:10px;flex-wrap:wrap}input,select{font:inherit;padding:4px 8px;border:1px solid #d0d7de;border-radius:6px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d8dee4;padding:6px 8px;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.error{color:#d1242f;font-weight:600}td.warning{color:#9a6700;font-weight:600}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
ol.chain{margin:4px 0 0;padding-left:18px;color:#57606a}.diagnostics li{color:#d1242f}.empty{color:#57606a}
`;

// Filtering and sorting work on the rows rendered above; nothing from the project is ever parsed as HTML.
const SCRIPT = `
const table = document.getElementById('violations');
const rows = Array.from(table.tBodies[0].rows);
const search = document.getElementById('filter');
const rule = document.getElementById('rule');
const severity = document.getElementById('severity');
const count = document.getElementById('shown');
function apply() {
  const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const row of rows) {
    const text = row.textContent.toLowerCase();
    const visible = words.every((word) => text.includes(word)) && (!rule.value || row.dataset.rule === rule.value) && (!severity.value || row.dataset.severity === severity.value);
    row.hidden = !visible;
    if (visible) shown++;
  }
  count.textContent = String(shown);
}
for (const control of [search, rule, severity]) control.addEventListener('input', apply);
for (const header of table.tHead.rows[0].cells) {
  header.addEventListener('click', () => {
    const key = header.dataset.key;
    const ascending = header.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const value = (row) => (key === 'message' ? row.cells[3].textContent : row.dataset[key]) || '';
    const numeric = key === 'line';
    rows.sort((a, b) => (numeric ? Number(value(a)) - Number(value(b)) : (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0)) * (ascending ? 1 : -1));
    table.tBodies[0].append(...rows);
  });
}
apply();
`;

/** A chain's hops as list items (numbered by their place in the whole chain), and the gap where hops were left out. */
function chainHtml(violation: Violation): string {
  return chainItems(violation)
    .map((item) =>
      'hop' in item
        ? `<li value="${item.position}"><code>${text(`${item.hop.file}:${item.hop.line}`)}</code> imports <code>${text(`'${item.hop.specifier}'`)}</code></li>`
        : `<li class="omitted">${hopsLeftOut(item.omitted)}</li>`,
    )
    .join('');
}

/** One self-contained page: figures, the layer diagram (Graphviz, inline SVG), a filterable and sortable table of violations with chains. */
export async function formatHtml(result: AuditResult): Promise<string> {
  const dot = await loadGraphviz();
  const inline = (source: string) => dot(source).replace(/^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>)?\s*/, '');
  const svg = inline(layerDiagramSource(result.layers, result.layerEdges));
  const contextSvg = result.contexts && result.contexts.length > 0 ? inline(contextDiagramSource(result.contexts, result.contextEdges ?? [])) : undefined;
  // Each context's own layer diagram, folded: opened on demand.
  const contextLayers = (result.contexts ?? [])
    .map((context, index) => {
      const layers = result.layers.filter((layer) => context.layerEdges.some((edge) => edge.from === layer || edge.to === layer));
      // Ids of their own: the page already has the whole project's `layer-domain`.
      const body = layers.length > 0 ? inline(layerDiagramSource(layers, context.layerEdges, `context-${index}-`)) : '<p class="empty">No imports between layers inside it.</p>';
      return `<details class="context-layers"><summary>${text(context.name)}: its layers</summary>${body}</details>`;
    })
    .join('');
  const live = result.violations.filter((violation) => !violation.baselined);
  const rules = [...new Set(live.map((violation) => violation.ruleId))].sort();
  const rows = live.map(
    (violation) => `<tr data-rule="${text(violation.ruleId)}" data-severity="${violation.severity}" data-file="${text(violation.file)}" data-line="${violation.line}">
<td class="${violation.severity}">${violation.severity}</td><td><code>${text(violation.ruleId)}</code></td><td><code>${text(`${violation.file}:${violation.line}:${violation.column}`)}</code></td>
<td>${text(violation.message)}${violation.chain.length > 0 ? `<ol class="chain">${chainHtml(violation)}</ol>` : ''}</td></tr>`,
  );
  const figure = (label: string, value: number, tone: string) => `<div class="figure ${tone}"><b>${value}</b>${text(label)}</div>`;
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cosmic-lint report: ${text(plural(result.summary.errors + result.summary.warnings, 'problem'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>cosmic-lint architecture report</h1>
<div class="figures">
${figure('files checked', result.summary.files, '')}
${figure('errors', result.summary.errors, result.summary.errors > 0 ? 'bad' : 'ok')}
${figure('warnings', result.summary.warnings, result.summary.warnings > 0 ? 'bad' : 'ok')}
${figure('baselined', result.summary.baselined, '')}
${figure('diagnostics', result.diagnostics.length, result.diagnostics.length > 0 ? 'bad' : 'ok')}
${result.contextEdges ? figure('forbidden context pairs', result.contextEdges.filter((edge) => edge.violations > 0).length, result.contextEdges.some((edge) => edge.violations > 0) ? 'bad' : 'ok') : ''}
${figure('forbidden layer pairs', result.layerEdges.filter((edge) => edge.violations > 0).length, result.layerEdges.some((edge) => edge.violations > 0) ? 'bad' : 'ok')}
</div>
</header>
<main>
${contextSvg ? `<section><h2>Bounded contexts: the context map</h2><p class="empty">Arrows are imports from one context into another, labelled with how many are of its published language (or a shared kernel); red ones break the context boundaries, labelled with how many.</p><div id="context-map">${contextSvg}</div>${contextLayers}</section>` : ''}
<section><h2>Layers and the imports between them</h2><p class="empty">Arrows are observed imports; red ones break the rules, labelled with how many.</p><div id="diagram">${svg}</div></section>
${result.diagnostics.length > 0 ? `<section><h2>Diagnostics: the check is incomplete</h2><ul class="diagnostics">${result.diagnostics.map((diagnostic) => `<li>${text(`${diagnostic.kind}${diagnostic.file ? ` ${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}` : ''}: ${diagnostic.message}`)}</li>`).join('')}</ul></section>` : ''}
<section>
<h2>Violations (<span id="shown">${live.length}</span> of ${live.length})</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter: file, rule, words of the message" aria-label="Filter violations">
<select id="rule" aria-label="Rule"><option value="">all rules</option>${rules.map((ruleId) => `<option value="${text(ruleId)}">${text(ruleId)}</option>`).join('')}</select>
<select id="severity" aria-label="Severity"><option value="">all severities</option><option value="error">errors</option><option value="warning">warnings</option></select>
</div>
<table id="violations">
<thead><tr><th data-key="severity">severity</th><th data-key="rule">rule</th><th data-key="file">where</th><th data-key="message">what, why, fix</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${live.length === 0 ? '<p class="empty">No violations.</p>' : ''}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
