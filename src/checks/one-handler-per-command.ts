import { relativePosix } from '../config/paths.js';
import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Registration } from '../project/registrations.js';
import type { ClassShape } from '../project/classes.js';
import type { Project } from '../project/project.js';
import { importOf } from './bindings.js';
import type { Finding } from './finding.js';

export const ONE_HANDLER_PER_COMMAND = 'cosmic/one-handler-per-command';

const REASON = 'a command is one intent with one outcome, so exactly one handler carries it out and the sender learns whether it succeeded; an event is the message many handlers may take (ch. 10)';

export const oneHandlerPerCommandMessages = {
  secondHandler: `{{message}} is a command that already has a handler ({{first}}); {{handler}} here registers another{{more}}. Why: ${REASON}. Fix: keep one registration and remove this one; if several things must happen, let the command's handler record an event and register the others for that event (NestJS CQRS: an @EventsHandler).`,
  notChecked: `Not checked: this registers a handler through {{what}}, so which message it registers cannot be read without running the code, and one-handler-per-command cannot tell whether a command gets a second handler here. Why: ${REASON}. Fix: name each message by its class where it is registered (\`new Map([[Allocate, allocate]])\`, \`bus.register(Allocate, allocate)\`, \`{ [Allocate.name]: allocate }\`, \`@CommandHandler(Allocate)\`), or accept this warning if the registrations are checked by a test.`,
  noHandler: `{{message}} is a command, declared in a commands module, and no handler is registered for it anywhere in the program (the project registers handlers for {{count}} command(s) by name). Why: ${REASON}; a command nothing handles is sent into the void, or is dead code. Fix: register its handler where the others are ({{where}}), or delete the command if nothing sends it.`,
} as const;

export interface RegistrationFile {
  path: string;
  classification: Classification;
  imports: readonly ResolvedImport[];
  registrations: () => readonly Registration[];
  /** Its top-level classes: read only in commands modules, for the commands with no handler. */
  classes: () => readonly ClassShape[];
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
function resolveMessage(project: Project, file: RegistrationFile, message: NonNullable<Registration['message']>): Resolved {
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
function isCommand(registration: Registration & { message: object }, resolved: Resolved): boolean {
  if (registration.decorator) return registration.decorator === 'CommandHandler';
  return resolved.role === 'commands' || /Command$/.test(registration.message.member ?? registration.message.name);
}

/**
 * Whether a registration that cannot be read is said to be not checked: a handler decorator's
 * anywhere; another, in a file that registers handlers (the message bus, or a file that registers
 * a command or decorates a handler by name); in the composition root, a `register` call or a
 * handler object's key only, since a composition root builds other maps too (settings, tokens).
 */
function reportable(registration: Registration, file: RegistrationFile, readable: readonly Registration[], commands: number): boolean {
  if (registration.via === 'decorator') return true;
  if (file.classification.role === 'message-bus' || commands > 0 || readable.some((other) => other.decorator)) return true;
  return file.classification.layer === 'bootstrap' && registration.via !== 'map';
}

/**
 * `cosmic/one-handler-per-command` (whole program): every command is registered with one handler.
 * Registrations are NestJS CQRS decorators, handler maps and objects and `register` calls, in every
 * checked file; a command's registrations are grouped by the declaration they name, and every one
 * after the first (by file, then line) is reported where it is, naming the first. Then, as
 * warnings: each registration that cannot be read, and each command nothing registers.
 * `withinFile` (ESLint, one file): the second registrations only.
 */
export function checkOneHandlerPerCommand(project: Project, files: Iterable<RegistrationFile>, options: { withinFile?: boolean } = {}): RegistrationFinding[] {
  const byCommand = new Map<string, Array<{ file: RegistrationFile; registration: Registration & { message: object } }>>();
  /** Every declaration some registration names, of any message kind. */
  const registered = new Set<string>();
  const commandFiles: RegistrationFile[] = [];
  const notChecked: RegistrationFinding[] = [];
  for (const file of files) {
    if (file.classification.role === 'commands') commandFiles.push(file);
    const registrations = file.registrations();
    if (registrations.length === 0) continue;
    const readable = registrations.filter((registration): registration is Registration & { message: object } => registration.message !== undefined);
    let commands = 0;
    for (const registration of readable) {
      const resolved = resolveMessage(project, file, registration.message);
      registered.add(resolved.key);
      if (!isCommand(registration, resolved)) continue;
      commands++;
      const list = byCommand.get(resolved.key) ?? [];
      list.push({ file, registration });
      byCommand.set(resolved.key, list);
    }
    // What cannot be read is said once where it is, in the files that register handlers (a `register` call elsewhere is some other API's).
    const unreadable = registrations.filter((registration) => registration.message === undefined && reportable(registration, file, readable, commands));
    for (const registration of unreadable)
      notChecked.push({
        ruleId: ONE_HANDLER_PER_COMMAND,
        messageId: 'notChecked',
        file: file.path,
        import: undefined,
        range: registration.range,
        data: { what: registration.unreadable! },
        warning: true,
      });
  }
  const findings: RegistrationFinding[] = [];
  const where = (entry: { file: RegistrationFile; registration: Registration }) =>
    `${entry.registration.handler ?? 'a handler'} at ${relativePosix(project.config.root, entry.file.path)}:${entry.registration.range.line}`;
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
  // One file (ESLint) shows its own second registrations; what it cannot read, and the commands nobody registers, are the whole program's to say.
  if (options.withinFile) return findings;
  findings.push(...notChecked, ...commandsWithoutHandler(project, commandFiles, registered, byCommand, notChecked.length > 0));
  return findings;
}

/**
 * The commands no registration names, when the project registers commands by name and every
 * registration could be read (one that could not may be the missing one's). A command is a
 * top-level class of a commands module that no other class there extends (a base `Command` is none).
 */
function commandsWithoutHandler(
  project: Project,
  commandFiles: readonly RegistrationFile[],
  registered: ReadonlySet<string>,
  byCommand: ReadonlyMap<string, ReadonlyArray<{ file: RegistrationFile; registration: Registration }>>,
  unreadable: boolean,
): RegistrationFinding[] {
  if (byCommand.size === 0 || unreadable) return [];
  const classes = commandFiles.map((file) => ({ file, classes: file.classes() }));
  const bases = new Set(classes.flatMap((entry) => entry.classes.flatMap((shape) => (shape.extends ? [shape.extends] : []))));
  const places = [...new Set([...byCommand.values()].flatMap((entries) => entries.map((entry) => relativePosix(project.config.root, entry.file.path))))].sort();
  const where = places.length > 2 ? `${places.slice(0, 2).join(', ')} and ${places.length - 2} more` : places.join(', ');
  return classes.flatMap(({ file, classes: shapes }) =>
    shapes
      .filter((shape) => !bases.has(shape.name) && !registered.has(`${file.path}#${shape.name}`))
      .map((shape) => ({
        ruleId: ONE_HANDLER_PER_COMMAND,
        messageId: 'noHandler',
        file: file.path,
        import: undefined,
        range: shape.range,
        data: { message: shape.name, count: String(byCommand.size), where },
        warning: true as const,
      })),
  );
}
