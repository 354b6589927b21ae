// The Mocha BDD globals web-test-runner provides in the browser (no @types/mocha in the dependencies).
type MochaDone = (error?: unknown) => void;
type MochaTest = ((done: MochaDone) => void) | (() => void | Promise<unknown>);

interface MochaSuiteFunction {
  (title: string, fn: () => void): void;
  only(title: string, fn: () => void): void;
  skip(title: string, fn: () => void): void;
}

interface MochaTestFunction {
  (title: string, fn?: MochaTest): void;
  only(title: string, fn?: MochaTest): void;
  skip(title: string, fn?: MochaTest): void;
}

declare const describe: MochaSuiteFunction;
declare const it: MochaTestFunction;
declare function before(fn: MochaTest): void;
declare function after(fn: MochaTest): void;
declare function beforeEach(fn: MochaTest): void;
declare function afterEach(fn: MochaTest): void;
