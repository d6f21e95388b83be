// cosmic's rules with each `create` and listener timed: how long a lint spent inside them. It varies
// far less between runs than the lint's whole time on a shared machine, and all of it is cosmic's
// own doing (ESLint's traversal and typescript-eslint's parse are outside).
export function timedRules(cosmic) {
  let elapsed = 0;
  const timed = (callback) =>
    function (...args) {
      const started = performance.now();
      try {
        return callback.apply(this, args);
      } finally {
        elapsed += performance.now() - started;
      }
    };
  const rules = Object.fromEntries(
    Object.entries(cosmic.rules).map(([name, rule]) => [
      name,
      { ...rule, create: timed((context) => Object.fromEntries(Object.entries(rule.create(context)).map(([selector, listener]) => [selector, timed(listener)]))) },
    ]),
  );
  const plugin = { ...cosmic, rules };
  return {
    /** A preset's config with the timed rules in place of cosmic's. */
    config: (preset) => ({ ...cosmic.configs[preset], plugins: { cosmic: plugin } }),
    elapsed: () => elapsed,
  };
}
