import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, walk, type SourceRange } from './imports.js';
import { lastName } from './registrations.js';

/** A type a field's annotation names: `Batch`, or `model.Batch` as `{ name: 'model', member: 'Batch' }`. */
export interface TypeReference {
  name: string;
  member: string | undefined;
}

/**
 * A top-level class as the aggregate rules read it: what it extends, its decorators, and each
 * field (class field or constructor parameter property) with the types its annotation names
 * (`Batch[]`, `Array<Batch>`, `Map<string, Order>`, `Order | null` all name the element type; a field
 * with no annotation, the type arguments of the `new` it is initialised with).
 */
export interface ClassShape {
  name: string;
  extends: string | undefined;
  decorators: string[];
  fields: Array<{ name: string; types: TypeReference[]; range: SourceRange }>;
  /** Where its name is. */
  range: SourceRange;
}

type Keys = Readonly<Record<string, readonly string[] | undefined>>;

/** What a type reference names: `Order`, or `orders.Order` as `{ name: 'orders', member: 'Order' }`. */
export function typeReference(node: TSESTree.Node | undefined): TypeReference | undefined {
  if (node?.type !== 'TSTypeReference') return undefined;
  const name = node.typeName;
  if (name.type === 'Identifier') return { name: name.name, member: undefined };
  if (name.type === 'TSQualifiedName' && name.left.type === 'Identifier') return { name: name.left.name, member: name.right.name };
  return undefined;
}

function typeReferences(annotation: TSESTree.Node | undefined, keys: Keys): TypeReference[] {
  if (!annotation) return [];
  const found: TypeReference[] = [];
  walk(annotation, keys, (node) => {
    const reference = typeReference(node);
    if (reference) found.push(reference);
  });
  return found;
}

function fieldName(key: TSESTree.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  return undefined;
}

/** A file's top-level classes, from ESTree. */
export function classesOfProgram(program: TSESTree.Program, keys: Keys): ClassShape[] {
  const found: ClassShape[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'ClassDeclaration' || !declaration.id) continue;
    const fields: ClassShape['fields'] = [];
    for (const member of declaration.body.body) {
      if (
        (member.type === 'PropertyDefinition' || member.type === 'TSAbstractPropertyDefinition' || member.type === 'AccessorProperty' || member.type === 'TSAbstractAccessorProperty') &&
        !member.static
      ) {
        const name = member.computed ? undefined : fieldName(member.key);
        // Without an annotation, the type arguments of `new Map<string, Order>()` say what it holds.
        const inferred = !member.typeAnnotation && member.value?.type === 'NewExpression' ? member.value.typeArguments : undefined;
        if (name) fields.push({ name, types: typeReferences(member.typeAnnotation?.typeAnnotation ?? inferred, keys), range: rangeOf(member.key) });
      } else if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
        for (const parameter of member.value.params) {
          if (parameter.type !== 'TSParameterProperty') continue;
          const target = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
          if (target.type !== 'Identifier') continue;
          const start = rangeOf(target);
          fields.push({
            name: target.name,
            types: typeReferences(target.typeAnnotation?.typeAnnotation, keys),
            range: { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + target.name.length },
          });
        }
      }
    }
    const decorators = declaration.decorators.flatMap((decorator) => {
      const name = lastName(decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression);
      return name ? [name] : [];
    });
    found.push({ name: declaration.id.name, extends: declaration.superClass ? lastName(declaration.superClass) : undefined, decorators, fields, range: rangeOf(declaration.id) });
  }
  return found;
}
