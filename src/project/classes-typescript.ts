import type * as TS from 'typescript';
import type { ClassShape, TypeReference } from './classes.js';
import { classHeritage } from './exports.js';
import { rangeOf, walkInOrder } from './imports-typescript.js';
import { typescript } from './typescript.js';

/** What a type reference names: `Order`, or `orders.Order` as `{ name: 'orders', member: 'Order' }` (the same as typeReference of classes.ts). */
export function typeReference(ts: typeof TS, node: TS.Node | undefined): TypeReference | undefined {
  if (!node || !ts.isTypeReferenceNode(node)) return undefined;
  const name = node.typeName;
  if (ts.isIdentifier(name)) return { name: name.text, member: undefined };
  if (ts.isQualifiedName(name) && ts.isIdentifier(name.left)) return { name: name.left.text, member: name.right.text };
  return undefined;
}

function typeReferences(ts: typeof TS, annotation: TS.Node | undefined): TypeReference[] {
  if (!annotation) return [];
  const found: TypeReference[] = [];
  walkInOrder(ts, annotation, (node) => {
    const reference = typeReference(ts, node);
    if (reference) found.push(reference);
  });
  return found;
}

/** A file's top-level classes, from TypeScript's tree (the same as classesOfProgram). */
export function classesOfSourceFile(source: TS.SourceFile): ClassShape[] {
  const ts = typescript();
  const found: ClassShape[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const fields: ClassShape['fields'] = [];
    for (const member of statement.members) {
      const isStatic = (ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
      if (ts.isPropertyDeclaration(member) && !isStatic && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
        const initializer = member.initializer;
        const inferred = !member.type && initializer && ts.isNewExpression(initializer) ? initializer.typeArguments : undefined;
        const types = member.type ? typeReferences(ts, member.type) : (inferred ?? []).flatMap((argument) => typeReferences(ts, argument));
        fields.push({ name: member.name.text, types, range: rangeOf(source, member.name) });
      } else if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (!ts.isParameterPropertyDeclaration(parameter, member) || !ts.isIdentifier(parameter.name)) continue;
          fields.push({ name: parameter.name.text, types: typeReferences(ts, parameter.type), range: rangeOf(source, parameter.name) });
        }
      }
    }
    const heritage = classHeritage(ts, statement);
    found.push({ name: statement.name.text, extends: heritage.extends, decorators: heritage.decorators, fields, range: rangeOf(source, statement.name) });
  }
  return found;
}
