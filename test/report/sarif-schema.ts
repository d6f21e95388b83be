import fs from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { REPO_ROOT } from '../helpers.js';
import { isUri, isUriReference } from './uri.js';

/** The official SARIF 2.1.0 schema, as Microsoft publishes it in @microsoft/jest-sarif (a dev dependency, not copied here). */
const sarifSchema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// ajv-draft-04 is CommonJS with a `default` export.
const AjvDraft04 = ((ajvDraft04 as unknown as { default?: unknown }).default ?? ajvDraft04) as typeof ajvDraft04.default;

/**
 * Validates a SARIF log against that schema. It is JSON Schema draft-04 (Ajv's draft-04 build), and
 * one of its patterns is not valid in unicode mode. Its URI formats are checked (RFC 3986,
 * ./uri.ts): a path from the project must be percent-encoded to pass.
 */
export const validateSarif = new AjvDraft04({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  formats: { uri: isUri, 'uri-reference': isUriReference, 'date-time': (text: string) => !Number.isNaN(Date.parse(text)) },
}).compile(sarifSchema);
