import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { addUse, type BindingUse } from './usage.js';

type Node = TSESTree.Node;

/** ESTree nodes that hold only types, besides the `TS…Type` family. */
const TYPE_CONTEXTS = new Set<string>([
  'TSTypeAnnotation',
  'TSTypeParameterInstantiation',
  'TSTypeParameterDeclaration',
  'TSTypeParameter',
  'TSTypeLiteral',
  'TSPropertySignature',
  'TSMethodSignature',
  'TSIndexSignature',
  'TSCallSignatureDeclaration',
  'TSConstructSignatureDeclaration',
  'TSTypePredicate',
  'TSInterfaceBody',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSNamedTupleMember',
  'TSClassImplements',
  'TSInterfaceHeritage',
  // Declarations the emit drops: overloads, abstract members, ambient functions.
  'TSDeclareFunction',
  'TSEmptyBodyFunctionExpression',
  'TSAbstractMethodDefinition',
  'TSAbstractPropertyDefinition',
  'TSAbstractAccessorProperty',
]);

function isTypeContext(node: Node): boolean {
  return (node.type.startsWith('TS') && node.type.endsWith('Type')) || TYPE_CONTEXTS.has(node.type);
}

function isDecorated(node: Node | undefined): boolean {
  return ((node as { decorators?: unknown[] } | undefined)?.decorators?.length ?? 0) > 0;
}

function isAmbient(id: Node): boolean {
  for (let node: Node | undefined = id.parent; node; node = node.parent) {
    if ((node as { declare?: boolean }).declare === true) return true;
  }
  return false;
}

/** A parameter as the function lists it (a parameter property, a default, a rest), and the node that holds its type. */
function parameterHolding(annotation: TSESTree.TSTypeAnnotation): { parameter: Node; rest: boolean } | undefined {
  let node: Node | undefined = annotation.parent;
  if (node?.type === 'Identifier' || node?.type === 'ObjectPattern' || node?.type === 'ArrayPattern' || node?.type === 'RestElement') {
    const rest = node.type === 'RestElement';
    if (node.parent?.type === 'AssignmentPattern' && node.parent.left === node) node = node.parent;
    if (node.parent?.type === 'TSParameterProperty') node = node.parent;
    const owner = node.parent;
    if (owner && (owner.type === 'FunctionExpression' || owner.type === 'TSEmptyBodyFunctionExpression') && (owner.params as Node[]).includes(node)) return { parameter: node, rest };
  }
  return undefined;
}

function signatureDecorated(method: TSESTree.MethodDefinition): boolean {
  return isDecorated(method) || method.value.params.some((parameter) => isDecorated(parameter));
}

function accessorPairDecorated(accessor: TSESTree.MethodDefinition): boolean {
  const body = accessor.parent as TSESTree.ClassBody;
  const key = accessor.key.type === 'Identifier' ? accessor.key.name : undefined;
  return body.body.some(
    (member) =>
      member.type === 'MethodDefinition' &&
      (member.kind === 'get' || member.kind === 'set') &&
      (member === accessor || (key !== undefined && member.key.type === 'Identifier' && member.key.name === key)) &&
      isDecorated(member),
  );
}

function restElementType(node: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (node.type === 'TSArrayType') return node.elementType;
  if (node.type === 'TSTypeReference' && node.typeArguments?.params.length === 1) return node.typeArguments.params[0];
  return undefined;
}

/** The type node decorator metadata serializes when `root` is a whole annotation in a metadata position (as in usage-typescript.ts). */
function metadataAnnotation(root: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  const annotation = root.parent;
  if (annotation?.type !== 'TSTypeAnnotation') return undefined;
  const holder = annotation.parent;
  const parameter = parameterHolding(annotation);
  if (parameter) {
    const method = parameter.parameter.parent!.parent;
    if (method?.type !== 'MethodDefinition' || (parameter.parameter.parent as Node).type !== 'FunctionExpression') return undefined;
    const serialized = parameter.rest ? restElementType(root) : root;
    if (method.kind === 'constructor') return isDecorated(method.parent.parent) || signatureDecorated(method) ? serialized : undefined;
    if (method.kind === 'method') return signatureDecorated(method) ? serialized : undefined;
    if (method.kind === 'set') return accessorPairDecorated(method) ? serialized : undefined;
    return undefined;
  }
  if (holder?.type === 'PropertyDefinition' && holder.typeAnnotation === annotation) return isDecorated(holder) ? root : undefined;
  if (holder?.type === 'FunctionExpression' && holder.returnType === annotation && holder.parent.type === 'MethodDefinition') {
    const method = holder.parent;
    if (method.kind === 'method') return signatureDecorated(method) ? root : undefined;
    if (method.kind === 'get') return accessorPairDecorated(method) ? root : undefined;
  }
  return undefined;
}

type EntityName = TSESTree.EntityName;

function metadataEntity(node: TSESTree.TypeNode | undefined, skipNullish: boolean): EntityName | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'TSUnionType':
    case 'TSIntersectionType':
      return commonEntity(node.types, skipNullish);
    case 'TSConditionalType':
      return commonEntity([node.trueType, node.falseType], skipNullish);
    case 'TSNamedTupleMember':
      return metadataEntity(node.elementType, skipNullish);
    case 'TSTypeReference':
      return node.typeName;
    default:
      return undefined;
  }
}

function commonEntity(types: readonly TSESTree.TypeNode[], skipNullish: boolean): EntityName | undefined {
  let common: EntityName | undefined;
  for (let type of types) {
    while (type.type === 'TSNamedTupleMember') type = type.elementType;
    if (type.type === 'TSNeverKeyword') continue;
    if (skipNullish && (type.type === 'TSNullKeyword' || type.type === 'TSUndefinedKeyword')) continue;
    const entity = metadataEntity(type, skipNullish);
    if (!entity) return undefined;
    if (common) {
      if (common.type !== 'Identifier' || entity.type !== 'Identifier' || common.name !== entity.name) return undefined;
    } else {
      common = entity;
    }
  }
  return common;
}

function firstIdentifier(name: EntityName): Node {
  return name.type === 'TSQualifiedName' ? firstIdentifier(name.left) : name;
}

function useInType(id: Node, typeNode: Node): BindingUse {
  let root = typeNode;
  while (root.parent && isTypeContext(root.parent) && root.parent.type !== 'TSTypeAnnotation' && root.parent.type !== 'TSClassImplements' && root.parent.type !== 'TSInterfaceHeritage')
    root = root.parent;
  const annotation = metadataAnnotation(root as TSESTree.TypeNode);
  if (!annotation) return 'type';
  const strict = metadataEntity(annotation, false);
  if (strict && firstIdentifier(strict) === id) return 'metadata';
  const loose = metadataEntity(annotation, true);
  if (loose && firstIdentifier(loose) === id) return 'metadata-nullable';
  return 'type';
}

/** Where a reference sits, as the emit sees it (the ESTree twin of `useOf` in usage-typescript.ts). */
function useOf(id: Node): BindingUse {
  if (isAmbient(id)) return 'type';
  let child: Node = id;
  for (let node: Node | undefined = id.parent; node; child = node, node = node.parent) {
    switch (node.type) {
      case 'TSTypeQuery':
        return 'type';
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (child === node.superClass) return 'value';
        break;
      case 'ExportSpecifier':
        return 'export';
      case 'ExportDefaultDeclaration':
      case 'TSExportAssignment':
        return child === id ? 'export' : 'value';
      case 'Decorator':
        return 'value';
      case 'TSTypeReference':
        return useInType(id, node);
      default:
        if (isTypeContext(node)) return node.type === 'TSTypeAnnotation' ? 'type' : useInType(id, node);
    }
  }
  return 'value';
}

/**
 * How a file uses each of the given local names (the bindings its imports make), read off the
 * scope analysis ESLint has already done: shadowed names are not the import's references.
 */
export function bindingUsesOfScopeManager(scopeManager: TSESLint.Scope.ScopeManager, locals: ReadonlySet<string>): Map<string, BindingUse> {
  const uses = new Map<string, BindingUse>();
  if (locals.size === 0) return uses;
  const scopes = [scopeManager.globalScope, ...(scopeManager.globalScope?.childScopes ?? []).filter((scope) => scope.type === 'module')];
  for (const scope of scopes) {
    for (const variable of scope?.variables ?? []) {
      if (!locals.has(variable.name) || !variable.defs.some((definition) => definition.type === 'ImportBinding')) continue;
      for (const reference of variable.references) addUse(uses, variable.name, useOf(reference.identifier as Node));
    }
  }
  return uses;
}
