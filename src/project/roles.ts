import type { Role } from '../config/types.js';

/** `unit-of-work`, `unitOfWork`, `unit_of_work` and `UnitOfWork` all become `unitofwork`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Conventional names TypeScript ports of the book use, checked file name first, then folders inward-out. */
const CONVENTIONS: ReadonlyArray<{ role: Role; exact: string[]; suffix?: string[] }> = [
  { role: 'unit-of-work', exact: ['unitofwork', 'uow'], suffix: ['unitofwork', 'uow'] },
  { role: 'message-bus', exact: ['messagebus', 'bus'], suffix: ['messagebus'] },
  // `services.ts` holds the handlers in the book's chapters 4-7 (service functions).
  { role: 'handlers', exact: ['handlers', 'handler', 'services'], suffix: ['handler', 'handlers'] },
  { role: 'views', exact: ['views', 'view'], suffix: ['views'] },
  { role: 'repository', exact: ['repository', 'repositories'], suffix: ['repository', 'repositories'] },
  { role: 'orm', exact: ['orm'], suffix: ['orm'] },
  { role: 'commands', exact: ['commands', 'command'], suffix: ['commands', 'command'] },
  { role: 'events', exact: ['events', 'event'], suffix: ['events', 'event'] },
  { role: 'exceptions', exact: ['exceptions', 'errors'] },
  { role: 'model', exact: ['model', 'models'] },
  { role: 'notifications', exact: ['notifications', 'notification'], suffix: ['notifications'] },
  { role: 'event-publisher', exact: ['eventpublisher', 'publisher'], suffix: ['publisher'] },
];

function roleOfName(name: string): Role | undefined {
  const normalised = normalise(name);
  for (const convention of CONVENTIONS) {
    if (convention.exact.includes(normalised)) return convention.role;
  }
  for (const convention of CONVENTIONS) {
    if (convention.suffix?.some((suffix) => normalised.endsWith(suffix))) return convention.role;
  }
  return undefined;
}

/**
 * The role a file's conventional name gives it, and why: its own name (`handlers.ts`,
 * `allocate-handler.ts`), or for an `index` or unrecognised name, the nearest folder (`handlers/`).
 */
export function conventionalRole(relativePath: string): { role: Role; reason: string } | undefined {
  const segments = relativePath.split('/');
  const base = segments.pop()!.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  if (base !== 'index') {
    const role = roleOfName(base);
    if (role) return { role, reason: `file name "${base}" (convention)` };
  }
  for (let index = segments.length - 1; index >= 0; index--) {
    const folder = segments[index]!;
    const role = roleOfName(folder);
    if (role) return { role, reason: `folder "${folder}/" (convention)` };
  }
  return undefined;
}
