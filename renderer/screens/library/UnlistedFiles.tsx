// Case files that sit in the default folder but were never opened here (copied in, or made by the command line).
import type { CaseFolderFile } from '../../platform/platform.js';
import { openCase } from '../../state/cases.js';
import { formatInstant } from '../../ui/dates.js';

export function UnlistedFiles({ files }: { files: CaseFolderFile[] }) {
  return (
    <div className="unlisted">
      <h3 id="unlisted-heading">In the case folder, not opened yet</h3>
      <ul className="file-list" aria-labelledby="unlisted-heading">
        {files.map((file) => (
          <li key={file.path} className="file-list__item">
            <button type="button" className="link-button" onClick={() => void openCase(file.path)}>
              {file.name}
            </button>
            <span className="muted">changed {formatInstant(file.modifiedAt)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
