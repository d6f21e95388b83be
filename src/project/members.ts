import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, type SourceRange } from './imports.js';

/**
 * A member of a top-level class, interface or object type alias that can be changed after the
 * value is built: a field or parameter property without `readonly`, a property or index signature
 * without `readonly`, or a setter. The pattern rules read it for messages and value objects, which
 * must not change once built.
 */
export interface MutableMember {
  /** The class, interface or type alias that declares it. */
  owner: string;
  /** The member's name as written (`[key: string]` for an index signature). */
  name: string;
  kind: 'field' | 'parameter-property' | 'property-signature' | 'index-signature' | 'setter';
  /** The name's range (the `set` accessor's name for a setter). */
  range: SourceRange;
  /** Where `readonly ` goes to fix it (an offset into the text the file was parsed from); none for a setter. */
  insertAt: number | undefined;
}

function propertyName(key: TSESTree.Node, computed = false): string {
  if (computed) return '[computed]';
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal') return String(key.value);
  return '[computed]';
}

function typeMembers(owner: string, members: readonly TSESTree.TypeElement[], found: MutableMember[]): void {
  for (const member of members) {
    if (member.type === 'TSPropertySignature' && !member.readonly) {
      found.push({ owner, name: propertyName(member.key, member.computed), kind: 'property-signature', range: rangeOf(member.key), insertAt: member.key.range[0] - (member.computed ? 1 : 0) });
    } else if (member.type === 'TSIndexSignature' && !member.readonly) {
      found.push({ owner, name: '[index]', kind: 'index-signature', range: rangeOf(member), insertAt: member.range[0] + (member.static ? 'static '.length : 0) });
    }
  }
}

/** Class members that hold data: fields, abstract fields, and auto-accessors (`accessor x`), which TypeScript's tree also calls property declarations. */
const FIELDS = new Set<string>(['PropertyDefinition', 'TSAbstractPropertyDefinition', 'AccessorProperty', 'TSAbstractAccessorProperty']);

function classMembers(owner: string, body: TSESTree.ClassBody, found: MutableMember[]): void {
  for (const member of body.body) {
    if (FIELDS.has(member.type) && 'key' in member && !member.static && !('readonly' in member && member.readonly) && !('declare' in member && member.declare)) {
      found.push({ owner, name: propertyName(member.key, member.computed), kind: 'field', range: rangeOf(member.key), insertAt: member.key.range[0] - (member.computed ? 1 : 0) });
    } else if ((member.type === 'MethodDefinition' || member.type === 'TSAbstractMethodDefinition') && member.kind === 'set' && !member.static) {
      found.push({ owner, name: propertyName(member.key, member.computed), kind: 'setter', range: rangeOf(member.key), insertAt: undefined });
    } else if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== 'TSParameterProperty' || parameter.readonly) continue;
        const target = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
        // The parameter's identifier spans its type annotation in ESTree; the name is what is reported.
        const name = propertyName(target);
        const start = rangeOf(target);
        const range = target.type === 'Identifier' ? { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + target.name.length } : start;
        found.push({ owner, name, kind: 'parameter-property', range, insertAt: target.range[0] });
      }
    }
  }
}

/** The mutable members of a file's top-level classes, interfaces and object type aliases, from ESTree. */
export function mutableMembersOfProgram(program: TSESTree.Program): MutableMember[] {
  const found: MutableMember[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === 'ClassDeclaration' || declaration.type === 'ClassExpression') && declaration.id) classMembers(declaration.id.name, declaration.body, found);
    else if (declaration.type === 'TSInterfaceDeclaration') typeMembers(declaration.id.name, declaration.body.body, found);
    else if (declaration.type === 'TSTypeAliasDeclaration' && declaration.typeAnnotation.type === 'TSTypeLiteral') typeMembers(declaration.id.name, declaration.typeAnnotation.members, found);
  }
  return found;
}
