import { Ajv, type ErrorObject } from 'ajv';
import { CONFIG_SCHEMA } from './schema.js';
import { CosmicError } from './errors.js';
import type { CosmicConfigInput } from './types.js';
import { RULE_IDS } from './presets.js';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const validateSchema = ajv.compile(CONFIG_SCHEMA);

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

function describe(error: ErrorObject): string {
  const path = keyPath(error.instancePath);
  const got = JSON.stringify(error.data);
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
      return `${path}: expected ${(error.parentSchema as { description?: string }).description?.replace(/\.$/, '').toLowerCase() ?? 'one of the allowed forms'}, got ${got}`;
    case 'propertyNames':
      return `${path}: "${String((error.params as { propertyName: string }).propertyName)}" is not a cosmic rule id (expected "cosmic/<rule>")`;
    case 'type':
      return `${path}: expected ${String((error.params as { type: string }).type)}, got ${got}`;
    case 'minItems':
      return `${path}: expected at least ${String((error.params as { limit: number }).limit)} item(s)`;
    case 'minLength':
      return `${path}: expected a non-empty string`;
    default:
      return `${path}: ${error.message ?? 'is invalid'}`;
  }
}

/** Drop the errors a better one already explains: branch failures under a failed `oneOf`, and `pattern` under `propertyNames`. */
function keepUseful(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((error) => error.keyword === 'oneOf').map((error) => error.schemaPath));
  return errors.filter((error) => {
    if (error.keyword === 'oneOf') return true;
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') return false;
    for (const schemaPath of oneOfPaths) {
      if (error.schemaPath.startsWith(schemaPath.replace(/oneOf$/, 'oneOf/'))) return false;
    }
    return true;
  });
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
  for (const { path, glob } of globsWithPaths('layers', config.layers)) {
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

/** The problems with a config value, one readable line each (key path and expectation); empty when valid. */
export function configProblems(value: unknown): string[] {
  if (!validateSchema(value)) {
    return [...new Set(keepUseful(validateSchema.errors ?? []).map(describe))];
  }
  const config = value as CosmicConfigInput;
  const unknownRules = Object.keys(config.rules ?? {})
    .filter((ruleId) => !RULE_IDS.includes(ruleId))
    .map((ruleId) => {
      const hint = suggest(ruleId, RULE_IDS);
      return `rules.${ruleId}: unknown rule${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${RULE_IDS.join(', ')}`;
    });
  return [...negationProblems(config), ...unknownRules];
}

/** Validates a config value, throwing one config error that lists every problem. */
export function validateConfig(value: unknown, file: string): CosmicConfigInput {
  const problems = configProblems(value);
  if (problems.length > 0) {
    throw new CosmicError('config', `invalid configuration:\n  - ${problems.join('\n  - ')}`, file);
  }
  return value as CosmicConfigInput;
}
