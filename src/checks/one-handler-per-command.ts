import path from 'node:path';
import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Registration } from '../project/registrations.js';
import type { Project } from '../project/project.js';
import { importOf } from './bindings.js';
import type { Finding } from './finding.js';

export const ONE_HANDLER_PER_COMMAND = 'cosmic/one-handler-per-command';

const REASON = 'a command is one intent with one outcome, so exactly one handler carries it out and the sender learns whether it succeeded; an event is the message many handlers may take (ch. 10)';

export const oneHandlerPerCommandMessages = {
  secondHandler: `{{message}} is a command that already has a handler ({{first}}); {{handler}} here registers another{{more}}. Why: ${REASON}. Fix: keep one registration and remove this one; if several things must happen, let the command's handler record an event and register the others for that event (NestJS CQRS: an @EventsHandler).`,
} as const;

export interface RegistrationFile {
  path: string;
  classification: Classification;
  imports: readonly ResolvedImport[];
  registrations: () => readonly Registration[];
}

export interface RegistrationFinding extends Finding {
  file: string;
}

interface Resolved {
  /** The message's declaration: its defining file (or package) and exported name. */
  key: string;
  /** The role of the file that declares it, when it is a project file. */
  role: Classification['role'];
}

/** The declaration a registration names: through the import that binds it (and barrels), or the file itself. */
function resolveMessage(project: Project, file: RegistrationFile, message: Registration['message']): Resolved {
  const binding = importOf(file.imports, message);
  if (binding?.exported !== undefined) {
    const { imported, exported, throughNamespace } = binding;
    // A member of a named import (`Commands.Allocate`) is named with it; its module is the import's.
    const name = !throughNamespace && message.member ? `${exported}.${message.member}` : exported;
    const { target } = imported;
    if (target.type === 'file') {
      const defining = name.includes('.') ? target.path : project.exports.definingFile(target.path, name);
      return { key: `${defining}#${name}`, role: project.classifier.classify(defining).role };
    }
    return { key: `${target.type === 'package' ? target.name : `unresolved:${imported.specifier}`}#${name}`, role: undefined };
  }
  const name = message.member ? `${message.name}.${message.member}` : message.name;
  return { key: `${file.path}#${name}`, role: file.classification.role };
}

/** Whether a registration is one for a command: the decorator says so, or the message is declared in a commands module or is named like one. */
function isCommand(registration: Registration, resolved: Resolved): boolean {
  if (registration.decorator) return registration.decorator === 'CommandHandler';
  return resolved.role === 'commands' || /Command$/.test(registration.message.member ?? registration.message.name);
}

/**
 * `cosmic/one-handler-per-command` (whole program): every command is registered with one handler.
 * Registrations are NestJS CQRS decorators, handler maps and `register` calls, in every checked
 * file; a command's registrations are grouped by the declaration they name, and every one after the
 * first (by file, then line) is reported where it is, naming the first.
 */
export function checkOneHandlerPerCommand(project: Project, files: Iterable<RegistrationFile>): RegistrationFinding[] {
  const byCommand = new Map<string, Array<{ file: RegistrationFile; registration: Registration }>>();
  for (const file of files) {
    for (const registration of file.registrations()) {
      const resolved = resolveMessage(project, file, registration.message);
      if (!isCommand(registration, resolved)) continue;
      const list = byCommand.get(resolved.key) ?? [];
      list.push({ file, registration });
      byCommand.set(resolved.key, list);
    }
  }
  const findings: RegistrationFinding[] = [];
  const where = (entry: { file: RegistrationFile; registration: Registration }) =>
    `${entry.registration.handler ?? 'a handler'} at ${path.relative(project.config.root, entry.file.path).split(path.sep).join('/')}:${entry.registration.range.line}`;
  for (const registrations of byCommand.values()) {
    if (registrations.length < 2) continue;
    registrations.sort(
      (a, b) =>
        (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0) || a.registration.range.line - b.registration.range.line || a.registration.range.column - b.registration.range.column,
    );
    const [first, ...rest] = registrations;
    for (const [index, entry] of rest.entries()) {
      const others = rest.filter((_, other) => other !== index);
      const { message } = entry.registration;
      findings.push({
        ruleId: ONE_HANDLER_PER_COMMAND,
        messageId: 'secondHandler',
        file: entry.file.path,
        import: undefined,
        range: entry.registration.range,
        data: {
          message: message.member ? `${message.name}.${message.member}` : message.name,
          first: where(first!),
          handler: entry.registration.handler ?? 'the handler',
          more: others.length > 0 ? ` (and ${others.map(where).join(', ')} register more)` : '',
        },
      });
    }
  }
  return findings;
}
