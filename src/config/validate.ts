import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CosmicError } from './errors.js';
import type { CosmicConfigInput } from './types.js';
import { RULE_IDS } from './presets.js';
import { layerEntries } from './layers.js';
import { LAYERS } from './types.js';

/**
 * The schema's validator, precompiled at build time (ajv's standalone code, written by `npm run
 * schema`; a test keeps it equal to what the schema compiles to) and loaded on the first config
 * read: no run compiles the schema (~80-110 ms), and `--help`, `--version` and a process that never
 * reads a config do not even load it.
 */
let compiled: ValidateFunction | undefined;
function validateSchema(value: unknown): ErrorObject[] | undefined {
  compiled ??= createRequire(import.meta.url)('./schema-validator.generated.cjs') as ValidateFunction;
  return compiled(value) ? undefined : (compiled.errors ?? []);
}

/** `/layers/domain/0` → `layers.domain[0]`; the root is `(root)`. */
function keyPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** A value as the config author would write it; never throws (a bigint, a function or a symbol has no JSON). */
function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** How deep a config can nest: the schema needs four levels; far more is a mistake or an attack, not a description. */
const MAX_DEPTH = 64;

/**
 * A copy of a config value made of plain data only (objects, arrays, strings, numbers, booleans,
 * null), taken before validation: a JS config or ESLint's `settings.cosmic` can hold a cycle, a
 * getter or a proxy that throws, which would otherwise crash the validator or the error messages.
 * Anything else (a function, a class instance's methods) is kept as is for the schema to reject.
 */
function plainData(value: unknown, file: string): unknown {
  const ancestors = new Set<object>();
  const copy = (current: unknown, where: string, depth: number): unknown => {
    if (current === null || typeof current !== 'object') return current;
    if (ancestors.has(current)) throw new CosmicError('config', `invalid configuration: ${where} refers back to itself (a cyclic object); a config must be plain data`, file);
    if (depth > MAX_DEPTH) throw new CosmicError('config', `invalid configuration: ${where} nests more than ${MAX_DEPTH} levels deep`, file);
    ancestors.add(current);
    try {
      if (Array.isArray(current)) {
        const length = current.length;
        const items: unknown[] = [];
        for (let index = 0; index < length; index++) items.push(copy(current[index], `${where}[${index}]`, depth + 1));
        return items;
      }
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(current)) {
        const at = where === '(root)' ? key : `${where}.${key}`;
        let item: unknown;
        try {
          item = (current as Record<string, unknown>)[key];
        } catch (error) {
          throw new CosmicError('config', `invalid configuration: reading ${at} threw: ${shownError(error)}`, file);
        }
        result[key] = copy(item, at, depth + 1);
      }
      return result;
    } catch (error) {
      if (error instanceof CosmicError) throw error;
      throw new CosmicError('config', `invalid configuration: reading ${where} threw: ${shownError(error)}`, file);
    } finally {
      ancestors.delete(current);
    }
  };
  return copy(value, '(root)', 0);
}

function shownError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unprintable value';
  }
}

/**
 * Bounds on a glob's wildcards. A glob compiles to a regular expression whose `*`s and `**`s
 * backtrack: each one more multiplies the work on a long name or a deep path that almost matches
 * (three `*` in a segment take most of a second on a 250-character name, four half a minute; three
 * `**` with `*`s between them a tenth of a second 200 folders deep, more grow as fast), so globs past
 * these bounds are refused. An extglob group (`!(index|*Controller)`) counts once, whatever its
 * alternatives hold; `**` directly after `**` counts once.
 */
export const MAX_WILDCARDS_PER_SEGMENT = 2;
export const MAX_GLOBSTARS = 2;

function wildcardsIn(segment: string): number {
  let count = 0;
  let depth = 0;
  let groupHasStar = false;
  for (let index = 0; index < segment.length; index++) {
    const character = segment[index];
    if (character === '\\') {
      index++;
    } else if (character === '(') {
      if (depth === 0) groupHasStar = false;
      depth++;
    } else if (character === ')' && depth > 0) {
      depth--;
      if (depth === 0 && groupHasStar) count++;
    } else if (character === '*') {
      if (depth > 0) groupHasStar = true;
      else if (segment[index + 1] !== '(') {
        count++;
        while (segment[index + 1] === '*') index++;
      }
    }
  }
  return count;
}

/** Why a glob is too costly to match, or undefined when it is within the bounds. */
export function globComplexityProblem(glob: string): string | undefined {
  const segments = glob.replace(/^!/, '').split('/');
  const busiest = Math.max(0, ...segments.map((segment) => (segment === '**' ? 0 : wildcardsIn(segment))));
  if (busiest > MAX_WILDCARDS_PER_SEGMENT) {
    return `"${glob}" has ${busiest} wildcards in one path segment; at most ${MAX_WILDCARDS_PER_SEGMENT} are allowed (more make matching a long file name take minutes); use fewer "*" or split the glob into several`;
  }
  const globstars = segments.filter((segment, index) => segment === '**' && segments[index - 1] !== '**').length;
  if (globstars > MAX_GLOBSTARS) {
    return `"${glob}" has ${globstars} "**"; at most ${MAX_GLOBSTARS} are allowed (more make matching a deep path take minutes); spell out some folders, or split the glob into several`;
  }
  return undefined;
}

function globProblems(config: CosmicConfigInput): string[] {
  const all = [
    ...(config.include ?? []).map((glob, index) => ({ path: `include[${index}]`, glob })),
    ...(config.exclude ?? []).map((glob, index) => ({ path: `exclude[${index}]`, glob })),
    ...layerGlobsWithPaths(config),
    ...globsWithPaths('roles', config.roles),
  ];
  return all.flatMap(({ path, glob }) => {
    const problem = globComplexityProblem(glob);
    return problem ? [`${path}: ${problem}`] : [];
  });
}

function describe(error: ErrorObject): string {
  const path = keyPath(error.instancePath);
  const got = shown(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = suggest(key, allowed);
      const where = path === '(root)' ? key : `${path}.${key}`;
      return `${where}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${allowed.join(', ')}`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
      return `${path}: expected one of ${allowed.join(', ')}, got ${got}${hint ? ` (did you mean "${hint}"?)` : ''}`;
    }
    case 'oneOf':
      return `${path}: expected ${lowerFirst((error.parentSchema as { description?: string }).description?.replace(/\.$/, '')) ?? 'one of the allowed forms'}, got ${got}`;
    case 'propertyNames':
      if (path === 'layers')
        return `${path}: "${String((error.params as { propertyName: string }).propertyName)}" is not a usable layer name (lower-case letters, digits and "-", starting with a letter)`;
      if (path.startsWith('contexts'))
        return `${path}: "${String((error.params as { propertyName: string }).propertyName)}" is not a usable context name (letters, digits, "_", "-" and ".", starting with a letter or digit)`;
      return `${path}: "${String((error.params as { propertyName: string }).propertyName)}" is not a cosmic rule id (expected "cosmic/<rule>")`;
    case 'type': {
      // A list of globs under a name that is not the book's: a misspelt layer, or a custom layer written as globs only.
      const layer = /^layers\.([^.[]+)$/.exec(path)?.[1];
      if (layer !== undefined && (typeof error.data === 'string' || Array.isArray(error.data))) {
        const hint = suggest(layer, LAYERS);
        return `${path}: "${layer}" is not one of the book's layers (${LAYERS.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}; a custom layer is an object: { "globs": ${got}, "mayImport": [layers it may import] }`;
      }
      return `${path}: expected ${String((error.params as { type: string }).type)}, got ${got}`;
    }
    case 'minItems':
      return `${path}: expected at least ${String((error.params as { limit: number }).limit)} item(s)`;
    case 'minLength':
      return `${path}: expected a non-empty string`;
    default:
      return `${path}: ${error.message ?? 'is invalid'}`;
  }
}

function lowerFirst(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Drop the errors a better one already explains: branch failures under a failed `oneOf` (nested `oneOf`s too), and `pattern` under `propertyNames`. */
function keepUseful(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((error) => error.keyword === 'oneOf').map((error) => error.schemaPath));
  return errors.filter((error) => {
    if (error.keyword === 'oneOf') return ![...oneOfPaths].some((outer) => outer !== error.schemaPath && error.schemaPath.startsWith(outer.replace(/oneOf$/, 'oneOf/')));
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') return false;
    for (const schemaPath of oneOfPaths) {
      if (error.schemaPath.startsWith(schemaPath.replace(/oneOf$/, 'oneOf/'))) return false;
    }
    return true;
  });
}

/** Each glob of a `layers` entry (a custom layer's `globs` too) with its key path. */
function layerGlobsWithPaths(config: CosmicConfigInput): Array<{ path: string; glob: string }> {
  return layerEntries(config.layers).flatMap((entry) => entry.globs.map((glob, index) => ({ path: entry.listed ? `${entry.where}[${index}]` : entry.where, glob })));
}

/**
 * What the schema cannot say about custom layers: the layers they name exist (the book's, or
 * custom ones of this config), with a suggestion for a misspelt one.
 */
function customLayerProblems(config: CosmicConfigInput): string[] {
  const entries = layerEntries(config.layers);
  const known = [...LAYERS, ...entries.filter((entry) => entry.custom).map((entry) => entry.name)];
  return entries.flatMap((entry) =>
    (['mayImport', 'importedBy'] as const).flatMap((key) =>
      (entry.custom?.[key] ?? []).flatMap((name, index) => {
        if (known.includes(name) || (key === 'importedBy' && name === '*')) return [];
        const hint = suggest(name, known);
        return [
          `layers.${entry.name}.${key}[${index}]: "${name}" is no layer of this config${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${known.join(', ')}${key === 'importedBy' ? ', or "*" for every layer' : ''}`,
        ];
      }),
    ),
  );
}

/** Each glob of a `layers` or `roles` entry with its key path: `roles.handlers` for one glob, `roles.handlers[1]` in a list. */
function globsWithPaths(key: string, entries: Record<string, string | string[] | undefined> | undefined): Array<{ path: string; glob: string; name: string; all: string[] }> {
  return Object.entries(entries ?? {}).flatMap(([name, value]) => {
    if (value === undefined) return [];
    const all = Array.isArray(value) ? value : [value];
    return all.map((glob, index) => ({ path: Array.isArray(value) ? `${key}.${name}[${index}]` : `${key}.${name}`, glob, name, all }));
  });
}

/**
 * What the schema cannot say about negated globs: a `!` takes files out of the same role's globs,
 * so it needs something to take them from, and layers (which also drive dependency-cruiser's
 * ruleset) do not support it.
 */
function negationProblems(config: CosmicConfigInput): string[] {
  const problems: string[] = [];
  for (const { path, glob } of layerGlobsWithPaths(config)) {
    if (glob.startsWith('!')) {
      problems.push(`${path}: "${glob}" is a negated glob, which only "roles" supports; narrow this layer's other globs instead, or add the files to "exclude"`);
    }
  }
  const roles = globsWithPaths('roles', config.roles);
  for (const { path, glob } of roles) {
    if (glob === '!') problems.push(`${path}: "!" negates nothing; write "!" and a glob, e.g. "!src/**/error-handler.ts"`);
    else if (glob.startsWith('!!')) problems.push(`${path}: "${glob}" negates twice; a glob takes one "!" at most`);
  }
  for (const name of new Set(roles.map((entry) => entry.name))) {
    const all = roles.find((entry) => entry.name === name)!.all;
    if (all.every((glob) => glob.startsWith('!'))) {
      problems.push(
        `roles.${name}: every glob is negated, so ${name === 'none' ? 'this list' : 'the role'} would match no file: a "!" glob only takes files out of the same list's other globs. List the files ${name === 'none' ? 'that get no role' : 'the role takes'}${name === 'none' ? '' : ', or put the files that must not have it under roles.none'}`,
      );
    }
  }
  return problems;
}

/** What only a glob would hold (a folder may have brackets or parentheses: `[id]`, `(group)`). */
const GLOB_CHARACTERS = /[*?{}]/;

/** A context's folders in one form, POSIX, without `./` or a trailing slash. */
export function contextFolders(input: NonNullable<CosmicConfigInput['contexts']>[string]): string[] {
  const roots = typeof input === 'string' || Array.isArray(input) ? input : input.root;
  return (Array.isArray(roots) ? roots : [roots]).map(
    (root) =>
      root
        .replaceAll('\\', '/')
        .replace(/^(?:\.\/)+/, '')
        .replace(/\/+$/, '') || '.',
  );
}

/** What the schema cannot say about contexts: folders are folders (not globs, inside the project), no two contexts share one, and what they publish. */
function contextProblems(config: CosmicConfigInput): string[] {
  const problems: string[] = [];
  const owners: Array<{ folder: string; name: string }> = [];
  for (const [name, input] of Object.entries(config.contexts ?? {})) {
    const where = typeof input === 'string' || Array.isArray(input) ? `contexts.${name}` : `contexts.${name}.root`;
    for (const folder of contextFolders(input)) {
      if (GLOB_CHARACTERS.test(folder)) problems.push(`${where}: "${folder}" is a glob; a context's root is a folder (list several folders if the context spans them)`);
      else if (folder === '..' || folder.startsWith('../') || folder.startsWith('/') || /^[A-Za-z]:/.test(folder))
        problems.push(`${where}: "${folder}" is outside the config's folder; put the config file above every context`);
      else owners.push({ folder, name });
    }
    if (typeof input === 'object' && !Array.isArray(input) && input.publishes !== undefined) {
      const publishes = Array.isArray(input.publishes) ? input.publishes : [input.publishes];
      for (const glob of publishes) {
        const problem = glob.startsWith('!') ? `"${glob}" is a negated glob; list what the context publishes` : globComplexityProblem(glob);
        if (problem) problems.push(`contexts.${name}.publishes: ${problem}`);
      }
    }
  }
  for (const [index, one] of owners.entries()) {
    for (const other of owners.slice(index + 1)) {
      const inside = (a: string, b: string) => a === b || b === '.' || a.startsWith(`${b}/`);
      if (inside(one.folder, other.folder) || inside(other.folder, one.folder)) {
        problems.push(
          one.name === other.name
            ? `contexts.${one.name}: "${one.folder}" and "${other.folder}" overlap; list each folder once`
            : `contexts: "${one.folder}" (${one.name}) and "${other.folder}" (${other.name}) overlap; a file belongs to one context, so no context's folder may hold another's`,
        );
      }
    }
  }
  return problems;
}

/** The problems with a config value, one readable line each (key path and expectation); empty when valid. */
export function configProblems(value: unknown): string[] {
  let plain: unknown;
  try {
    plain = plainData(value, '');
  } catch (error) {
    if (error instanceof CosmicError) return [error.message.replace(/^invalid configuration: /, '')];
    throw error;
  }
  return plainProblems(plain);
}

function plainProblems(value: unknown): string[] {
  const errors = validateSchema(value);
  if (errors) {
    return [...new Set(keepUseful(errors).map(describe))];
  }
  const config = value as CosmicConfigInput;
  const unknownRules = Object.keys(config.rules ?? {})
    .filter((ruleId) => !RULE_IDS.includes(ruleId))
    .map((ruleId) => {
      const hint = suggest(ruleId, RULE_IDS);
      return `rules.${ruleId}: unknown rule${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${RULE_IDS.join(', ')}`;
    });
  return [...negationProblems(config), ...globProblems(config), ...customLayerProblems(config), ...contextProblems(config), ...unknownRules];
}

/** Validates a config value, throwing one config error that lists every problem. */
export function validateConfig(value: unknown, file: string): CosmicConfigInput {
  const plain = plainData(value, file);
  const problems = plainProblems(plain);
  if (problems.length > 0) {
    throw new CosmicError('config', `invalid configuration:\n  - ${problems.join('\n  - ')}`, file);
  }
  return plain as CosmicConfigInput;
}
