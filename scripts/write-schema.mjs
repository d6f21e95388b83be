// Writes schema.json and the precompiled validator from the config schema the loader validates
// against (src/config/schema.ts); tests keep both equal to what the schema gives.
import fs from 'node:fs';
import { CONFIG_SCHEMA } from '../dist/src/config/schema.js';
import { validatorSource } from './validator-source.mjs';

function write(relative, text) {
  const target = new URL(`../${relative}`, import.meta.url);
  const temporary = new URL(`../${relative}.${process.pid}.tmp`, import.meta.url);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
  console.log(`wrote ${relative}`);
}

write('schema.json', `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
write('src/config/schema-validator.generated.cjs', validatorSource(CONFIG_SCHEMA));
