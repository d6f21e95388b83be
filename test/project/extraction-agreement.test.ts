import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { expect, it } from 'vitest';
import { importRecordsOfProgram, constructionsOfProgram } from '../../src/project/imports.js';
import { mutableMembersOfProgram } from '../../src/project/members.js';
import { registrationsOfProgram } from '../../src/project/registrations.js';
import { callablesOfProgram } from '../../src/project/callables.js';
import { writesOfProgram } from '../../src/project/writes.js';
import { classesOfProgram } from '../../src/project/classes.js';
import { classesOfSourceFile } from '../../src/project/classes-typescript.js';
import { writesOfSourceFile } from '../../src/project/writes-typescript.js';
import { callablesOfSourceFile } from '../../src/project/callables-typescript.js';
import { registrationsOfSourceFile } from '../../src/project/registrations-typescript.js';
import { mutableMembersOfSourceFile } from '../../src/project/members-typescript.js';
import { constructionsOfSourceFile, importRecordsOfSourceFile } from '../../src/project/imports-typescript.js';
import { typescript } from '../../src/project/typescript.js';
import { REPO_ROOT } from '../helpers.js';

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

// The editor (ESTree from ESLint) and the audit (TypeScript's tree) must see the same imports,
// or the two engines would disagree: every fixture file, every field.
it('ESTree and TypeScript extraction give the same import records, constructions, mutable members, handler registrations, callables, writes and classes on every fixture file', () => {
  const ts = typescript();
  const files = sourceFiles(path.join(REPO_ROOT, 'fixtures')).filter((file) => !file.includes('syntax-error'));
  expect(files.length).toBeGreaterThan(80);
  let records = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const linter = new Linter();
    let fromEstree: unknown;
    let estreeConstructions: unknown;
    let estreeMembers: unknown;
    let estreeRegistrations: unknown;
    let estreeCallables: unknown;
    let estreeWrites: unknown;
    let estreeClasses: unknown;
    linter.verify(
      text,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: {
            probe: {
              rules: {
                read: {
                  create: (context) => ({
                    Program(node) {
                      const sourceCode = context.sourceCode as unknown as { text: string; visitorKeys: Record<string, string[]>; scopeManager: never };
                      fromEstree = importRecordsOfProgram(node as never, sourceCode.text, sourceCode.visitorKeys, sourceCode.scopeManager);
                      estreeConstructions = constructionsOfProgram(node as never, sourceCode.visitorKeys);
                      estreeMembers = mutableMembersOfProgram(node as never);
                      estreeRegistrations = registrationsOfProgram(node as never, sourceCode.visitorKeys);
                      estreeCallables = callablesOfProgram(node as never, sourceCode.text, sourceCode.visitorKeys);
                      estreeWrites = writesOfProgram(node as never, sourceCode.visitorKeys);
                      estreeClasses = classesOfProgram(node as never, sourceCode.visitorKeys);
                    },
                  }),
                },
              },
            },
          },
          rules: { 'probe/read': 'error' },
        },
      ],
      file,
    );
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const fromTypescript = importRecordsOfSourceFile(source);
    expect(fromTypescript, file).toEqual(fromEstree);
    expect(constructionsOfSourceFile(source), file).toEqual(estreeConstructions);
    expect(mutableMembersOfSourceFile(source), file).toEqual(estreeMembers);
    expect(registrationsOfSourceFile(source), file).toEqual(estreeRegistrations);
    expect(callablesOfSourceFile(source), file).toEqual(estreeCallables);
    expect(writesOfSourceFile(source), file).toEqual(estreeWrites);
    expect(classesOfSourceFile(source), file).toEqual(estreeClasses);
    records += fromTypescript.length;
  }
  expect(records).toBeGreaterThan(150);
});
