import type * as TS from 'typescript';
import { rangeOf } from './imports-typescript.js';
import type { MutableMember } from './members.js';
import { typescript } from './typescript.js';

function hasModifier(ts: typeof TS, node: TS.Node, kind: TS.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []).some((modifier) => modifier.kind === kind);
}

function propertyName(ts: typeof TS, name: TS.PropertyName | TS.BindingName): string {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return '[computed]';
}

/** An offset into the text ESLint sees: TypeScript's positions count a byte order mark, ESLint's text has none. */
function offset(source: TS.SourceFile, position: number): number {
  return source.text.charCodeAt(0) === 0xfeff ? position - 1 : position;
}

/** Where `readonly ` goes before a name (before the `[` of a computed one). */
function nameStart(source: TS.SourceFile, name: TS.PropertyName | TS.BindingName): number {
  return offset(source, name.getStart(source));
}

/** The node ESTree reports for a name: the expression inside a computed name's brackets. */
function nameNode(ts: typeof TS, name: TS.PropertyName | TS.BindingName): TS.Node {
  return ts.isComputedPropertyName(name) ? name.expression : name;
}

function typeMembers(ts: typeof TS, source: TS.SourceFile, owner: string, members: readonly TS.TypeElement[], found: MutableMember[]): void {
  for (const member of members) {
    if (ts.isPropertySignature(member) && !hasModifier(ts, member, ts.SyntaxKind.ReadonlyKeyword)) {
      found.push({ owner, name: propertyName(ts, member.name), kind: 'property-signature', range: rangeOf(source, nameNode(ts, member.name)), insertAt: nameStart(source, member.name) });
    } else if (ts.isIndexSignatureDeclaration(member) && !hasModifier(ts, member, ts.SyntaxKind.ReadonlyKeyword)) {
      found.push({ owner, name: '[index]', kind: 'index-signature', range: rangeOf(source, member), insertAt: offset(source, member.getStart(source)) });
    }
  }
}

function classMembers(ts: typeof TS, source: TS.SourceFile, owner: string, node: TS.ClassLikeDeclaration, found: MutableMember[]): void {
  for (const member of node.members) {
    const isStatic = hasModifier(ts, member, ts.SyntaxKind.StaticKeyword);
    if (ts.isPropertyDeclaration(member) && !isStatic && !hasModifier(ts, member, ts.SyntaxKind.ReadonlyKeyword) && !hasModifier(ts, member, ts.SyntaxKind.DeclareKeyword)) {
      found.push({ owner, name: propertyName(ts, member.name), kind: 'field', range: rangeOf(source, nameNode(ts, member.name)), insertAt: nameStart(source, member.name) });
    } else if (ts.isSetAccessorDeclaration(member) && !isStatic) {
      found.push({ owner, name: propertyName(ts, member.name), kind: 'setter', range: rangeOf(source, nameNode(ts, member.name)), insertAt: undefined });
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (!ts.isParameterPropertyDeclaration(parameter, member) || hasModifier(ts, parameter, ts.SyntaxKind.ReadonlyKeyword)) continue;
        found.push({ owner, name: propertyName(ts, parameter.name), kind: 'parameter-property', range: rangeOf(source, parameter.name), insertAt: offset(source, parameter.name.getStart(source)) });
      }
    }
  }
}

/** The mutable members of a file's top-level classes, interfaces and object type aliases, from TypeScript's tree (the same as mutableMembersOfProgram). */
export function mutableMembersOfSourceFile(source: TS.SourceFile): MutableMember[] {
  const ts = typescript();
  const found: MutableMember[] = [];
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name) classMembers(ts, source, statement.name.text, statement, found);
    else if (ts.isInterfaceDeclaration(statement)) typeMembers(ts, source, statement.name.text, statement.members, found);
    else if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) typeMembers(ts, source, statement.name.text, statement.type.members, found);
  }
  return found;
}
