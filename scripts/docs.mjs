// `npm run docs`: writes the generated parts of the rule catalog (each docs/rules page's header, the
// README's rule table) from the registry and the presets in dist/. `--check` writes nothing and
// exits 1 naming each file that differs (the test suite does the same check against src/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogRules, replaceBetween, ruleName, ruleTable, withDocHeader } from '../dist/src/checks/catalog.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const stale = [];

function update(file, next) {
  const current = fs.readFileSync(file, 'utf8');
  if (current === next) return;
  stale.push(path.relative(root, file));
  if (!check) fs.writeFileSync(file, next);
}

for (const rule of catalogRules()) {
  const page = path.join(root, 'docs', 'rules', `${ruleName(rule.ruleId)}.md`);
  update(page, withDocHeader(fs.readFileSync(page, 'utf8'), rule));
}
const readme = path.join(root, 'README.md');
const table = replaceBetween(fs.readFileSync(readme, 'utf8'), 'rule table', ruleTable());
if (table === undefined) throw new Error('README.md has no <!-- begin rule table … --> / <!-- end rule table --> markers');
update(readme, table);

if (stale.length > 0) {
  process.stdout.write(`${check ? 'out of date' : 'updated'}: ${stale.join(', ')}\n`);
  if (check) process.exitCode = 1;
} else {
  process.stdout.write('the generated docs are up to date\n');
}
