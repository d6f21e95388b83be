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
    case ts.SyntaxKind.JsxOpeningElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxClosingElement:
      // `<div />` is an intrinsic element (the string 'div'), not the binding `div`: a tag that
      // starts lowercase or holds a dash, as the compiler decides.
      return (parent as TS.JsxOpeningLikeElement | TS.JsxClosingElement).tagName !== id || !(/^[a-z]/.test(id.text) || id.text.includes('-'));
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

function collectBindings(ts: Ts, name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectBindings(ts, element.name, into);
}

function collectList(ts: Ts, list: TS.Node | undefined, into: Set<string>): void {
  if (list && ts.isVariableDeclarationList(list)) for (const declaration of list.declarations) collectBindings(ts, declaration.name, into);
}

function collectStatements(ts: Ts, statements: readonly TS.Statement[], into: Set<string>): void {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) collectList(ts, statement.declarationList, into);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) into.add(statement.name.text);
  }
}

const varOffsetsCache = new WeakMap<TS.SourceFile, number[]>();
function varOffsets(source: TS.SourceFile): number[] {
  let offsets = varOffsetsCache.get(source);
  if (!offsets) varOffsetsCache.set(source, (offsets = [...source.text.matchAll(/\bvar\b/g)].map((match) => match.index)));
  return offsets;
}

/** The names `var` declares anywhere in a function body (not in nested functions): they belong to the function's scope. */
function collectVars(ts: Ts, body: TS.Node, source: TS.SourceFile, into: Set<string>): void {
  // Most bodies have no `var` at all: skip the walk.
  if (!hasOffsetIn(varOffsets(source), body.pos, body.end)) return;
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclarationList(node) && !(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) collectList(ts, node, into);
    if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}

const NO_NAMES: ReadonlySet<string> = new Set();
const scopeNamesCache = new WeakMap<TS.Node, ReadonlySet<string>>();

/** The names a node declares for the code inside it (a function's parameters and vars, a block's declarations…); computed once per node. */
function scopeNames(ts: Ts, node: TS.Node, source: TS.SourceFile): ReadonlySet<string> {
  let names = scopeNamesCache.get(node);
  if (names) return names;
  const found = new Set<string>();
  if (ts.isFunctionLike(node) && 'parameters' in node) {
    for (const parameter of node.parameters) collectBindings(ts, parameter.name, found);
    if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) found.add(node.name.text);
    const body = (node as TS.FunctionLikeDeclaration).body;
    if (body) collectVars(ts, body, source, found);
  } else if (ts.isClassExpression(node) && node.name) {
    found.add(node.name.text);
  } else if (ts.isBlock(node) || ts.isModuleBlock(node)) {
    collectStatements(ts, node.statements, found);
  } else if (ts.isCaseBlock(node)) {
    for (const clause of node.clauses) collectStatements(ts, clause.statements, found);
  } else if (ts.isCatchClause(node)) {
    if (node.variableDeclaration) collectBindings(ts, node.variableDeclaration.name, found);
  } else if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
    collectList(ts, node.initializer, found);
  }
  names = found.size > 0 ? found : NO_NAMES;
  scopeNamesCache.set(node, names);
  return names;
}

/** The name an import statement binds (not a redeclaration of it). */
function isImportBinding(ts: Ts, id: TS.Identifier): boolean {
  const kind = id.parent.kind;
  return kind === ts.SyntaxKind.ImportSpecifier || kind === ts.SyntaxKind.ImportClause || kind === ts.SyntaxKind.NamespaceImport || kind === ts.SyntaxKind.ImportEqualsDeclaration;
}

/** Whether a scope between the reference and the module declares the same name, so the reference is not to the import. */
function isShadowed(ts: Ts, id: TS.Identifier, source: TS.SourceFile): boolean {
  for (let node: TS.Node = id.parent; !ts.isSourceFile(node); node = node.parent) {
    if (scopeNames(ts, node, source).has(id.text)) return true;
  }
  return false;
}

/** The type decorator metadata serializes for a rest parameter: its element type. */
function restElementType(ts: Ts, node: TS.TypeNode): TS.TypeNode | undefined {
  if (ts.isArrayTypeNode(node)) return node.elementType;
  if (ts.isTypeReferenceNode(node) && node.typeArguments?.length === 1) return node.typeArguments[0];
  return undefined;
}

function accessorPairDecorated(ts: Ts, accessor: TS.AccessorDeclaration, source: TS.SourceFile): boolean {
  if (!ts.isClassLike(accessor.parent)) return false;
  const name = accessor.name.getText(source);
  return (accessor.parent.members as readonly TS.ClassElement[]).some(
    (member) => (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && member.name.getText(source) === name && isDecorated(ts, member),
  );
}

function signatureDecorated(ts: Ts, signature: TS.SignatureDeclaration): boolean {
  return isDecorated(ts, signature) || signature.parameters.some((parameter) => isDecorated(ts, parameter));
}

/**
 * The type node decorator metadata serializes when `root` is a whole type annotation in a position
 * the compiler describes with `design:paramtypes`, `design:type` or `design:returntype`.
 */
function metadataAnnotation(ts: Ts, root: TS.TypeNode, source: TS.SourceFile): TS.TypeNode | undefined {
  const owner = root.parent;
  if (ts.isParameter(owner) && owner.type === root) {
    const signature = owner.parent;
    const serialized = owner.dotDotDotToken ? restElementType(ts, root) : root;
    if (ts.isConstructorDeclaration(signature)) {
      return signature.body && (isDecorated(ts, signature.parent) || signatureDecorated(ts, signature)) ? serialized : undefined;
    }
    if (ts.isMethodDeclaration(signature)) return signature.body && signatureDecorated(ts, signature) ? serialized : undefined;
    if (ts.isSetAccessorDeclaration(signature)) return accessorPairDecorated(ts, signature, source) ? serialized : undefined;
    return undefined;
  }
  if (ts.isPropertyDeclaration(owner) && owner.type === root) return isDecorated(ts, owner) ? root : undefined;
  if (ts.isMethodDeclaration(owner) && owner.type === root) return owner.body && signatureDecorated(ts, owner) ? root : undefined;
  if (ts.isGetAccessorDeclaration(owner) && owner.type === root) return accessorPairDecorated(ts, owner, source) ? root : undefined;
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
function useInType(ts: Ts, id: TS.Identifier, typeNode: TS.TypeNode, source: TS.SourceFile): BindingUse {
  let root = typeNode;
  while (ts.isTypeNode(root.parent) && !ts.isExpressionWithTypeArguments(root.parent)) root = root.parent;
  const annotation = metadataAnnotation(ts, root, source);
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
function useOf(ts: Ts, id: TS.Identifier, source: TS.SourceFile): BindingUse {
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
    if (ts.isTypeNode(node)) return useInType(ts, id, node, source);
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return 'type';
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) && !node.body) return 'type';
  }
  return 'value';
}

/** The offsets in `text` where one of `names` appears as a whole word: the only places a reference can be. */
function occurrences(text: string, names: ReadonlySet<string>): number[] {
  const alternatives = [...names].map((name) => name.replace(/[$]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`, 'g');
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/** Whether a sorted list of offsets has one in [start, end). */
function hasOffsetIn(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low]! < end;
}

/**
 * How a TypeScript syntax tree uses each of the given local names (the bindings its imports make).
 * Names never referenced are absent from the answer. Only the subtrees whose text mentions one of
 * the names are walked, and parent pointers are set along the way, so the tree may be parsed
 * without them (`setParentNodes: false`).
 */
export function bindingUsesOfSourceFile(source: TS.SourceFile, locals: ReadonlySet<string>): Map<string, BindingUse> {
  const ts = typescript();
  const uses = new Map<string, BindingUse>();
  if (locals.size === 0) return uses;
  const offsets = occurrences(source.text, locals);
  // An explicit stack: generated files nest deeply enough to overflow a recursive walk.
  const stack: TS.Node[] = [source];
  let parent: TS.Node = source;
  const push = (child: TS.Node): undefined => {
    if (!hasOffsetIn(offsets, child.pos, child.end)) return undefined;
    (child as { parent: TS.Node }).parent = parent;
    stack.push(child);
    return undefined;
  };
  const references: TS.Identifier[] = [];
  // Names declared again somewhere in the file (a parameter, a local): only their references can be shadowed.
  const redeclared = new Set<string>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      if (!locals.has(node.text)) continue;
      if (isReference(ts, node)) references.push(node);
      else if (!isImportBinding(ts, node)) redeclared.add(node.text);
      continue;
    }
    parent = node;
    ts.forEachChild(node, push);
  }
  for (const reference of references) {
    if (redeclared.has(reference.text) && isShadowed(ts, reference, source)) continue;
    addUse(uses, reference.text, useOf(ts, reference, source));
  }
  return uses;
}
