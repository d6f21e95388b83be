// CommonJS projects (`require('cosmic-lint')` in an eslint.config.cjs or a CommonJS eslint.config.js)
// get the plugin itself, as from `import cosmic from 'cosmic-lint'`: the same object, so a config
// that names it in `plugins` and one of its own presets never clash. Node loads the ES module
// synchronously (require of ESM, Node >= 20.19); the named exports stay ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry is exactly a require of the ES module
import esm = require('./index.js');

export = esm.default;
