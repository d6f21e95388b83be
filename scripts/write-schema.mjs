// Writes schema.json from the config schema the loader validates against (src/config/schema.ts).
import fs from 'node:fs';
import { CONFIG_SCHEMA } from '../dist/src/config/schema.js';

const target = new URL('../schema.json', import.meta.url);
const temporary = new URL(`../schema.json.${process.pid}.tmp`, import.meta.url);
fs.writeFileSync(temporary, `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
fs.renameSync(temporary, target);
console.log('wrote schema.json');
