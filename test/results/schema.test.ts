import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { pgViolation, REPO_ROOT } from '../helpers.js';
import { ROLES } from '../../src/config/types.js';

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as { definitions: { relativePath: { pattern: string } } };
const validate = new Ajv({ allErrors: true }).compile(schema);

const violation = (file: string, message: string) => pgViolation(file, message, '0123456789abcdef0123');
const result = (file: string, message = 'The domain imports pg. Why: persistence ignorance. Fix: move it.') => ({
  schemaVersion: 1,
  tool: { name: 'cosmic-lint', version: '0.1.0' },
  summary: { files: 1, errors: 1, warnings: 0, baselined: 0 },
  violations: [violation(file, message)],
  diagnostics: [],
  layers: ['domain'],
  layerEdges: [],
});

it('accepts every POSIX name the JSON report keeps exactly (found by the fuzz suite): a backslash, a colon, a line break in a message', () => {
  for (const file of ['src/domain/back\\slash.ts', 'src/a:b/model.ts', 'src/domain/new\nline.ts'])
    expect(validate(result(file)), `${JSON.stringify(file)}: ${JSON.stringify(validate.errors)}`).toBe(true);
  expect(validate(result('src/domain/model.ts', 'src/domain/new\nline.ts reaches pg. Why: the domain\nline. Fix: cut it.')), JSON.stringify(validate.errors)).toBe(true);
});

it('still rejects absolute paths, POSIX or Windows', () => {
  for (const file of ['/etc/passwd', 'C:/Users/x.ts', 'c:\\Users\\x.ts']) expect(validate(result(file)), file).toBe(false);
});

it('names every layer and role the config can give, and only those', () => {
  const definitions = (schema as unknown as { definitions: Record<string, { enum: unknown[] }> }).definitions;
  expect(definitions['role']!.enum).toEqual([...ROLES, null]);
});
