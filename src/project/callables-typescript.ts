import type * as TS from 'typescript';
import type { Callable } from './callables.js';
import { rangeOf, skipParentheses, walkInOrder } from './imports-typescript.js';
import { chain } from './writes-typescript.js';
import { repositoryOf } from './writes.js';
import { typeReference } from './classes-typescript.js';
import { lastName } from './exports.js';
import { isHandlerDecorator, type HandlerDecorator } from './registrations.js';
import { typescript } from './typescript.js';

function valueReturns(ts: typeof TS, source: TS.SourceFile, body: TS.Node): Callable['valueReturns'] {
  const found: Callable['valueReturns'] = [];
  walkInOrder(ts, body, (node) => {
    if (node !== body && (ts.isFunctionLike(node) || ts.isClassLike(node))) return false;
    if (ts.isReturnStatement(node) && node.expression) {
      const value = skipParentheses(ts, node.expression);
      if (!(ts.isIdentifier(value) && value.text === 'undefined')) found.push(rangeOf(source, node));
    }
    return true;
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function repositoryWrites(ts: typeof TS, source: TS.SourceFile, body: TS.Node): Callable['repositoryWrites'] {
  const found: Callable['repositoryWrites'] = [];
  walkInOrder(ts, body, (node) => {
    if (ts.isClassLike(node)) return false;
    if (ts.isCallExpression(node)) {
      const callee = skipParentheses(ts, node.expression);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
        const names = chain(ts, callee.expression);
        const repository = names ? repositoryOf(names, callee.name.text) : undefined;
        if (repository) found.push({ repository, range: rangeOf(source, callee.name) });
      }
    }
    return true;
  });
  return found.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

function callable(ts: typeof TS, source: TS.SourceFile, name: TS.Identifier, fn: TS.SignatureDeclaration & { body?: TS.Node | undefined }, owner?: string, decorator?: HandlerDecorator): Callable {
  const returnType = fn.type;
  return {
    name: name.text,
    owner,
    decorator,
    firstParameterType: typeReference(ts, fn.parameters[0]?.type),
    returnType: returnType ? { text: returnType.getText(source).replace(/\s+/g, ''), range: rangeOf(source, returnType) } : undefined,
    valueReturns: fn.body && ts.isBlock(fn.body) ? valueReturns(ts, source, fn.body) : [],
    repositoryWrites: fn.body ? repositoryWrites(ts, source, fn.body) : [],
    range: rangeOf(source, name),
  };
}

function classDecorator(ts: typeof TS, node: TS.ClassDeclaration): HandlerDecorator | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const name = ts.isCallExpression(decorator.expression) ? lastName(ts, decorator.expression.expression) : undefined;
    if (isHandlerDecorator(name)) return name;
  }
  return undefined;
}

/** A file's top-level functions and its top-level classes' methods, from TypeScript's tree (the same as callablesOfProgram). */
export function callablesOfSourceFile(source: TS.SourceFile): Callable[] {
  const ts = typescript();
  const found: Callable[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      found.push(callable(ts, source, statement.name, statement));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) found.push(callable(ts, source, declaration.name, init));
      }
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const decorator = classDecorator(ts, statement);
      for (const member of statement.members) {
        const isStatic = (ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (ts.isMethodDeclaration(member) && member.body && !isStatic && ts.isIdentifier(member.name)) found.push(callable(ts, source, member.name, member, statement.name.text, decorator));
      }
    }
  }
  return found;
}
