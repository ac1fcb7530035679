import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Screenshots for people to look at; test-results/ is not committed. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
/** The user guide's pictures, rewritten by the walkthrough when PARLEY_UPDATE_GUIDE=1 (docs/USER-GUIDE.md). */
export const GUIDE_SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'user-guide');
