import { createCore, type Core } from '../../src/core/index.js';

let shared: Core | undefined;

/** One loaded core per test file: loading and validating the YAML takes a few hundred ms. */
export function testCore(): Core {
  shared ??= createCore();
  return shared;
}
