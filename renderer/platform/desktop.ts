// The desktop platform: the Electron shell's native file dialogs, from window.parleyDesktop (shared/desktop.ts).
import type { ParleyDesktop } from '../../shared/desktop.js';
import type { Platform } from './platform.js';

export function desktopPlatform(desktop: ParleyDesktop): Platform {
  return {
    name: 'desktop',
    // New case files go to the app's cases folder unless the user chooses another place in the save dialog.
    caseFolder: () => desktop.caseFolder(),
    pickCaseFile: () => desktop.chooseCaseFileToOpen(),
    pickNewCaseFile: (suggestedName) => desktop.chooseNewCaseFile(suggestedName),
    pickChangesFile: () => desktop.chooseChangesFileToOpen(),
    pickChangesTarget: (suggestedName) => desktop.chooseChangesFileToSave(suggestedName),
    saveExport: (file) => desktop.saveExportedFile(file),
    passphrases: {
      availability: () => desktop.passphraseStoreAvailability(),
      isRemembered: (path) => desktop.isPassphraseRemembered(path),
      remember: (path, passphrase) => desktop.rememberPassphrase(path, passphrase),
      forget: (path) => desktop.forgetPassphrase(path),
    },
  };
}
