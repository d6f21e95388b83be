// Precision and recall of `cosmic-lint audit` on fixtures/real, against each project's hand-judged
// key.json, as a Markdown table. Runs the built audit in-process, exactly as the binary does:
//   npm run build && node scripts/corpus-figures.mjs
// Error-severity findings only; a finding matches a key violation by (rule, file, line). Findings on
// the imports a key lists as debatable count as neither true nor false positives.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const audit = path.join(root, 'dist', 'src', 'cli', 'audit.js');
if (!fs.existsSync(audit)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const { runAudit } = await import(audit);

const corpus = path.join(root, 'fixtures', 'real');
const projects = fs
  .readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(corpus, entry.name, 'key.json')))
  .map((entry) => entry.name)
  .sort();

const at = (entry) => `${entry.ruleId} ${entry.file}:${entry.line}`;
const where = (entry) => `${entry.file}:${entry.line}`;
const ratio = (part, whole) => (whole === 0 ? 1 : part / whole);
const percent = (value) => `${(value * 100).toFixed(1)} %`;

const rows = [];
for (const name of projects) {
  const directory = path.join(corpus, name);
  const key = JSON.parse(fs.readFileSync(path.join(directory, 'key.json'), 'utf8'));
  const outcome = await runAudit({ cwd: directory, paths: [], engine: 'cosmic', now: () => 0 });
  const expected = new Set(key.violations.map(at));
  const debatable = new Set((key.debatable ?? []).map(where));
  const errors = new Map();
  for (const finding of outcome.result.violations) if (finding.severity === 'error') errors.set(at(finding), finding);
  const truePositives = [...errors.keys()].filter((id) => expected.has(id)).length;
  const falsePositives = [...errors.values()].filter((finding) => !expected.has(at(finding)) && !debatable.has(where(finding))).length;
  const debatableReported = new Set([...errors.values()].map(where).filter((id) => debatable.has(id))).size;
  rows.push({ name, files: outcome.result.summary.files, expected: expected.size, truePositives, falsePositives, debatable: debatable.size, debatableReported });
}

const total = rows.reduce(
  (sum, row) => ({
    name: '**total**',
    files: sum.files + row.files,
    expected: sum.expected + row.expected,
    truePositives: sum.truePositives + row.truePositives,
    falsePositives: sum.falsePositives + row.falsePositives,
    debatable: sum.debatable + row.debatable,
    debatableReported: sum.debatableReported + row.debatableReported,
  }),
  { name: '**total**', files: 0, expected: 0, truePositives: 0, falsePositives: 0, debatable: 0, debatableReported: 0 },
);

console.log('| project | files | key violations | true positives | false positives | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of [...rows, total]) {
  const precision = percent(ratio(row.truePositives, row.truePositives + row.falsePositives));
  const recall = percent(ratio(row.truePositives, row.expected));
  console.log(`| ${row.name} | ${row.files} | ${row.expected} | ${row.truePositives} | ${row.falsePositives} | ${precision} | ${recall} |`);
}
console.log('');
console.log(`The keys also list ${total.debatable} debatable imports (${total.debatableReported} reported by the audit); they count as neither true nor false positives.`);
