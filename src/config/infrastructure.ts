/**
 * Packages and built-ins the domain must not import: persistence, transport and I/O.
 * Entries may be globs over package names (`@aws-sdk/*`). A config can `add` and `remove`.
 */
export const INFRASTRUCTURE_PACKAGES: readonly string[] = [
  // ORMs and query builders
  'typeorm', '@mikro-orm/*', 'prisma', '@prisma/client', 'sequelize', 'sequelize-typescript', 'mongoose',
  'knex', 'kysely', 'drizzle-orm', 'objection', 'bookshelf', 'waterline', '@nestjs/typeorm', '@nestjs/mongoose',
  // database, cache and search clients
  'pg', 'pg-promise', 'postgres', '@neondatabase/serverless', 'mysql', 'mysql2', 'mariadb', 'sqlite', 'sqlite3',
  'better-sqlite3', 'mssql', 'tedious', 'oracledb', 'mongodb', 'redis', 'ioredis', '@redis/*', 'memcached',
  'cassandra-driver', 'neo4j-driver', '@elastic/elasticsearch', '@opensearch-project/opensearch', '@supabase/supabase-js',
  // queues and messaging
  'amqplib', 'amqp-connection-manager', 'kafkajs', '@confluentinc/kafka-javascript', 'bull', 'bullmq', 'nats',
  'mqtt', 'zeromq', 'rhea',
  // cloud SDKs
  'aws-sdk', '@aws-sdk/*', '@google-cloud/*', '@azure/*', 'firebase', 'firebase-admin',
  // http frameworks and clients
  'express', 'fastify', 'koa', '@koa/*', 'hapi', '@hapi/*', 'restify', 'hono', 'next', '@nestjs/common',
  '@nestjs/core', '@nestjs/platform-express', '@nestjs/platform-fastify', 'socket.io', 'ws', 'apollo-server',
  '@apollo/server', 'axios', 'node-fetch', 'got', 'superagent', 'undici', 'ky', 'request',
  // mail and notifications
  'nodemailer', '@sendgrid/mail', 'twilio',
  // Node.js I/O built-ins (matched with or without `node:`)
  'fs', 'net', 'http', 'https', 'http2', 'child_process', 'cluster', 'dgram', 'dns', 'tls', 'worker_threads',
  'readline', 'inspector', 'sqlite', 'v8', 'vm',
];
