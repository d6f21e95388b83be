import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../src/cli/args.js';
import { cli, fixturePath, REPO_ROOT } from './helpers.js';

// docs/recipes/monorepo-build-systems.md: an Nx target and a Turborepo task for the audit. Each
// recipe is a file of fixtures/recipes/, checked here against the JSON schema its tool publishes
// (vendored in fixtures/recipes/schemas/, see SOURCE.md there), against the doc, and by running
// its commands: they must parse, and write exactly the files the recipe declares as outputs.

const RECIPES = fixturePath('recipes');
const DOC = path.join(REPO_ROOT, 'docs', 'recipes', 'monorepo-build-systems.md');
const SCHEMAS = path.join(RECIPES, 'schemas');

interface NxTarget {
  command?: string;
  cache?: boolean;
  inputs?: unknown[];
  outputs?: string[];
}
interface NxProject {
  targets: Record<string, NxTarget>;
}
interface NxJson {
  namedInputs: Record<string, unknown[]>;
  targetDefaults: Record<string, NxTarget>;
}
interface TurboJson {
  tasks: Record<string, { dependsOn?: string[]; inputs?: string[]; outputs?: string[]; cache?: boolean }>;
}
interface PackageJson {
  scripts: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
const recipe = <T>(name: string): T => readJson<T>(path.join(RECIPES, ...name.split('/')));

/** Every recipe file (relative POSIX path), the vendored schemas left out. */
function recipeFiles(directory = RECIPES): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return full === SCHEMAS ? [] : recipeFiles(full);
    return entry.name.endsWith('.json') ? [path.relative(RECIPES, full).split(path.sep).join('/')] : [];
  });
}

function validator(schema: string): ValidateFunction {
  // Draft-07 schemas, which Ajv's default class compiles. Not strict: they use keywords Ajv does not
  // know (allowComments, x-priority…), which JSON Schema says to ignore. Turborepo's declares a format.
  const ajv = new Ajv({ strict: false, allErrors: true, formats: { uint64: { type: 'number', validate: (value: number) => Number.isSafeInteger(value) && value >= 0 } } });
  return ajv.compile(readJson<object>(path.join(SCHEMAS, ...schema.split('/'))));
}
const validators = {
  nxProject: validator('nx/project-schema.json'),
  nxJson: validator('nx/nx-schema.json'),
  turbo: validator('turbo/schema.json'),
};

/** `recipe` with `change` applied to a deep copy. */
function broken<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

const project = recipe<NxProject>('nx/project.json');
const nxJson = recipe<NxJson>('nx/nx.json');
const workspaceProject = recipe<NxProject>('nx/workspace-project.json');
const turbo = recipe<TurboJson>('turbo/turbo.json');
const turboRoot = recipe<PackageJson>('turbo/package.json');
const turboPackage = recipe<PackageJson>('turbo/packages/orders/package.json');

describe('the vendored schemas', () => {
  it('are the files SOURCE.md names, byte for byte (SHA-256)', () => {
    const source = fs.readFileSync(path.join(SCHEMAS, 'SOURCE.md'), 'utf8');
    const rows = [...source.matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([0-9a-f]{64})`\s*\|$/gm)];
    expect(rows.map((row) => row[1])).toEqual(['nx/project-schema.json', 'nx/nx-schema.json', 'turbo/schema.json']);
    for (const [, file, , , sha256] of rows) {
      const digest = createHash('sha256')
        .update(fs.readFileSync(path.join(SCHEMAS, ...file!.split('/'))))
        .digest('hex');
      expect(digest, file).toBe(sha256);
    }
    for (const licence of ['nx/LICENSE', 'turbo/LICENSE']) expect(fs.readFileSync(path.join(SCHEMAS, ...licence.split('/')), 'utf8')).toMatch(/Permission is hereby granted, free of charge/);
  });
});

describe('the recipes are valid for their tools', () => {
  it.each([
    ['nx/project.json', validators.nxProject],
    ['nx/workspace-project.json', validators.nxProject],
    ['nx/nx.json', validators.nxJson],
    ['turbo/turbo.json', validators.turbo],
  ] as const)('%s validates against its schema', (name, validate) => {
    expect(validate(recipe(name)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('Nx rejects what the recipes must not be: outputs as a string, a misspelled input, cache as a string', () => {
    const target = (copy: NxProject, name: string) => copy.targets[name] as Record<string, unknown>;
    const cases = [
      broken(project, (copy) => {
        target(copy, 'cosmic-lint').outputs = '{projectRoot}/cosmic-lint-report.json';
      }),
      broken(project, (copy) => {
        copy.targets['cosmic-lint']!.inputs!.push({ externalDependency: ['cosmic-lint'] });
      }),
      broken(workspaceProject, (copy) => {
        target(copy, 'cosmic-lint-all').cache = 'true';
      }),
    ];
    for (const value of cases) expect(validators.nxProject(value), JSON.stringify(value)).toBe(false);
    const defaults = broken(nxJson, (copy) => {
      (copy.targetDefaults['cosmic-lint'] as Record<string, unknown>).outputs = 'cosmic-lint-report.json';
    });
    expect(validators.nxJson(defaults)).toBe(false);
  });

  it('Turborepo rejects outputs as a string, cache as a string and dependsOn as a string', () => {
    const changes: Array<(task: Record<string, unknown>) => void> = [
      (task) => {
        task.outputs = 'cosmic-lint-report.json';
      },
      (task) => {
        task.cache = 'true';
      },
      (task) => {
        task.dependsOn = 'transit';
      },
    ];
    for (const change of changes) expect(validators.turbo(broken(turbo, (copy) => change(copy.tasks['cosmic-lint'] as Record<string, unknown>)))).toBe(false);
  });

  it('caches every task, and nx.json’s targetDefaults are the project.json target', () => {
    expect(nxJson.targetDefaults['cosmic-lint']).toEqual(project.targets['cosmic-lint']);
    for (const target of [project.targets['cosmic-lint'], workspaceProject.targets['cosmic-lint-all']]) expect(target?.cache).toBe(true);
    for (const name of ['cosmic-lint', '//#cosmic-lint-all']) expect(turbo.tasks[name]?.cache, name).toBe(true);
    // The per-project target reads `production` of the project and of its dependencies: nx.json must define it.
    expect(project.targets['cosmic-lint']?.inputs).toEqual(expect.arrayContaining(['production', '^production', { externalDependencies: ['cosmic-lint', 'typescript'] }]));
    expect(Object.keys(nxJson.namedInputs)).toEqual(expect.arrayContaining(['default', 'production']));
  });

  it('Turborepo runs the scripts the recipes define, and its transit task matches none', () => {
    expect(Object.keys(turboPackage.scripts)).toContain('cosmic-lint');
    expect(Object.keys(turboRoot.scripts)).toContain('cosmic-lint-all');
    expect(turbo.tasks['cosmic-lint']?.dependsOn).toEqual(['transit']);
    expect(turbo.tasks.transit?.dependsOn).toEqual(['^transit']);
    for (const scripts of [turboRoot.scripts, turboPackage.scripts]) expect(Object.keys(scripts)).not.toContain('transit');
    expect(turbo.tasks['cosmic-lint']?.inputs?.[0]).toBe('$TURBO_DEFAULT$');
  });
});

describe('the doc shows the recipes', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const tagged = [...doc.matchAll(/<!-- recipe: (\S+) -->\n\n```json\n([\s\S]*?)\n```/g)].map(([, name, json]) => ({ name: name!, json: json! }));

  it('tags every JSON block with the fixture it is', () => {
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBe(doc.match(/^```json$/gm)?.length);
  });

  it('shows each recipe file, and each block equals its file', () => {
    expect([...new Set(tagged.map((block) => block.name))].sort()).toEqual(recipeFiles().sort());
    for (const block of tagged) expect(JSON.parse(block.json), block.name).toEqual(recipe(block.name));
  });
});

/** A recipe's command: how the build system runs it, and the outputs it declares (relative to where it runs). */
interface Command {
  recipe: string;
  line: string;
  /** Where it runs, relative to the workspace root. */
  cwd: string;
  outputs: string[];
}

/** Nx: at the workspace root, `{projectRoot}` replaced (by packages/orders); Turborepo: in the package's folder. */
function commands(): Command[] {
  const projectRoot = 'packages/orders';
  const nx = (name: string, target: NxTarget | undefined): Command => {
    const resolve = (text: string) => text.replaceAll('{projectRoot}', projectRoot).replace(/^\{workspaceRoot\}\//, '');
    return { recipe: name, line: resolve(target!.command!), cwd: '.', outputs: target!.outputs!.map(resolve) };
  };
  return [
    nx('nx/project.json', project.targets['cosmic-lint']),
    nx('nx/nx.json', nxJson.targetDefaults['cosmic-lint']),
    nx('nx/workspace-project.json', workspaceProject.targets['cosmic-lint-all']),
    { recipe: 'turbo/packages/orders/package.json', line: turboPackage.scripts['cosmic-lint']!, cwd: projectRoot, outputs: turbo.tasks['cosmic-lint']!.outputs! },
    { recipe: 'turbo/package.json', line: turboRoot.scripts['cosmic-lint-all']!, cwd: '.', outputs: turbo.tasks['//#cosmic-lint-all']!.outputs! },
  ];
}

/** The argv a shell gives `cosmic-lint` for a line without quotes, variables or operators. */
function argv(line: string): string[] {
  expect(line, 'a plain command: no quoting, expansion or operator the split below would get wrong').toMatch(/^cosmic-lint [\w./{}@:=-]+( [\w./{}@:=-]+)*$/);
  return line.split(' ').slice(1);
}

describe('the recipes’ commands', () => {
  it('parse with cosmic-lint’s own argument parser, and write the files the recipe declares', () => {
    const all = commands();
    // The doc's shell blocks may name cosmic-lint commands too: they must parse as well.
    const doc = fs.readFileSync(DOC, 'utf8');
    const shell = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) => block!.split('\n').map((line) => line.replace(/^npx /, '').replace(/\s+#.*$/, '')));
    for (const line of shell.filter((text) => text.startsWith('cosmic-lint '))) expect(parseCommand(argv(line)).name, line).toBe('audit');
    expect(all).toHaveLength(5);
    for (const { recipe: name, line, outputs } of all) {
      const parsed = parseCommand(argv(line));
      if (parsed.name !== 'audit') throw new Error(`${name}: ${line} is not an audit`);
      expect(parsed.format, name).toBe('json');
      // What it writes: the report, and with --cache the facts file at its default place (the config is at the workspace root).
      const written = [parsed.output, ...(parsed.cache ? [parsed.cacheLocation ?? 'node_modules/.cache/cosmic-lint/facts.json'] : [])];
      expect(written.sort(), name).toEqual([...outputs].sort());
    }
  });

  it('are refused by the same parser when wrong, so the check above can fail', () => {
    expect(() => parseCommand(argv('cosmic-lint audit . --formt json'))).toThrow(UsageError);
    expect(() => parseCommand(argv('cosmic-lint audit --cache-location cosmic-lint-facts.json --format json'))).toThrow(UsageError);
    expect(() => parseCommand(argv('cosmic-lint audit --format jsn'))).toThrow(UsageError);
  });
});

describe('the recipes’ commands on a workspace of two packages', () => {
  // orders' domain reaches pg through billing's shared layer: a chain only the whole-workspace audit sees.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-recipes-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'cosmic-lint.config.json': JSON.stringify({ layers: { domain: ['packages/*/src/domain/**'], shared: ['packages/*/src/shared/**'] } }),
    'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'], dependencies: { pg: '^8.0.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
    'packages/orders/package.json': JSON.stringify({ name: '@shop/orders', private: true }),
    'packages/orders/src/domain/order.ts': "import { pool } from '../../../billing/src/shared/db.js';\nexport const order = () => pool();\n",
    'packages/billing/package.json': JSON.stringify({ name: '@shop/billing', private: true }),
    'packages/billing/src/shared/db.ts': "import { Pool } from 'pg';\nexport const pool = () => new Pool();\n",
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }

  /** Every file under the workspace, relative POSIX paths. */
  const listing = (directory = root): string[] =>
    fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      return entry.isDirectory() ? listing(full) : [path.relative(root, full).split(path.sep).join('/')];
    });

  it.each(commands().map((command) => [command.recipe, command] as const))('%s: runs, and writes exactly its declared outputs', async (_name, { line, cwd, outputs }) => {
    const folder = path.join(root, cwd);
    const declared = outputs.map((output) => path.posix.join(cwd, output));
    for (const output of declared) fs.rmSync(path.join(root, output), { force: true });
    const before = new Set(listing());
    const run = await cli(argv(line), folder);
    const parsed = parseCommand(argv(line));
    const whole = parsed.name === 'audit' && parsed.paths.length === 0;
    // Exit 1: the chain, which the whole-workspace audit alone sees; exit 0 for one package's audit.
    expect(run.status, run.stderr).toBe(whole ? 1 : 0);
    // The V8 code cache that --cache keeps in node_modules/.cache/cosmic-lint is a speed-up for this machine, not an output.
    const written = listing().filter((file) => !before.has(file) && !file.endsWith('.code-cache'));
    expect(written.sort()).toEqual(declared.sort());
    const report = readJson<{ violations: Array<{ ruleId: string; file: string }> }>(
      path.join(
        root,
        declared.find((file) => file.endsWith('cosmic-lint-report.json'))!,
      ),
    );
    expect(report.violations.map((violation) => `${violation.ruleId} ${violation.file}`)).toEqual(whole ? ['cosmic/no-transitive-violation packages/billing/src/shared/db.ts'] : []);
  });
});
