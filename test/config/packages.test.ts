import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isInfrastructure } from '../../src/checks/domain-purity.js';
import { isPersistence } from '../../src/checks/handlers-use-unit-of-work.js';
import { resolveConfig } from '../../src/config/load.js';
import type { CosmicConfigInput } from '../../src/config/types.js';

const configWith = (lists: Pick<CosmicConfigInput, 'infrastructure' | 'persistence'> = {}) => resolveConfig({ layers: { domain: 'src/domain/**' }, ...lists }, os.tmpdir(), 'test');

const verdicts = (config: ReturnType<typeof configWith>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, [isPersistence(config, name), isInfrastructure(config, name)]]));

describe('the two package lists', () => {
  it('ships persistence (storage) inside infrastructure (everything the domain must not import)', () => {
    const config = configWith();
    // [persistence, infrastructure]
    const storage = [
      'typeorm',
      '@nestjs/typeorm',
      'prisma',
      '@prisma/client',
      'mongoose',
      '@nestjs/mongoose',
      'mongodb',
      'pg',
      'pg-promise',
      'postgres',
      'mysql',
      'mysql2',
      'knex',
      'kysely',
      'sequelize',
      'sequelize-typescript',
      'slonik',
      'drizzle-orm',
      '@mikro-orm/core',
      '@mikro-orm/postgresql',
      'redis',
      'ioredis',
      '@redis/client',
      'better-sqlite3',
      'sqlite3',
      'sqlite',
      '@elastic/elasticsearch',
    ];
    expect(verdicts(config, storage)).toEqual(Object.fromEntries(storage.map((name) => [name, [true, true]])));
    expect(verdicts(config, ['@nestjs/common', '@nestjs/core', '@nestjs/cqrs', '@nestjs/platform-express', 'express', 'axios', 'kafkajs', '@aws-sdk/client-s3', 'fs', 'child_process'])).toEqual({
      '@nestjs/common': [false, true],
      '@nestjs/core': [false, true],
      '@nestjs/cqrs': [false, true],
      '@nestjs/platform-express': [false, true],
      express: [false, true],
      axios: [false, true],
      kafkajs: [false, true],
      '@aws-sdk/client-s3': [false, true],
      fs: [false, true],
      child_process: [false, true],
    });
    expect(verdicts(config, ['uuid', 'zod', 'crypto', '@nestjsx/crud', 'typeorm-naming-strategies'])).toEqual({
      uuid: [false, false],
      zod: [false, false],
      crypto: [false, false],
      '@nestjsx/crud': [false, false],
      'typeorm-naming-strategies': [false, false],
    });
  });

  it("makes what is added to persistence infrastructure too; each list's remove applies to that list", () => {
    const config = configWith({ persistence: { add: ['@corp/db-*', 'my-store'], remove: ['ioredis'] }, infrastructure: { add: ['my-http'], remove: ['pg'] } });
    expect(verdicts(config, ['@corp/db-client', 'my-store', 'ioredis', 'my-http', 'pg'])).toEqual({
      '@corp/db-client': [true, true],
      'my-store': [true, true],
      // no longer storage for the handlers, still kept out of the domain
      ioredis: [false, true],
      'my-http': [false, true],
      // the domain may import it, a handler still may not
      pg: [true, false],
    });
  });

  it('removes a name a shipped pattern covers, and a pattern with every name it covers', () => {
    expect(verdicts(configWith({ infrastructure: { remove: ['@nestjs/cqrs'] } }), ['@nestjs/cqrs', '@nestjs/common'])).toEqual({
      '@nestjs/cqrs': [false, false],
      '@nestjs/common': [false, true],
    });
    const withoutNest = configWith({ infrastructure: { remove: ['@nestjs/*'] } });
    expect(verdicts(withoutNest, ['@nestjs/common', '@nestjs/typeorm', 'typeorm'])).toEqual({
      '@nestjs/common': [false, false],
      '@nestjs/typeorm': [true, false],
      typeorm: [true, true],
    });
    expect(withoutNest.infrastructure.packages.has('@nestjs/typeorm')).toBe(false);
    expect(withoutNest.infrastructure.patterns).not.toContain('@nestjs/*');
    expect(configWith({ persistence: { remove: ['@mikro-orm/postgresql'] } }).persistence.removed).toEqual(['@mikro-orm/postgresql']);
    expect(isPersistence(configWith({ persistence: { remove: ['@mikro-orm/postgresql'] } }), '@mikro-orm/core')).toBe(true);
  });
});
