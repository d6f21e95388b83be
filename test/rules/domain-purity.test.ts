import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['domain-purity']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
// The advice fits what the package is: storage is mapped from the adapters, anything else stays at the edge.
const storageFix = (name: string) =>
  `keep the model plain and move the code that needs '${name}' to the adapters layer: map the model to tables from adapters/orm (classical mapping, ch. 2) and load and save it through a repository`;
const edgeFix = (name: string) =>
  `keep the model free of '${name}': take plain values in, record what happened as plain domain events (ch. 8), and let a handler or an adapter behind a port the service layer owns talk to '${name}'`;
const orm = (file: string) => fixturePath('violations', 'domain-orm-package', file);
/** A NestJS project whose config removes `@nestjs/cqrs` (under the shipped `@nestjs/*`) from the list. */
const nest = (file: string) => fixturePath('violations', 'nest-cqrs', 'src', file);
const nestDomain = { layers: { domain: '**/nest-cqrs/src/domain/**' } };

ruleTester.run('domain-purity', rule, {
  valid: [
    { name: 'a pure utility package', filename: orm('src/domain/x.ts'), code: "import { v4 } from 'uuid';" },
    { name: 'a pure built-in', filename: orm('src/domain/x.ts'), code: "import { randomUUID } from 'node:crypto';" },
    { name: 'adapters may use the ORM', filename: orm('src/adapters/x.ts'), code: "import { DataSource } from 'typeorm';" },
    {
      name: 'a package removed from the list by the config',
      filename: orm('src/domain/x.ts'),
      code: "import { Pool } from 'pg';",
      settings: { cosmic: { layers: { domain: '**/src/domain/**' }, infrastructure: { remove: ['pg'] } } },
    },
    {
      name: 'a package removed by the config that only a shipped pattern names (@nestjs/cqrs under @nestjs/*)',
      filename: nest('domain/x.ts'),
      code: "import { AggregateRoot } from '@nestjs/cqrs';\nexport class User extends AggregateRoot {}",
    },
  ],
  invalid: [
    {
      name: 'static import of an ORM',
      filename: orm('src/domain/x.ts'),
      code: "import { Entity } from 'typeorm';\n@Entity() export class Batch {}",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 24, endColumn: 33, data: { name: 'typeorm', via: '', typeNote: '', fix: storageFix('typeorm') } }],
    },
    { name: 'import type counts too', filename: orm('src/domain/x.ts'), code: "import type { Repository } from 'typeorm';", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 33 }] },
    {
      name: 'an import the compiler erases (used only as a type) counts too, and the message says so',
      filename: orm('src/domain/x.ts'),
      code: "import { Repository } from 'typeorm';\nexport type Batches = Repository<unknown>;",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 28, data: { name: 'typeorm', via: '', typeNote: ' (type-only imports count too)', fix: storageFix('typeorm') } }],
    },
    {
      name: 'inline type specifiers count too',
      filename: orm('src/domain/x.ts'),
      code: "import { type Repository } from 'typeorm';",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 33 }],
    },
    {
      name: 'a subpath of a scoped package matched by a glob',
      filename: orm('src/domain/x.ts'),
      code: "import { S3Client } from '@aws-sdk/client-s3/dist-es';\nexport const client = new S3Client();",
      errors: [
        { messageId: 'infrastructurePackage', line: 1, column: 26, data: { name: '@aws-sdk/client-s3', via: " (as '@aws-sdk/client-s3/dist-es')", typeNote: '', fix: edgeFix('@aws-sdk/client-s3') } },
      ],
    },
    { name: 'node:fs', filename: orm('src/domain/x.ts'), code: "import { readFileSync } from 'node:fs';", errors: [{ messageId: 'ioBuiltin', line: 1, column: 30 }] },
    {
      name: 'fs/promises without node:',
      filename: orm('src/domain/x.ts'),
      code: "import { readFile } from 'fs/promises';\nexport const load = () => readFile('x');",
      errors: [{ messageId: 'ioBuiltin', line: 1, column: 26, data: { name: 'fs', via: " (as 'fs/promises')", typeNote: '' } }],
    },
    { name: 'export from', filename: orm('src/domain/x.ts'), code: "export { Pool } from 'pg';", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 22 }] },
    { name: 'import = require', filename: orm('src/domain/x.ts'), code: "import express = require('express');", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 26 }] },
    { name: 'require()', filename: orm('src/domain/x.ts'), code: "const http = require('node:http');", errors: [{ messageId: 'ioBuiltin', line: 1, column: 22 }] },
    { name: 'dynamic import()', filename: orm('src/domain/x.ts'), code: "const client = () => import('ioredis');", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 29 }] },
    { name: 'a parenthesised require', filename: orm('src/domain/x.ts'), code: "export const pg = (require)('pg');", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 29 }] },
    {
      name: 'import() with import attributes',
      filename: orm('src/domain/x.ts'),
      code: "export const client = () => import('ioredis', { with: { type: 'json' } });",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 36 }],
    },
    { name: 'typeof import() in a type', filename: orm('src/domain/x.ts'), code: "type Mongo = typeof import('mongodb');", errors: [{ messageId: 'infrastructurePackage', line: 1, column: 28 }] },
    {
      name: 'a package added by the config',
      filename: orm('src/domain/x.ts'),
      code: "import { connect } from 'my-db-client';",
      settings: { cosmic: { layers: { domain: '**/src/domain/**' }, infrastructure: { add: ['my-db-client'] } } },
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 25 }],
    },
    {
      name: 'a package added to the persistence list is infrastructure too',
      filename: orm('src/domain/x.ts'),
      code: "import { connect } from 'my-db-client';\nexport const db = connect();",
      settings: { cosmic: { layers: { domain: '**/src/domain/**' }, persistence: { add: ['my-db-client'] } } },
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 25 }],
    },
    {
      name: 'every @nestjs/* package, dependency injection included',
      filename: nest('domain/x.ts'),
      code: "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class UserUniqueness {}",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 28, data: { name: '@nestjs/common', via: '', typeNote: '', fix: edgeFix('@nestjs/common') } }],
    },
    {
      name: '@nestjs/cqrs with the shipped list',
      filename: nest('domain/x.ts'),
      code: "import { AggregateRoot } from '@nestjs/cqrs';\nexport class User extends AggregateRoot {}",
      settings: { cosmic: nestDomain },
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 31, data: { name: '@nestjs/cqrs', via: '', typeNote: '', fix: edgeFix('@nestjs/cqrs') } }],
    },
    {
      name: 'the NestJS integration of an ORM',
      filename: nest('domain/x.ts'),
      code: "import { InjectRepository } from '@nestjs/typeorm';\nexport const inject = InjectRepository(Object);",
      errors: [{ messageId: 'infrastructurePackage', line: 1, column: 34, data: { name: '@nestjs/typeorm', via: '', typeNote: '', fix: storageFix('@nestjs/typeorm') } }],
    },
  ],
});
