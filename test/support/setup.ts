// Runs before each test file, in every project (vitest.config.ts setupFiles): the cleanups tests register through
// test/helpers.ts run after each test. Registered here rather than where the helpers live: the fast project shares
// modules between the test files of a worker (isolate: false), so a module's top level runs once per worker, and a
// hook registered there would serve only the first file; a setup file runs again for every test file.
import { afterEach } from 'vitest';
import { runCleanups } from './cleanups.js';

afterEach(runCleanups);
