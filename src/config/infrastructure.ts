import picomatch from 'picomatch';
import type { PackageList } from './types.js';

/**
 * Packages that reach storage: ORMs and query builders, database, cache and search clients, and
 * their framework integrations. A handler reaches storage through the unit of work only
 * (`cosmic/handlers-use-unit-of-work`). Entries may be globs over package names (`@mikro-orm/*`).
 * Dependency-injection packages (`@nestjs/common`, `inversify`, `tsyringe`) are not here: wiring a
 * handler is not reaching storage.
 */
export const PERSISTENCE_PACKAGES: readonly string[] = [
  // ORMs and query builders, with their NestJS integrations
  'typeorm',
  '@nestjs/typeorm',
  'prisma',
  '@prisma/client',
  '@prisma/adapter-*',
  'nestjs-prisma',
  'mongoose',
  '@nestjs/mongoose',
  '@typegoose/typegoose',
  'sequelize',
  'sequelize-typescript',
  '@nestjs/sequelize',
  '@mikro-orm/*',
  'knex',
  'objection',
  'kysely',
  'drizzle-orm',
  'bookshelf',
  'waterline',
  'slonik',
  '@slonik/*',
  // database clients (`sqlite` is also the `node:sqlite` built-in)
  'pg',
  'pg-promise',
  'pg-pool',
  'postgres',
  '@neondatabase/serverless',
  '@vercel/postgres',
  '@planetscale/database',
  '@libsql/client',
  'mysql',
  'mysql2',
  'mariadb',
  'sqlite',
  'sqlite3',
  'better-sqlite3',
  'mssql',
  'tedious',
  'oracledb',
  'mongodb',
  'cassandra-driver',
  'neo4j-driver',
  '@supabase/supabase-js',
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  'dynamoose',
  '@google-cloud/firestore',
  '@google-cloud/spanner',
  '@azure/cosmos',
  // cache and search clients
  'redis',
  'ioredis',
  '@redis/*',
  '@upstash/redis',
  'memcached',
  '@elastic/elasticsearch',
  '@opensearch-project/opensearch',
];

/** HTTP server frameworks: infrastructure to the domain, and what the service layer must not know (src/config/http.ts). */
export const HTTP_SERVERS: readonly string[] = ['express', 'fastify', '@fastify/*', 'koa', '@koa/*', 'hapi', '@hapi/*', 'restify', 'hono'];

/**
 * Infrastructure beyond storage: transport, messaging, cloud SDKs, application frameworks and I/O
 * built-ins. With the persistence list, the packages the domain must not import
 * (`cosmic/domain-purity`, and transitively `cosmic/no-transitive-violation`).
 */
const TRANSPORT_AND_IO: readonly string[] = [
  // queues and messaging
  'amqplib',
  'amqp-connection-manager',
  'kafkajs',
  '@confluentinc/kafka-javascript',
  'bull',
  'bullmq',
  'nats',
  'mqtt',
  'zeromq',
  'rhea',
  // cloud SDKs
  'aws-sdk',
  '@aws-sdk/*',
  '@google-cloud/*',
  '@azure/*',
  'firebase',
  'firebase-admin',
  // application frameworks (all of NestJS, @nestjs/cqrs included), http servers and clients
  '@nestjs/*',
  ...HTTP_SERVERS,
  'next',
  'socket.io',
  'ws',
  'apollo-server',
  '@apollo/server',
  'axios',
  'node-fetch',
  'got',
  'superagent',
  'undici',
  'ky',
  'request',
  // mail and notifications
  'nodemailer',
  '@sendgrid/mail',
  'twilio',
  // Node.js I/O built-ins (matched with or without `node:`)
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'worker_threads',
  'readline',
  'inspector',
  'v8',
  'vm',
];

/** Everything the domain must not import: persistence is infrastructure too. */
export const INFRASTRUCTURE_PACKAGES: readonly string[] = [...PERSISTENCE_PACKAGES, ...TRANSPORT_AND_IO];

const isGlob = (entry: string) => entry.includes('*');

/**
 * A package list from its entries minus `removed`. A removed entry takes out every name it
 * matches, also names only a pattern on the list would match, so `remove: ["@nestjs/cqrs"]` works
 * under `@nestjs/*` and `remove: ["@nestjs/*"]` takes out `@nestjs/typeorm` as well.
 */
export function packageList(entries: Iterable<string>, removed: readonly string[] = []): PackageList {
  const isRemoved = removed.length === 0 ? () => false : picomatch([...removed]);
  const kept = [...new Set(entries)].filter((entry) => !removed.includes(entry) && !(!isGlob(entry) && isRemoved(entry)));
  return {
    packages: new Set(kept.filter((entry) => !isGlob(entry))),
    patterns: kept.filter(isGlob),
    removed: [...new Set(removed)],
  };
}

const matcherCache = new WeakMap<PackageList, (name: string) => boolean>();

/** Whether a package name is on a list: an exact name, or matched by a pattern and not removed. */
export function onPackageList(list: PackageList, name: string): boolean {
  if (list.packages.has(name)) return true;
  let matches = matcherCache.get(list);
  if (!matches) {
    const byPattern = list.patterns.length === 0 ? () => false : picomatch(list.patterns);
    const isRemoved = list.removed.length === 0 ? () => false : picomatch(list.removed);
    matches = (candidate) => byPattern(candidate) && !isRemoved(candidate);
    matcherCache.set(list, matches);
  }
  return matches(name);
}
