import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { callablesOfProgram } from '../../src/project/callables.js';
import { callablesOfSourceFile } from '../../src/project/callables-typescript.js';
import { classesOfProgram } from '../../src/project/classes.js';
import { classesOfSourceFile } from '../../src/project/classes-typescript.js';
import { constructionsOfProgram, importRecordsOfProgram } from '../../src/project/imports.js';
import { constructionsOfSourceFile, importRecordsOfSourceFile } from '../../src/project/imports-typescript.js';
import { mutableMembersOfProgram } from '../../src/project/members.js';
import { mutableMembersOfSourceFile } from '../../src/project/members-typescript.js';
import { registrationsOfProgram } from '../../src/project/registrations.js';
import { registrationsOfSourceFile } from '../../src/project/registrations-typescript.js';
import { parseOptions, typescript } from '../../src/project/typescript.js';
import { writesOfProgram } from '../../src/project/writes.js';
import { writesOfSourceFile } from '../../src/project/writes-typescript.js';

/**
 * Every fact the rules read from a file, as the ESLint rules take them from ESTree and as the audit
 * takes them from TypeScript's tree: the two agreement tests (fixtures, generated programs) compare
 * these field by field.
 */
export interface Extractions {
  records: unknown[];
  constructions: unknown;
  members: unknown;
  registrations: unknown;
  callables: unknown;
  writes: unknown;
  classes: unknown;
}

/** The ESTree extractions, read inside a real ESLint run (scope manager included); or the fatal message when typescript-estree refuses the text. */
export function estreeExtractions(text: string, file: string): Extractions | { fatal: string } {
  let extractions: Extractions | undefined;
  const messages = new Linter().verify(
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
                    const program = node as never;
                    extractions = {
                      records: importRecordsOfProgram(program, sourceCode.text, sourceCode.visitorKeys, sourceCode.scopeManager),
                      constructions: constructionsOfProgram(program, sourceCode.visitorKeys),
                      members: mutableMembersOfProgram(program),
                      registrations: registrationsOfProgram(program, sourceCode.visitorKeys, sourceCode.text),
                      callables: callablesOfProgram(program, sourceCode.text, sourceCode.visitorKeys),
                      writes: writesOfProgram(program, sourceCode.visitorKeys),
                      classes: classesOfProgram(program, sourceCode.visitorKeys),
                    };
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
  const fatal = messages.find((message) => message.fatal)?.message;
  if (fatal !== undefined || !extractions) return { fatal: fatal ?? 'no Program visited' };
  return extractions;
}

/** The same extractions from TypeScript's tree. */
export function typescriptExtractions(text: string, file: string): Extractions {
  const ts = typescript();
  const source = ts.createSourceFile(file, text, parseOptions(ts), false, ts.ScriptKind.TS);
  return {
    records: importRecordsOfSourceFile(source),
    constructions: constructionsOfSourceFile(source),
    members: mutableMembersOfSourceFile(source),
    registrations: registrationsOfSourceFile(source),
    callables: callablesOfSourceFile(source),
    writes: writesOfSourceFile(source),
    classes: classesOfSourceFile(source),
  };
}
