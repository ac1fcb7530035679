// The desktop platform: the Electron shell's native file dialogs, from window.parleyDesktop (shared/desktop.ts).
import type { ParleyDesktop } from '../../shared/desktop.js';
import type { Platform } from './platform.js';

export function desktopPlatform(desktop: ParleyDesktop): Platform {
  return {
    name: 'desktop',
    // The desktop app has no default folder of its own: the system dialogs remember where the user was.
    caseFolder: async () => null,
    pickCaseFile: () => desktop.chooseCaseFileToOpen(),
    pickNewCaseFile: (suggestedName) => desktop.chooseNewCaseFile(suggestedName),
    saveExport: (file) => desktop.saveExportedFile(file),
    passphrases: {
      availability: () => desktop.passphraseStoreAvailability(),
      recall: (path) => desktop.recallPassphrase(path),
      remember: (path, passphrase) => desktop.rememberPassphrase(path, passphrase),
      forget: (path) => desktop.forgetPassphrase(path),
    },
  };
}
