// The rule catalog's generated text, from the registry and the presets: each doc page's header and
// the README's rule table. `npm run docs` writes them; a test fails when a file differs, so a rule's
// presets, description or summary are written in one place.
import { PRESETS } from '../config/presets.js';
import { PRESET_NAMES, type PresetName, type Severity } from '../config/types.js';
import { ALL_RULES, FILE_CHECKS, type RuleMeta } from './registry.js';

/** The catalog's order: the layers, then the pattern rules, then failing closed, then the graph rules. */
const ORDER = [
  'cosmic/layer-direction',
  'cosmic/domain-purity',
  'cosmic/handlers-use-unit-of-work',
  'cosmic/unit-of-work-boundary',
  'cosmic/message-bus-decoupled',
  'cosmic/bootstrap-only-from-entrypoints',
  'cosmic/handlers-do-not-call-handlers',
  'cosmic/service-layer-knows-no-http',
  'cosmic/command-handler-returns-nothing',
  'cosmic/views-read-only',
  'cosmic/aggregate-reference-by-id',
  'cosmic/one-aggregate-per-transaction',
  'cosmic/immutable-messages',
  'cosmic/value-objects-immutable',
  'cosmic/no-unclassified-files',
  'cosmic/no-unresolved-imports',
  'cosmic/no-transitive-violation',
  'cosmic/no-layer-cycles',
  'cosmic/one-handler-per-command',
];

/** Every registered rule, in catalog order; a rule the order does not name comes last, so none is ever left out. */
export function catalogRules(): RuleMeta[] {
  const rank = (ruleId: string) => (ORDER.includes(ruleId) ? ORDER.indexOf(ruleId) : ORDER.length);
  return Object.values(ALL_RULES).sort((a, b) => rank(a.ruleId) - rank(b.ruleId));
}

export const ruleName = (ruleId: string): string => ruleId.slice('cosmic/'.length);

function severity(ruleId: string, preset: PresetName): Severity {
  return PRESETS[preset].rules[ruleId] ?? 'off';
}

/** `**Presets:** …` for a doc page: the presets that turn the rule on, with the severity where it is not `error` everywhere. */
export function presetsLine(rule: RuleMeta): string {
  const on = PRESET_NAMES.filter((preset) => severity(rule.ruleId, preset) !== 'off');
  const mixed = on.some((preset) => severity(rule.ruleId, preset) !== 'error');
  const entries = on.map((preset) => {
    const details = [mixed ? severity(rule.ruleId, preset) : undefined, rule.presetNotes?.[preset]].filter(Boolean);
    return `\`${preset}\`${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  });
  const off = PRESET_NAMES.filter((preset) => !on.includes(preset));
  return `**Presets:** ${entries.join(', ')}${off.length > 0 ? `; off in ${off.map((preset) => `\`${preset}\``).join(', ')}` : ''}`;
}

const isFixable = (rule: RuleMeta): boolean => FILE_CHECKS[rule.ruleId]?.fixable === true;
const suggests = (rule: RuleMeta): boolean => FILE_CHECKS[rule.ruleId]?.suggestions !== undefined;

/** What ESLint can change for the rule: `fix` (applied by --fix), `suggestion` (offered in the editor only). */
function changes(rule: RuleMeta): string {
  return [...(isFixable(rule) ? ['fix'] : []), ...(suggests(rule) ? ['suggestion'] : [])].join(', ');
}

/** Where a rule runs, in words: ESLint and the audit, the audit alone, or the whole program in the audit and one file's share in ESLint. */
export function runsIn(ruleId: string): string {
  const check = FILE_CHECKS[ruleId];
  if (!check) return '`cosmic-lint audit` only (a whole-graph check: a per-file linter cannot see it)';
  if (check.wholeProgram) return '`cosmic-lint audit` (the whole program) and ESLint (what the linted file shows by itself)';
  return 'ESLint (file by file) and `cosmic-lint audit`';
}

/** Where the rule runs, and whether ESLint can fix it. */
export function runsInLine(rule: RuleMeta): string {
  if (!(rule.ruleId in FILE_CHECKS)) return `**Runs in:** ${runsIn(rule.ruleId)}`;
  return `**Runs in:** ${runsIn(rule.ruleId)} · **Type:** problem${isFixable(rule) ? " · **Fixable:** with ESLint's `--fix`" : ''}${suggests(rule) ? ' · **Suggestions:** offered in the editor, never applied by `--fix`' : ''}`;
}

/** Everything a doc page holds above its first `## ` section. */
export function docHeader(rule: RuleMeta): string {
  return `# ${rule.ruleId}\n\n> ${rule.description}\n\n${presetsLine(rule)} · ${runsInLine(rule)}\n`;
}

/** The README's rule table. */
export function ruleTable(): string {
  const rows = catalogRules().map((rule) => {
    // A preset that names the rule `off` says so; one that does not name it leaves the cell empty.
    const cells = PRESET_NAMES.map((preset) => {
      const value = PRESETS[preset].rules[rule.ruleId];
      const note = rule.presetNotes?.[preset];
      return value === undefined ? '' : `${value}${note ? ` (${note})` : ''}`;
    });
    return `| [\`${rule.ruleId}\`](docs/rules/${ruleName(rule.ruleId)}.md) | ${rule.summary} | ${cells.join(' | ')} | ${changes(rule)} |`;
  });
  return [`| rule | what it checks | ${PRESET_NAMES.join(' | ')} | ESLint fix / suggestion |`, `|---|${PRESET_NAMES.map(() => '---').join('|')}|---|---|`, ...rows].join('\n') + '\n';
}

/** Replaces the text between `<!-- begin name -->` and `<!-- end name -->`; the markers must exist. */
export function replaceBetween(text: string, name: string, content: string): string | undefined {
  const begin = `<!-- begin ${name} (generated by npm run docs) -->\n`;
  const end = `<!-- end ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) return undefined;
  return text.slice(0, from + begin.length) + content + text.slice(to);
}

/** A doc page with its header regenerated; the sections below it are the page's own. */
export function withDocHeader(page: string, rule: RuleMeta): string {
  const firstSection = page.indexOf('\n## ');
  return docHeader(rule) + (firstSection < 0 ? '' : page.slice(firstSection));
}
