import type { Layer, Role } from '../config/types.js';

/**
 * A name's words, lower case: `AllocateHandler`, `allocate-handler`, `allocate.handler` and
 * `allocate_handler` are all `allocate handler`; `IUserRepository` is `i user repository`.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/**
 * The layers where the book puts each role. A name gives a role by convention only there: a
 * `services/` folder in the adapters is an adapter, not the book's service functions. Commands,
 * events and exceptions are the domain's (`domain/commands.py`); in a service layer a `commands/`
 * folder usually holds command handlers, which their own names say.
 */
const HOME: Readonly<Record<Role, readonly Layer[]>> = {
  model: ['domain'],
  aggregates: ['domain'],
  'value-objects': ['domain'],
  commands: ['domain'],
  events: ['domain'],
  exceptions: ['domain'],
  handlers: ['service-layer'],
  'unit-of-work': ['service-layer'],
  'message-bus': ['service-layer'],
  views: ['service-layer'],
  repository: ['adapters'],
  orm: ['adapters'],
  notifications: ['adapters'],
  'event-publisher': ['adapters'],
};

/** How a sentence names a role's files: "where the book puts no repositories". */
const ROLE_NOUN: Readonly<Record<Role, string>> = {
  model: 'model',
  aggregates: 'aggregates',
  'value-objects': 'value objects',
  commands: 'commands',
  events: 'events',
  exceptions: 'exceptions',
  handlers: 'handlers',
  'unit-of-work': 'unit of work',
  'message-bus': 'message bus',
  views: 'views',
  repository: 'repositories',
  orm: 'ORM mapping',
  notifications: 'notifications',
  'event-publisher': 'event publisher',
};

/**
 * The words that give a role when a name ends with them (its head noun: an `allocate handler` is a
 * handler, a `handler registry` is not), spelled as the joined words so that `unit-of-work`,
 * `unitOfWork` and `uow` all match. `whole` words give the role only as the entire name: the book's
 * `services.py` holds its handlers, but `user-services` is no convention.
 */
const CONVENTIONS: ReadonlyArray<{ role: Role; last: readonly string[]; whole?: readonly string[] }> = [
  { role: 'unit-of-work', last: ['unitofwork', 'uow'] },
  { role: 'message-bus', last: ['messagebus'], whole: ['bus'] },
  { role: 'handlers', last: ['handler', 'handlers'], whole: ['services'] },
  // A query handler is the CQRS read side: the book's views (ch. 12), not a handler that changes state.
  { role: 'views', last: ['views', 'queryhandler', 'queryhandlers'], whole: ['view'] },
  { role: 'repository', last: ['repository', 'repositories', 'repo', 'repos'] },
  { role: 'orm', last: ['orm'] },
  { role: 'commands', last: ['commands', 'command'] },
  { role: 'events', last: ['events', 'event'] },
  { role: 'exceptions', last: ['exceptions', 'exception', 'errors', 'error'] },
  { role: 'model', last: ['model', 'models'] },
  // `money.value-object.ts`, `value-objects/`, `Email.vo.ts`: values compared by their fields, with no identity.
  { role: 'value-objects', last: ['valueobject', 'valueobjects', 'vo'] },
  { role: 'notifications', last: ['notifications', 'notification'] },
  { role: 'event-publisher', last: ['eventpublisher', 'publisher'] },
];

/**
 * Handlers that are framework plumbing, not the book's message handlers: `errorHandler`,
 * `request-handler`, `http.handler`. An `event handler` or a `command handler` is the book's.
 */
const NOT_MESSAGE_HANDLERS = ['error', 'errors', 'exception', 'exceptions', 'request', 'response', 'http', 'route', 'middleware', 'lambda', 'webhook', 'signal'];

/** How a sentence names a layer: "in the service layer", "in the adapters". */
const LAYER_PHRASE: Readonly<Record<Layer, string>> = {
  domain: 'the domain',
  'service-layer': 'the service layer',
  adapters: 'the adapters',
  entrypoints: 'the entrypoints',
  bootstrap: 'bootstrap',
  shared: 'shared',
};

type Label = { role: Role; words: string } | { role: undefined; words: string };

const BY_LAST = new Map<string, Role | undefined>([
  ...CONVENTIONS.flatMap(({ role, last }) => last.map((word) => [word, role] as const)),
  ...NOT_MESSAGE_HANDLERS.flatMap(
    (word) =>
      [
        [`${word}handler`, undefined],
        [`${word}handlers`, undefined],
      ] as const,
  ),
]);
const BY_WHOLE = new Map<string, Role>(CONVENTIONS.flatMap(({ role, whole }) => (whole ?? []).map((word) => [word, role] as const)));

/** The role a name's last words (or the whole name) give, or a plumbing handler (`role: undefined`); the longest ending wins. */
function labelOf(name: string): Label | undefined {
  const words = nameWords(name);
  for (let count = words.length; count >= 1; count--) {
    const ending = words.slice(-count);
    const joined = ending.join('');
    if (count === words.length && BY_WHOLE.has(joined)) return { role: BY_WHOLE.get(joined)!, words: ending.join(' ') };
    if (BY_LAST.has(joined)) return { role: BY_LAST.get(joined), words: ending.join(' ') };
  }
  return undefined;
}

export interface ConventionalRole {
  role: Role | undefined;
  /** Why the file has the role: the name, the word matched, and the layer the convention holds in. */
  reason: string | undefined;
  /** Whether the file's own name gave the role, or a folder it sits in. */
  from?: 'file-name' | 'folder' | undefined;
  /** Conventions a name suggested but that were not applied, and why. */
  notes: string[];
}

const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * The role a file's conventional name gives it: its own name (`handlers.ts`, `allocate-handler.ts`,
 * `AllocateHandler.ts`), or for an `index` or unrecognised name, the nearest folder (`handlers/`).
 * The name must end with the role's word, and the file must be in a layer where the book puts the
 * role. The file's own name is decisive: when it names a role that cannot apply here, the file has
 * no role. A folder whose name cannot apply is taken for a grouping (`handlers/notifications/`)
 * and the search goes on outward. A role in `configured` comes from its globs only: a name that
 * suggests it gives no role.
 */
export function conventionalRole(relativePath: string, layer: Layer | undefined, configured: ReadonlySet<Role> = new Set()): ConventionalRole {
  const segments = relativePath.split('/');
  const fileName = segments.pop()!;
  const notes: string[] = [];
  const none = (): ConventionalRole => ({ role: undefined, reason: undefined, notes });
  if (DECLARATION.test(fileName)) {
    notes.push('a declaration file (.d.ts) gets no role by convention: it declares types, the code is elsewhere');
    return none();
  }
  const base = fileName.replace(/\.[cm]?[jt]sx?$/, '');
  const names = [
    ...(base === 'index' ? [] : [{ subject: `file name "${base}"`, decisive: true, name: base }]),
    ...segments.map((folder) => ({ subject: `folder "${folder}/"`, decisive: false, name: folder })).reverse(),
  ];
  for (const { subject, decisive, name } of names) {
    const label = labelOf(name);
    if (!label) continue;
    if (label.role === undefined) {
      notes.push(`${subject} ends in "${label.words}": a framework's ${label.words}, not the book's message handler, so no handlers role`);
    } else if (configured.has(label.role)) {
      notes.push(`${subject} suggests ${label.role}, but roles.${label.role} is configured, so conventions are off for it: only its globs give that role`);
      return none();
    } else if (!layer) {
      notes.push(`${subject} suggests ${label.role}, but the file is in no layer, and conventions give roles only inside layers`);
      return none();
    } else if (!HOME[label.role].includes(layer)) {
      const home = HOME[label.role].map((where) => LAYER_PHRASE[where]).join(' or ');
      notes.push(`${subject} suggests ${label.role}, but the file is in ${LAYER_PHRASE[layer]}, where the book puts no ${ROLE_NOUN[label.role]} (by convention only in ${home})`);
    } else {
      // Two conventions: the nearest name wins; say which other one lost, so a surprise can be traced.
      for (const outer of names.slice(names.findIndex((candidate) => candidate.name === name && candidate.subject === subject) + 1)) {
        const other = labelOf(outer.name);
        if (other?.role && other.role !== label.role && HOME[other.role].includes(layer)) notes.push(`${outer.subject} suggests ${other.role}, but ${subject} is nearer and decides`);
      }
      return { role: label.role, reason: `${subject}: the word "${label.words}" (${label.role} by convention in ${LAYER_PHRASE[layer]})`, from: decisive ? 'file-name' : 'folder', notes };
    }
    if (decisive) return none();
  }
  return none();
}
