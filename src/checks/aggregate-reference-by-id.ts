import type { ClassShape, TypeReference } from '../project/classes.js';
import type { ClassHeritage } from '../project/exports.js';
import type { Project } from '../project/project.js';
import { importOf } from './bindings.js';
import type { FileFacts, Finding } from './finding.js';

export const AGGREGATE_REFERENCE_BY_ID = 'cosmic/aggregate-reference-by-id';

const REASON =
  'an aggregate is a consistency boundary, loaded and saved whole through its own repository; holding another aggregate as an object loads it with this one, lets this one change it outside its own transaction and version, and makes the two one big lock (ch. 7)';

export const aggregateReferenceByIdMessages = {
  holdsAggregate: `{{owner}}.{{field}} holds the aggregate {{target}} ({{how}}) as an object. Why: ${REASON}. Fix: hold its id instead (\`{{idName}}: string\`) and load {{target}} through its repository in the handler that needs both.`,
} as const;

/** What makes a class an aggregate: a base class named like the framework's root, or a decorator of that name. */
const ROOT = /AggregateRoot$/;

function heritageSays(heritage: Pick<ClassHeritage, 'extends' | 'decorators'> | undefined): boolean {
  return heritage !== undefined && (ROOT.test(heritage.extends ?? '') || heritage.decorators.some((decorator) => ROOT.test(decorator)));
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/(?:aggregateroot|aggregate|root|entity)$/, '');

/**
 * In an `aggregates` module, the aggregate is the class named like the module (`product.ts` →
 * `Product`, `order.aggregate.ts` → `Order`): the book's model module also holds the root's
 * entities and value objects (`Batch`, `OrderLine`), which are no aggregates of their own.
 */
function namedForModule(file: string, className: string): boolean {
  const base = (file.split('/').pop() ?? file).replace(/\.[cm]?[jt]sx?$/, '');
  return normalise(base) === normalise(className) && normalise(className) !== '';
}

/** Whether a class of this file is an aggregate: by its heritage, or as the class its aggregates module is named for. */
function ownAggregate(facts: FileFacts, shape: ClassShape): boolean {
  return heritageSays(shape) || (facts.classification.role === 'aggregates' && namedForModule(facts.classification.file, shape.name));
}

/** Whether a type a field names is an aggregate, and why: its module's role, or its class's heritage, followed through imports and barrels. */
function aggregateTarget(project: Project, facts: FileFacts, shapes: readonly ClassShape[], reference: TypeReference): string | undefined {
  const binding = importOf(facts.imports, reference);
  if (binding) {
    const { imported, exported: name } = binding;
    if (imported.target.type !== 'file' || name === undefined) return undefined;
    const defining = project.exports.definingFile(imported.target.path, name);
    const classification = project.classifier.classify(defining);
    if (classification.role === 'aggregates' && namedForModule(classification.file, name)) return `the aggregate of its module, ${classification.file}`;
    const heritage = project.exports.classOf(imported.target.path, name);
    return heritageSays(heritage)
      ? `it ${heritage!.extends && ROOT.test(heritage!.extends) ? `extends ${heritage!.extends}` : 'is decorated as an aggregate root'}, in ${classification.file}`
      : undefined;
  }
  if (reference.member !== undefined) return undefined;
  const local = shapes.find((shape) => shape.name === reference.name);
  if (!local) return undefined;
  if (local.name !== reference.name) return undefined;
  return heritageSays(local) ? `it ${local.extends && ROOT.test(local.extends) ? `extends ${local.extends}` : 'is decorated as an aggregate root'}` : undefined;
}

/** `cosmic/aggregate-reference-by-id`: an aggregate's fields hold other aggregates by id, never as objects (arrays, maps and unions of them included). */
export function checkAggregateReferenceById(project: Project, facts: FileFacts): Finding[] {
  const shapes = facts.classes();
  const findings: Finding[] = [];
  for (const shape of shapes) {
    if (!ownAggregate(facts, shape)) continue;
    for (const field of shape.fields) {
      for (const reference of field.types) {
        const how = aggregateTarget(project, facts, shapes, reference);
        if (!how) continue;
        const target = reference.member ?? reference.name;
        findings.push({
          ruleId: AGGREGATE_REFERENCE_BY_ID,
          messageId: 'holdsAggregate',
          import: undefined,
          range: field.range,
          data: { owner: shape.name, field: field.name, target, how, idName: `${target.charAt(0).toLowerCase()}${target.slice(1)}Id` },
        });
        break;
      }
    }
  }
  return findings;
}
