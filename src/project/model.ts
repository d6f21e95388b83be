import { lazy } from './lazy.js';
import type { MutableMember } from './members.js';
import type { Registration } from './registrations.js';
import type { Callable } from './callables.js';
import type { WriteSite } from './writes.js';
import type { ClassShape } from './classes.js';
import { classesOfSourceFile } from './classes-typescript.js';
import { writesOfSourceFile } from './writes-typescript.js';
import { callablesOfSourceFile } from './callables-typescript.js';
import { registrationsOfSourceFile } from './registrations-typescript.js';
import { mutableMembersOfSourceFile } from './members-typescript.js';
import fs from 'node:fs';
import type * as TS from 'typescript';
import type { Classification } from './classify.js';
import type { Construction, ResolvedImport } from './imports.js';
import { constructionsOfSourceFile, firstParseError, importRecordsOfSourceFile } from './imports-typescript.js';
import { resolveImports, type Project } from './project.js';
import { exceedsNesting, MAX_NESTING } from './nesting.js';
import { typescript } from './typescript.js';

export type DiagnosticKind = 'config' | 'io' | 'parse-error' | 'tsconfig' | 'no-files' | 'no-tsconfig' | 'engine';

/** Something that kept the tool from checking part of the project; never a silent pass. */
export interface Diagnostic {
  kind: DiagnosticKind;
  file: string | undefined;
  line?: number;
  message: string;
}

export interface FileModel {
  path: string;
  classification: Classification;
  imports: ResolvedImport[];
  constructions: () => readonly Construction[];
  mutableMembers: () => readonly MutableMember[];
  callables: () => readonly Callable[];
  writes: () => readonly WriteSite[];
  classes: () => readonly ClassShape[];
  /** Where it registers handlers for messages (decorators, handler maps, `register` calls), on demand: the whole-program check reads them. */
  registrations: () => readonly Registration[];
}

/** The whole project as the audit sees it: every checked file parsed once, its imports resolved. */
export interface ProjectModel {
  project: Project;
  files: Map<string, FileModel>;
  diagnostics: Diagnostic[];
}

function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** What a file gets if the parser still runs out of call stack within the nesting limit: a per-file diagnostic, never the end of the run. */
const TOO_DEEP = `nests too deeply for the parser (over ${MAX_NESTING} levels of brackets, or the call stack ran out; generated or minified code?); its imports were not checked`;

/** Parses each file with TypeScript (no type checker), builds its import records and resolves them. */
export function buildProjectModel(project: Project, files: readonly string[], onProgress?: (done: number, total: number) => void): ProjectModel {
  const ts = typescript();
  const model: ProjectModel = { project, files: new Map(), diagnostics: [] };
  for (const diagnostic of project.resolver.diagnostics) {
    model.diagnostics.push({ kind: 'tsconfig', file: diagnostic.file, message: diagnostic.message });
  }
  // Parse every file first and hand the trees to the export index, so that asking what a name is
  // where it is declared (re-exports, decorator metadata, barrels) never parses a file twice.
  const parsed: Array<{ file: string; source: TS.SourceFile }> = [];
  for (const [index, file] of files.entries()) {
    if (onProgress && index % 100 === 0) onProgress(index, files.length);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      model.diagnostics.push({ kind: 'io', file, message: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    // A byte order mark is no column: ESLint drops it too, so both count columns alike.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (exceedsNesting(ts, text, file) !== undefined) {
      model.diagnostics.push({ kind: 'parse-error', file, message: TOO_DEEP });
      continue;
    }
    let source: TS.SourceFile;
    try {
      source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(ts, file));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      model.diagnostics.push({ kind: 'parse-error', file, message: TOO_DEEP });
      continue;
    }
    const parseError = firstParseError(source);
    if (parseError) {
      model.diagnostics.push({
        kind: 'parse-error',
        file,
        line: parseError.line,
        message: `does not parse (${parseError.line}:${parseError.column}: ${parseError.message}); its imports were not checked`,
      });
      continue;
    }
    project.exports.remember(file, source);
    parsed.push({ file, source });
  }
  for (const { file, source } of parsed) {
    let records: ReturnType<typeof importRecordsOfSourceFile>;
    try {
      records = importRecordsOfSourceFile(source);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      model.diagnostics.push({ kind: 'parse-error', file, message: TOO_DEEP });
      continue;
    }
    model.files.set(file, {
      path: file,
      classification: project.classifier.classify(file),
      imports: resolveImports(project, file, records),
      constructions: lazy(() => constructionsOfSourceFile(source)),
      mutableMembers: lazy(() => mutableMembersOfSourceFile(source)),
      registrations: lazy(() => registrationsOfSourceFile(source)),
      callables: lazy(() => callablesOfSourceFile(source)),
      writes: lazy(() => writesOfSourceFile(source)),
      classes: lazy(() => classesOfSourceFile(source)),
    });
  }
  return model;
}
