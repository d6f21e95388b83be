import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isPresetName } from '../config/load.js';
import { PRESET_NAMES, type PresetName } from '../config/types.js';
import { suggest } from '../config/validate.js';
import { FORMATS } from '../report/index.js';

export type Command =
  | { name: 'help'; text: string }
  | { name: 'version' }
  | {
      name: 'audit';
      paths: string[];
      config: string | undefined;
      preset: PresetName | undefined;
      engine: 'cosmic' | 'depcruise';
      format: string;
      output: string | undefined;
      maxWarnings: number | undefined;
      quiet: boolean;
      baseline: string | undefined;
      updateBaseline: boolean;
      force: boolean;
      timing: boolean;
      changedSince: string | undefined;
      cache: boolean;
      cacheLocation: string | undefined;
      /** `--shard k/n`: record the facts of one share of the files (to --output) instead of checking. */
      shard: { index: number; count: number } | undefined;
      /** `merge`: the shards' files. */
      parts: string[] | undefined;
    }
  | { name: 'init'; directory: string | undefined; preset: PresetName; eslint: boolean; force: boolean }
  | { name: 'explain'; subject: string; config: string | undefined }
  | { name: 'classify'; files: string[]; config: string | undefined }
  | { name: 'depcruise-config'; output: string | undefined; config: string | undefined };

/** `k/n`: the k-th of n shares, 1 ≤ k ≤ n. */
function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes k/n with 1 ≤ k ≤ n (1/2, 2/2), got "${value}"`);
  return { index, count };
}

/** A usage error: exit code 2, the message, and where to read more. */
export class UsageError extends Error {}

const MAIN_HELP = `Usage: cosmic-lint <command> [options]

Enforce the Cosmic Python architecture (Architecture Patterns with Python) on TypeScript.

Commands:
  init [folder]           write cosmic-lint.config.json from the layout it detects (--eslint: the ESLint config too)
  audit [paths…]          check the whole project: every rule, transitive paths, cycles
  merge <part…>           the audit's report from the facts of its shards (audit --shard k/n)
  explain <rule|file[:line]>  a rule's reason, fix and examples; or a file's layer, role and imports with their verdicts
  classify <file…>        which layer and role each file has, and which glob or name gave it
  depcruise-config        write the generated dependency-cruiser ruleset

Options:
  -h, --help              help for a command: cosmic-lint audit --help
  -v, --version           the version

Exit codes: 0 clean, 1 violations, 2 the tool could not do its job.
`;

const HELP: Record<string, string> = {
  init: `Usage: cosmic-lint init [folder] [options]

Detects the layout (every module or bounded context, at any depth) and writes
cosmic-lint.config.json in the folder (default: the current one): $schema, include, exclude
(tests and build output), the layers found and the preset. Classifies every file with it first and
prints what went where, what is left in no layer, and the command to run next.

Options:
  --preset P              ${['domain-only', 'part1', 'recommended', 'strict'].join(' | ')} (default recommended)
  --eslint                also add the preset to eslint.config.* (or write eslint.config.js in the
                          project's module system: import for "type": "module", else require)
  --force                 replace an existing cosmic-lint.config.json
  -h, --help              this help

Refuses (exit 2) a folder without TypeScript files, an existing config without --force, and a
layout with no layer folder in it (then write "layers" yourself: see the README).
`,
  merge: `Usage: cosmic-lint merge <part…> [options]

Checks the whole project, as audit does, with the facts the shards recorded
(cosmic-lint audit --shard k/n --output part-k.json, one per CI job): a file a part answers is not
parsed again (a file no part saw, or one changed since, is). The report is the one an unsharded
audit gives. Every audit option applies but --shard and --cache; parts from another version of
cosmic-lint or TypeScript, or that are no part, are an error (exit 2).
`,
  explain: `Usage: cosmic-lint explain <rule | file[:line]> [--config F]

For a rule (cosmic/domain-purity, or domain-purity): what it checks, the book's reason, the fix,
the presets that turn it on, and its ❌/✅ examples from its doc page.
For a file: its layer, role and why, and every import with the layer and role it reaches and the
verdict (allowed, or the rule that forbids it, and why). With :line, the imports on that line only.
`,
  audit: `Usage: cosmic-lint audit [paths…] [options]

Checks every file in the project (or under the given paths) with all rules the preset turns on,
plus the whole-graph checks: forbidden dependencies through allowed-looking hops, and import
cycles across layers. Does not run ESLint.

Options:
  --config F              the config file (default: nearest cosmic-lint.config.json/.js/.mjs, else detected)
  --preset P              override the preset: ${['domain-only', 'part1', 'recommended', 'strict'].join(' | ')}
  --engine E              cosmic (default) | depcruise: build the import graph with dependency-cruiser
  --format F              ${FORMATS.join(' | ')} (default text)
  --output F              write the report to F (atomically) instead of stdout
  --max-warnings N        exit 1 when there are more than N warnings
  --quiet                 report errors only
  --baseline F            hide the known violations listed in F; report entries fixed since
  --update-baseline       rewrite F (atomically): drop fixed entries; with --force, add new ones
  --force                 let --update-baseline add violations (default: it only removes)
  --timing                put the run's duration in the report (summary.durationMs in JSON, the text summary line)
  --cache                 keep each file's facts (imports, exports, what the checks read) between runs,
                          keyed by its content: an unchanged file is not parsed again; resolution and
                          every check still run, so the report is the same. A cache from another
                          version, or corrupt, is ignored with one warning
  --cache-location F      where (default node_modules/.cache/cosmic-lint/facts.json under the config's
                          folder; a folder gets facts.json); paths inside are relative, so CI can restore it
  --shard k/n             parse every n-th file (the k-th share, in path order) and write its facts to
                          --output instead of a report; cosmic-lint merge the parts into one report
  --changed-since REF     check the whole project but report only findings that touch a file changed
                          since the branch left REF (git diff --merge-base REF, untracked files too):
                          the file itself, what it imports, or a hop of its chain; "-" reads the
                          changed files from stdin, one per line. Unresolved imports and diagnostics
                          are always reported; the summary counts what was left out
  -h, --help              this help

Exit codes: 0 no error-severity violation; 1 violations (or warnings past --max-warnings);
2 the tool could not do its job (bad config, unreadable path, no files, a file or tsconfig that
does not parse), with every reason on stderr.
`,
  classify: `Usage: cosmic-lint classify <file…> [--config F]

Prints, for each file, its layer and the glob that put it there, its role and why (a roles glob
or a conventional name), and whether it is checked (include/exclude). For debugging a config.
`,
  'depcruise-config': `Usage: cosmic-lint depcruise-config [-o F] [--config F]

Writes a standalone, flattened .dependency-cruiser.cjs generated from the same description: a
forbidden rule per forbidden layer pair, reachability rules for the domain, and a rule against
cycles. Prints it to stdout without -o.
`,
};

const COMMON = { help: { type: 'boolean', short: 'h' }, config: { type: 'string' } } as const;
const AUDIT_OPTIONS = {
  ...COMMON,
  preset: { type: 'string' },
  engine: { type: 'string', default: 'cosmic' },
  format: { type: 'string', default: 'text' },
  output: { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  timing: { type: 'boolean', default: false },
  'changed-since': { type: 'string' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
} as const;

const OPTIONS = {
  audit: AUDIT_OPTIONS,
  merge: AUDIT_OPTIONS,
  init: { help: { type: 'boolean', short: 'h' }, preset: { type: 'string', default: 'recommended' }, eslint: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  explain: COMMON,
  classify: COMMON,
  'depcruise-config': { ...COMMON, output: { type: 'string', short: 'o' } },
} satisfies Record<string, ParseArgsConfig['options']>;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, options: T, argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own texts are written for programmers ("To specify a positional argument…"): say it in one line of ours.
    const { message, code } = error as Error & { code?: string };
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1]?.split('=')[0];
    const known = Object.keys(options).map((name) => `--${name}`);
    const hint = flag ? suggest(flag, known) : undefined;
    const help = `see cosmic-lint ${command} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) throw new UsageError(`unknown option ${flag} for ${command}${hint ? ` (did you mean ${hint}?)` : ''}; ${help}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      const takesValue = (options as Record<string, { type: string }>)[flag.replace(/^-+/, '')]?.type === 'string' || /argument missing/.test(message);
      throw new UsageError(takesValue ? `option ${flag} needs a value; ${help}` : `option ${flag} takes no value; ${help}`);
    }
    throw new UsageError(`${message.replace(/\s+/g, ' ')}; ${help}`);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const hint = suggest(value, allowed);
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
}

/** argv (without node and the script) → the command to run. Never exits; throws UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { name: 'help', text: MAIN_HELP };
  if (first === '-v' || first === '--version') return { name: 'version' };
  if (!(first in OPTIONS)) {
    const hint = suggest(first, Object.keys(OPTIONS));
    throw new UsageError(`unknown command "${first}"${hint ? ` (did you mean "${hint}"?)` : ''}. Commands: ${Object.keys(OPTIONS).join(', ')}`);
  }
  const command = first as keyof typeof OPTIONS;
  if (command === 'audit' || command === 'merge') {
    const { values, positionals } = parse(command, OPTIONS.audit, rest);
    if (values.help) return { name: 'help', text: HELP[command]! };
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (shard && values.output === undefined) throw new UsageError("--shard k/n writes the share's facts to a file: add --output part-k.json, then run cosmic-lint merge on every part");
    if (shard && command === 'merge') throw new UsageError('merge takes the parts --shard wrote; it does not shard itself');
    if (command === 'merge' && positionals.length === 0) throw new UsageError('merge needs the parts, e.g. cosmic-lint merge part-1.json part-2.json');
    if (command === 'merge' && values.cache) throw new UsageError("merge reads the shards' facts; --cache does not apply");
    if (values.preset !== undefined && !isPresetName(values.preset)) oneOf('preset', values.preset, ['domain-only', 'part1', 'recommended', 'strict']);
    if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline F: the file to write');
    if (values.force && !values['update-baseline']) throw new UsageError('--force only applies to --update-baseline');
    if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location F needs --cache: the cache is off without it');
    if (values['changed-since'] !== undefined && values['update-baseline'])
      throw new UsageError('--update-baseline rewrites the baseline from the whole project; run it without --changed-since, which leaves findings out');
    const maxWarnings = values['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, got "${maxWarnings}"`);
    return {
      name: 'audit',
      paths: command === 'merge' ? [] : positionals,
      config: values.config,
      preset: values.preset as PresetName | undefined,
      engine: oneOf('engine', values.engine, ['cosmic', 'depcruise'] as const),
      format: oneOf('format', values.format, FORMATS),
      output: values.output,
      maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
      quiet: values.quiet,
      baseline: values.baseline,
      updateBaseline: values['update-baseline'],
      force: values.force,
      timing: values.timing,
      changedSince: values['changed-since'],
      cache: values.cache,
      cacheLocation: values['cache-location'],
      shard,
      parts: command === 'merge' ? positionals : undefined,
    };
  }
  if (command === 'init') {
    const { values, positionals } = parse(command, OPTIONS.init, rest);
    if (values.help) return { name: 'help', text: HELP.init! };
    if (positionals.length > 1) throw new UsageError(`init takes one folder, got ${positionals.join(' ')}`);
    return { name: 'init', directory: positionals[0], preset: oneOf('preset', values.preset, PRESET_NAMES), eslint: values.eslint, force: values.force };
  }
  if (command === 'explain') {
    const { values, positionals } = parse(command, OPTIONS.explain, rest);
    if (values.help) return { name: 'help', text: HELP.explain! };
    if (positionals.length !== 1) throw new UsageError('explain needs one rule or file[:line], e.g. cosmic-lint explain domain-purity or cosmic-lint explain src/domain/model.ts:3');
    return { name: 'explain', subject: positionals[0]!, config: values.config };
  }
  if (command === 'classify') {
    const { values, positionals } = parse(command, OPTIONS.classify, rest);
    if (values.help) return { name: 'help', text: HELP.classify! };
    if (positionals.length === 0) throw new UsageError('classify needs at least one file. See: cosmic-lint classify --help');
    return { name: 'classify', files: positionals, config: values.config };
  }
  const { values, positionals } = parse(command, OPTIONS['depcruise-config'], rest);
  if (values.help) return { name: 'help', text: HELP['depcruise-config']! };
  if (positionals.length > 0) throw new UsageError(`depcruise-config takes no paths, got ${positionals.join(' ')}`);
  return { name: 'depcruise-config', output: values.output, config: values.config };
}
