// zod probes for eval with Function('') to compile faster parsers; the CSP refuses it and files a
// violation report. zod reads this global when it loads, so it must be set before any module
// runs: a classic script runs before every module script, whatever order the bundler gives the
// chunks (a lazily split chunk once parsed a schema before an import in main.tsx could configure
// zod). Interpreted parsers are plenty for forms.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
