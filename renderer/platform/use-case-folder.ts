// The cases folder as a dialog needs it: its listing to show, and a way to resolve what the user typed against it.
// Resolving waits for the listing, so a bare file name typed and sent before the folder has loaded still goes to the
// cases folder instead of reaching the core as a relative path (which the core rightly refuses).
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client.js';
import { platform } from '../services.js';
import { resolveTypedPath, type CaseFolderListing } from './platform.js';

export interface CaseFolder {
  listing: CaseFolderListing | null;
  error: string | null;
  /** The typed path as the core should get it, once the folder is known (see resolveTypedPath). */
  resolve(typed: string): Promise<string>;
}

export function useCaseFolder(enabled = true): CaseFolder {
  const [listing, setListing] = useState<CaseFolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef<Promise<CaseFolderListing | null> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const load = platform().caseFolder();
    loading.current = load;
    load.then(setListing, (err: unknown) => setError(messageOf(err)));
  }, [enabled]);

  const resolve = useCallback(async (typed: string) => {
    const known = await (loading.current ?? platform().caseFolder()).catch(() => null);
    return resolveTypedPath(typed, known);
  }, []);

  return { listing, error, resolve };
}
