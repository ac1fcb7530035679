import os from 'node:os';
import path from 'node:path';

/**
 * The app's data folder, where Electron's app.getPath('userData') puts it for an app named Parley, so that the
 * desktop app, the command line and the browser harness share one library by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Parley');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Parley');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Parley');
}

/** Who is acting, for the author fields and the audit trail, when nobody has said otherwise. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'unknown user';
  } catch {
    return 'unknown user';
  }
}
