import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['service-layer-knows-no-http']!;
const ruleTester = new RuleTester();
const file = (...segments: string[]) => fixturePath('violations', 'service-layer-knows-no-http', 'src', ...segments);
const service = file('service-layer', 'orders.service.ts');

ruleTester.run('service-layer-knows-no-http', rule, {
  valid: [
    { name: 'dependency injection from @nestjs/common', filename: service, code: "import { Injectable, Inject } from '@nestjs/common';\nexport const used = [Injectable, Inject];" },
    { name: "the service layer's own error", filename: service, code: 'export class OrderNotFound extends Error {}' },
    {
      name: 'HTTP in an entrypoint',
      filename: file('entrypoints', 'orders.controller.ts'),
      code: "import { Controller, NotFoundException } from '@nestjs/common';\nexport const used = [Controller, NotFoundException];",
    },
    { name: "HTTP in the domain is another rule's", filename: file('domain', 'order.ts'), code: "import { NotFoundException } from '@nestjs/common';\nexport const used = NotFoundException;" },
  ],
  invalid: [
    {
      name: 'a NestJS HTTP exception beside Injectable',
      filename: service,
      code: "import { Injectable, NotFoundException } from '@nestjs/common';\nexport const used = [Injectable, NotFoundException];",
      errors: [{ messageId: 'httpImport', line: 1, column: 47 }],
    },
    {
      name: 'HttpStatus',
      filename: service,
      code: "import { HttpStatus } from '@nestjs/common';\nexport const code = HttpStatus.NOT_FOUND;",
      errors: [{ messageId: 'httpImport', line: 1, column: 28 }],
    },
    {
      name: 'a type-only import of express',
      filename: service,
      code: "import type { Request } from 'express';\nexport type R = Request;",
      errors: [{ messageId: 'httpImport', line: 1, column: 30 }],
    },
    {
      name: 'an HTTP error package, default import',
      filename: service,
      code: "import createError from 'http-errors';\nexport const e = createError;",
      errors: [{ messageId: 'httpImport', line: 1, column: 25 }],
    },
    {
      name: 'a require of express',
      filename: service,
      code: "import express = require('express');\nexport const app = express;",
      errors: [{ messageId: 'httpImport', line: 1, column: 26 }],
    },
    {
      name: 'the REQUEST token of @nestjs/core',
      filename: service,
      code: "import { REQUEST } from '@nestjs/core';\nexport const token = REQUEST;",
      errors: [{ messageId: 'httpImport', line: 1, column: 25 }],
    },
  ],
});
