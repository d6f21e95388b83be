// `node bench/cache-floor.mjs <project> <cache.json>`: the least a warm `audit --cache` run must do
// before it checks anything, as the issue specifies the cache (per file, keyed by a content hash):
// start Node, list the sources, read and hash every one of them as the audit does (sha1 of the
// text), read and parse the cache file. It loads none of cosmic's code, reads no config, classifies
// and checks nothing, so a warm run can never be faster than this. bench/run.mjs times it beside
// the warm runs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [project, cacheFile] = process.argv.slice(2);
const root = path.join(project, 'src');
const sources = fs.readdirSync(root, { recursive: true }).filter((file) => /\.[cm]?tsx?$/.test(file));
for (const file of sources)
  createHash('sha1')
    .update(fs.readFileSync(path.join(root, file), 'utf8'))
    .digest('hex');
JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
