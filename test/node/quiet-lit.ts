// vitest setup: some Node tests load modules that import lit (the term styles, an in-memory build's config). vitest
// resolves lit's development build, which warns once per process that it is in dev mode; the warning says nothing
// about the code under test, so it is marked as already given (lit keeps given warnings in this global set).
const holder = globalThis as { litIssuedWarnings?: Set<string> };
(holder.litIssuedWarnings ??= new Set()).add('dev-mode');
