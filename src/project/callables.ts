import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, walk, type SourceRange } from './imports.js';
import { typeReference, type TypeReference } from './classes.js';
import { isHandlerDecorator, lastName, type HandlerDecorator } from './registrations.js';
import { chain, repositoryOf } from './writes.js';

/**
 * A function a file declares at the top level (a function declaration, or a `const` bound to a
 * function or arrow), or a method of a top-level class: what the handler rules read to judge what
 * a handler returns.
 */
export interface Callable {
  name: string;
  /** The class, for a method. */
  owner: string | undefined;
  /** The class's NestJS CQRS handler decorator, for a method. */
  decorator: HandlerDecorator | undefined;
  /** The first parameter's type, when it names a type (`Allocate`, `commands.Allocate`). */
  firstParameterType: TypeReference | undefined;
  /** The return type as written, without spaces, and its range. */
  returnType: { text: string; range: SourceRange } | undefined;
  /** `return <value>` statements of its own body (not of functions nested in it); `return;` and `return undefined` are none. */
  valueReturns: SourceRange[];
  /** Writes through a repository in its body, callbacks included (`uow.products.add(…)` → `products`), in source order. */
  repositoryWrites: Array<{ repository: string; range: SourceRange }>;
  /** The name's range. */
  range: SourceRange;
}

type Keys = Readonly<Record<string, readonly string[] | undefined>>;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The `return value` statements of a function's own body. */
function valueReturns(body: TSESTree.Node, keys: Keys): SourceRange[] {
  const found: SourceRange[] = [];
  walk(body, keys, (node) => {
    if ((node !== body && FUNCTION_TYPES.has(node.type)) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return false;
    if (node.type === 'ReturnStatement' && node.argument && !(node.argument.type === 'Identifier' && node.argument.name === 'undefined')) found.push(rangeOf(node));
    return true;
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The repository writes of a function's body, callbacks included, nested classes not. */
function repositoryWrites(body: TSESTree.Node, keys: Keys): Callable['repositoryWrites'] {
  const found: Callable['repositoryWrites'] = [];
  walk(body, keys, (node) => {
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return false;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier') {
      const names = chain(node.callee.object);
      const repository = names ? repositoryOf(names, node.callee.property.name) : undefined;
      if (repository) found.push({ repository, range: rangeOf(node.callee.property) });
    }
    return true;
  });
  return found.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

function callable(name: string, range: SourceRange, fn: FunctionNode, text: string, keys: Keys, owner?: string, decorator?: HandlerDecorator): Callable {
  const [first] = fn.params;
  const declared = first?.type === 'TSParameterProperty' ? first.parameter : first;
  // `command: Allocate = defaults`: the type is on the pattern's left side, as TypeScript's tree has it on the parameter.
  const parameter = declared?.type === 'AssignmentPattern' ? declared.left : declared;
  const annotation = parameter && 'typeAnnotation' in parameter ? parameter.typeAnnotation?.typeAnnotation : undefined;
  const returnType = fn.returnType?.typeAnnotation;
  return {
    name,
    owner,
    decorator,
    firstParameterType: typeReference(annotation),
    returnType: returnType ? { text: text.slice(returnType.range[0], returnType.range[1]).replace(/\s+/g, ''), range: rangeOf(returnType) } : undefined,
    valueReturns: fn.body && fn.body.type === 'BlockStatement' ? valueReturns(fn.body, keys) : [],
    repositoryWrites: fn.body ? repositoryWrites(fn.body, keys) : [],
    range,
  };
}

function classDecorator(node: TSESTree.ClassDeclaration): HandlerDecorator | undefined {
  for (const decorator of node.decorators) {
    const name = decorator.expression.type === 'CallExpression' ? lastName(decorator.expression.callee) : undefined;
    if (isHandlerDecorator(name)) return name;
  }
  return undefined;
}

/** A file's top-level functions and its top-level classes' methods, from ESTree. */
export function callablesOfProgram(program: TSESTree.Program, text: string, keys: Keys): Callable[] {
  const found: Callable[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration' && declaration.id) {
      found.push(callable(declaration.id.name, rangeOf(declaration.id), declaration, text, keys));
    } else if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init && (declarator.init.type === 'ArrowFunctionExpression' || declarator.init.type === 'FunctionExpression')) {
          // The identifier spans its type annotation in ESTree; the name is what is reported.
          const start = rangeOf(declarator.id);
          found.push(callable(declarator.id.name, { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + declarator.id.name.length }, declarator.init, text, keys));
        }
      }
    } else if (declaration.type === 'ClassDeclaration' && declaration.id) {
      const decorator = classDecorator(declaration);
      for (const member of declaration.body.body) {
        if (member.type === 'MethodDefinition' && member.kind === 'method' && !member.static && member.key.type === 'Identifier' && member.value.type === 'FunctionExpression') {
          found.push(callable(member.key.name, rangeOf(member.key), member.value, text, keys, declaration.id.name, decorator));
        }
      }
    }
  }
  return found;
}
