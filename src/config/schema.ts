import { LAYERS, PRESET_NAMES, ROLE_KEYS } from './types.js';

/** A non-empty string, or a non-empty list of them; `description` says what they are (and is what an error expects). */
function oneOrMany<D extends string>(description: D) {
  return {
    oneOf: [
      { type: 'string', minLength: 1 },
      { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    ],
    description,
  } as const;
}

const globs = oneOrMany('One glob or a list of globs, relative to the config file.');

const severity = { enum: ['off', 'warn', 'error'] } as const;

const folders = oneOrMany('A folder or a list of folders, relative to the config file (not globs).');

/** A custom layer's name: a word, as messages, reports and generated rule names show it. */
export const LAYER_NAME = '^[a-z][a-z0-9-]*$';

/** A context's name: a word, as it appears in messages, reports and generated rule names. */
export const CONTEXT_NAME = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';

function keyedGlobs(keys: readonly string[], what: string) {
  return {
    type: 'object',
    description: what,
    properties: Object.fromEntries(keys.map((key) => [key, globs])),
    additionalProperties: false,
  } as const;
}

function packageListSchema(what: string) {
  const names = { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Package names, or globs over them (`@corp/*`).' } as const;
  return { type: 'object', additionalProperties: false, description: what, properties: { add: names, remove: names } } as const;
}

/**
 * The one source of truth for the config format: the loader validates against it and
 * `npm run schema` writes it to schema.json (a test keeps the two equal).
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/cosmic-lint/cosmic-lint/schema.json',
  title: 'cosmic-lint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    preset: {
      enum: [...PRESET_NAMES],
      description: "domain-only (ch. 1-2), part1 (ch. 1-7), recommended (the book as shipped), strict (the book's advice).",
    },
    include: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files to check (globs).' },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files never checked (globs).' },
    tsconfig: oneOrMany('tsconfig file(s) whose paths/baseUrl drive module resolution.'),
    layers: {
      type: 'object',
      description: "Which files belong to each layer. A file may match one layer only. Any name but the book's six is a custom layer: { globs, mayImport, importedBy }.",
      properties: Object.fromEntries(LAYERS.map((key) => [key, globs])),
      propertyNames: { pattern: LAYER_NAME },
      additionalProperties: {
        type: 'object',
        description: 'A custom layer: { globs, mayImport, importedBy }.',
        additionalProperties: false,
        required: ['globs'],
        properties: {
          globs,
          mayImport: { type: 'array', items: { type: 'string', minLength: 1 }, description: "Layers (the book's or custom) its files may import; its own files always." },
          importedBy: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Layers that may import it; "*" for every layer.' },
        },
      },
    },
    roles: keyedGlobs(
      ROLE_KEYS,
      'Finer roles inside layers. A role listed here is taken from its globs only (its naming convention is off); a glob starting with "!" takes files out of that role\'s globs; "none" lists files that get no role at all. Roles not listed come from conventional names.',
    ),
    contexts: {
      type: 'object',
      description:
        'Bounded contexts by name: each a folder (or a list of folders) relative to the config file, or { root, publishes, sharedKernel }. A file of one context imports from another only what that one publishes (cosmic/context-boundaries). Without this key, contexts are detected with the layers.',
      propertyNames: { pattern: CONTEXT_NAME },
      additionalProperties: {
        description: 'A folder, a list of folders, or an object with root (required), publishes and sharedKernel.',
        oneOf: [
          folders,
          {
            type: 'object',
            additionalProperties: false,
            required: ['root'],
            properties: {
              root: folders,
              publishes: {
                ...globs,
                description:
                  "The context's published language, globs relative to each of its folders (`events/**`, `index.ts`). Without it: its commands and events (files with role commands or events).",
              },
              sharedKernel: { type: 'boolean', description: 'A shared kernel: every context may import it, and it imports no context.' },
            },
          },
        ],
      },
    },
    infrastructure: packageListSchema('Packages the domain must not import, on top of the shipped list (which includes every persistence package).'),
    http: packageListSchema(
      'What the service layer must not know of HTTP (cosmic/service-layer-knows-no-http), on top of the shipped list: a package name or glob (`express`, `@fastify/*`), or `package#Export` for some of its exports (`@nestjs/common#*Exception`).',
    ),
    persistence: packageListSchema('Packages that reach storage (ORMs, database and cache clients), which handlers reach through the unit of work only; what is added here is infrastructure too.'),
    typeImports: { enum: ['per-preset', 'allowed', 'forbidden'] },
    unclassified: severity,
    rules: {
      type: 'object',
      propertyNames: { pattern: '^cosmic/[a-z-]+$' },
      additionalProperties: {
        oneOf: [severity, { type: 'array', minItems: 1, items: [severity] }],
      },
    },
  },
} as const;
