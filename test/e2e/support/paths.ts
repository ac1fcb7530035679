import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Screenshots for people to look at; test-results/ is not committed. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
