import type * as TS from 'typescript';
import { addUse, type BindingUse } from './usage.js';
import { typescript } from './typescript.js';

type Ts = typeof TS;

function hasModifier(ts: Ts, node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

function isDecorated(ts: Ts, node: TS.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

/** Whether an identifier is a reference to a binding (not a property name, a declaration's name, a label…). */
function isReference(ts: Ts, id: TS.Identifier): boolean {
  const parent = id.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return (parent as TS.PropertyAccessExpression).expression === id;
    case ts.SyntaxKind.QualifiedName:
      return (parent as TS.QualifiedName).left === id;
    case ts.SyntaxKind.ImportSpecifier:
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport:
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.MetaProperty:
    case ts.SyntaxKind.JsxAttribute:
      return false;
    case ts.SyntaxKind.ImportEqualsDeclaration:
      return (parent as TS.ImportEqualsDeclaration).moduleReference === id;
    case ts.SyntaxKind.ExportSpecifier: {
      const specifier = parent as TS.ExportSpecifier;
      // `export { X } from '…'` names the other module's export, not a binding of this file.
      return specifier.parent.parent.moduleSpecifier === undefined && (specifier.propertyName ?? specifier.name) === id;
    }
    case ts.SyntaxKind.BindingElement:
      return (parent as TS.BindingElement).initializer === id;
    case ts.SyntaxKind.PropertyAssignment:
      return (parent as TS.PropertyAssignment).initializer === id;
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return true;
    default:
      return (parent as { name?: TS.Node }).name !== id;
  }
}

function bindsName(ts: Ts, name: TS.BindingName, wanted: string): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  return name.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(ts, element.name, wanted));
}

function listBinds(ts: Ts, list: TS.Node | undefined, wanted: string): boolean {
  return !!list && ts.isVariableDeclarationList(list) && list.declarations.some((declaration) => bindsName(ts, declaration.name, wanted));
}

function statementsDeclare(ts: Ts, statements: readonly TS.Statement[], wanted: string): boolean {
  return statements.some((statement) => {
    if (ts.isVariableStatement(statement)) return listBinds(ts, statement.declarationList, wanted);
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) return statement.name?.text === wanted;
    return false;
  });
}

/** A `var` anywhere in a function body (not in a nested function) belongs to the function's scope. */
function declaresVar(ts: Ts, node: TS.Node, wanted: string): boolean {
  if (ts.isVariableDeclarationList(node) && !(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) {
    if (node.declarations.some((declaration) => bindsName(ts, declaration.name, wanted))) return true;
  }
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, (child) => declaresVar(ts, child, wanted) || undefined) ?? false;
}

/** Whether a scope between the reference and the module declares the same name, so the reference is not to the import. */
function isShadowed(ts: Ts, id: TS.Identifier): boolean {
  const wanted = id.text;
  for (let node: TS.Node = id.parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node) && 'parameters' in node) {
      if (node.parameters.some((parameter) => bindsName(ts, parameter.name, wanted))) return true;
      if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name?.text === wanted) return true;
      const body = (node as TS.FunctionLikeDeclaration).body;
      if (body && declaresVar(ts, body, wanted)) return true;
    } else if (ts.isClassExpression(node) && node.name?.text === wanted) {
      return true;
    } else if (ts.isBlock(node) || ts.isModuleBlock(node)) {
      if (statementsDeclare(ts, node.statements, wanted)) return true;
    } else if (ts.isCaseBlock(node)) {
      if (node.clauses.some((clause) => statementsDeclare(ts, clause.statements, wanted))) return true;
    } else if (ts.isCatchClause(node)) {
      if (node.variableDeclaration && bindsName(ts, node.variableDeclaration.name, wanted)) return true;
    } else if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
      if (listBinds(ts, node.initializer, wanted)) return true;
    }
  }
  return false;
}

/** The type decorator metadata serializes for a rest parameter: its element type. */
function restElementType(ts: Ts, node: TS.TypeNode): TS.TypeNode | undefined {
  if (ts.isArrayTypeNode(node)) return node.elementType;
  if (ts.isTypeReferenceNode(node) && node.typeArguments?.length === 1) return node.typeArguments[0];
  return undefined;
}

function accessorPairDecorated(ts: Ts, accessor: TS.AccessorDeclaration): boolean {
  if (!ts.isClassLike(accessor.parent)) return false;
  const name = accessor.name.getText();
  return (accessor.parent.members as readonly TS.ClassElement[]).some(
    (member) => (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && member.name.getText() === name && isDecorated(ts, member),
  );
}

function signatureDecorated(ts: Ts, signature: TS.SignatureDeclaration): boolean {
  return isDecorated(ts, signature) || signature.parameters.some((parameter) => isDecorated(ts, parameter));
}

/**
 * The type node decorator metadata serializes when `root` is a whole type annotation in a position
 * the compiler describes with `design:paramtypes`, `design:type` or `design:returntype`.
 */
function metadataAnnotation(ts: Ts, root: TS.TypeNode): TS.TypeNode | undefined {
  const owner = root.parent;
  if (ts.isParameter(owner) && owner.type === root) {
    const signature = owner.parent;
    const serialized = owner.dotDotDotToken ? restElementType(ts, root) : root;
    if (ts.isConstructorDeclaration(signature)) {
      return signature.body && (isDecorated(ts, signature.parent) || signatureDecorated(ts, signature)) ? serialized : undefined;
    }
    if (ts.isMethodDeclaration(signature)) return signature.body && signatureDecorated(ts, signature) ? serialized : undefined;
    if (ts.isSetAccessorDeclaration(signature)) return accessorPairDecorated(ts, signature) ? serialized : undefined;
    return undefined;
  }
  if (ts.isPropertyDeclaration(owner) && owner.type === root) return isDecorated(ts, owner) ? root : undefined;
  if (ts.isMethodDeclaration(owner) && owner.type === root) return owner.body && signatureDecorated(ts, owner) ? root : undefined;
  if (ts.isGetAccessorDeclaration(owner) && owner.type === root) return accessorPairDecorated(ts, owner) ? root : undefined;
  return undefined;
}

/** The entity decorator metadata refers to, as the compiler picks it (`getEntityNameForDecoratorMetadata`). */
function metadataEntity(ts: Ts, node: TS.TypeNode | undefined, skipNullish: boolean): TS.EntityName | undefined {
  if (!node) return undefined;
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return commonEntity(ts, node.types, skipNullish);
  if (ts.isConditionalTypeNode(node)) return commonEntity(ts, [node.trueType, node.falseType], skipNullish);
  if (ts.isParenthesizedTypeNode(node) || ts.isNamedTupleMember(node)) return metadataEntity(ts, node.type, skipNullish);
  if (ts.isTypeReferenceNode(node)) return node.typeName;
  return undefined;
}

function commonEntity(ts: Ts, types: readonly TS.TypeNode[], skipNullish: boolean): TS.EntityName | undefined {
  let common: TS.EntityName | undefined;
  for (let type of types) {
    while (ts.isParenthesizedTypeNode(type) || ts.isNamedTupleMember(type)) type = type.type;
    if (type.kind === ts.SyntaxKind.NeverKeyword) continue;
    if (skipNullish && ((ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword) || type.kind === ts.SyntaxKind.UndefinedKeyword)) continue;
    const entity = metadataEntity(ts, type, skipNullish);
    if (!entity) return undefined;
    if (common) {
      if (!ts.isIdentifier(common) || !ts.isIdentifier(entity) || common.text !== entity.text) return undefined;
    } else {
      common = entity;
    }
  }
  return common;
}

function firstIdentifier(ts: Ts, name: TS.EntityName): TS.Identifier {
  return ts.isIdentifier(name) ? name : firstIdentifier(ts, name.left);
}

/** How a reference inside a type is used: only as a type, unless decorator metadata names it. */
function useInType(ts: Ts, id: TS.Identifier, typeNode: TS.TypeNode): BindingUse {
  let root = typeNode;
  while (ts.isTypeNode(root.parent) && !ts.isExpressionWithTypeArguments(root.parent)) root = root.parent;
  const annotation = metadataAnnotation(ts, root);
  if (!annotation) return 'type';
  const strict = metadataEntity(ts, annotation, false);
  if (strict && firstIdentifier(ts, strict) === id) return 'metadata';
  const loose = metadataEntity(ts, annotation, true);
  if (loose && firstIdentifier(ts, loose) === id) return 'metadata-nullable';
  return 'type';
}

/** Inside a `declare` (or a declaration file): the emit drops all of it. */
function isAmbient(ts: Ts, id: TS.Identifier): boolean {
  for (let node: TS.Node = id.parent; ; node = node.parent) {
    if (ts.isSourceFile(node)) return node.isDeclarationFile;
    if (hasModifier(ts, node, ts.SyntaxKind.DeclareKeyword)) return true;
  }
}

/** Where a reference sits, as the emit sees it: walks up to the first ancestor that decides. */
function useOf(ts: Ts, id: TS.Identifier): BindingUse {
  if (isAmbient(ts, id)) return 'type';
  let child: TS.Node = id;
  for (let node: TS.Node = id.parent; !ts.isSourceFile(node); child = node, node = node.parent) {
    if (ts.isTypeQueryNode(node)) return 'type';
    if (ts.isExpressionWithTypeArguments(node)) {
      const clause = node.parent;
      if (ts.isHeritageClause(clause)) return clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent) ? 'value' : 'type';
      continue;
    }
    if (ts.isExportSpecifier(node)) return 'export';
    if (ts.isExportAssignment(node)) return child === id ? 'export' : 'value';
    if (ts.isDecorator(node)) return 'value';
    if (ts.isTypeNode(node)) return useInType(ts, id, node);
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return 'type';
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) && !node.body) return 'type';
  }
  return 'value';
}

/**
 * How a TypeScript syntax tree uses each of the given local names (the bindings its imports make).
 * The tree needs parent pointers (`createSourceFile(…, setParentNodes: true)`). Names never
 * referenced are absent from the answer.
 */
export function bindingUsesOfSourceFile(source: TS.SourceFile, locals: ReadonlySet<string>): Map<string, BindingUse> {
  const ts = typescript();
  const uses = new Map<string, BindingUse>();
  if (locals.size === 0) return uses;
  // An explicit stack: generated files nest deeply enough to overflow a recursive walk.
  const stack: TS.Node[] = [source];
  const push = (child: TS.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      if (locals.has(node.text) && isReference(ts, node) && !isShadowed(ts, node)) addUse(uses, node.text, useOf(ts, node));
      continue;
    }
    ts.forEachChild(node, push);
  }
  return uses;
}
