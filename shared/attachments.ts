// What a case file takes as an attachment, and the words for it: the types Parley accepts (and whether it reads their
// text for search), the largest file, and the sentence that refuses anything else. Pure, so the renderer can refuse a
// dropped file before sending its bytes, and the core refuses the same way where the call enters.

/** The largest attachment, in bytes: 25 MB (see shared/contract.ts for why no more). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export interface AcceptedAttachmentType {
  /** What a person calls it: "PDF", "Word document". */
  label: string;
  extensions: readonly string[];
  /** Whether Parley reads its text, offline, so that search finds words inside it. */
  text: boolean;
  /** Whether the app can show it inside its own window (a sandboxed preview). */
  preview: 'pdf' | 'image' | 'text' | null;
}

export const ACCEPTED_ATTACHMENT_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'], text: true, preview: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word document', extensions: ['.docx'], text: true, preview: null },
  'text/plain': { label: 'Plain text', extensions: ['.txt', '.text'], text: true, preview: 'text' },
  'text/markdown': { label: 'Markdown', extensions: ['.md', '.markdown'], text: true, preview: 'text' },
  'text/csv': { label: 'CSV', extensions: ['.csv'], text: true, preview: 'text' },
  'image/png': { label: 'PNG image', extensions: ['.png'], text: false, preview: 'image' },
  'image/jpeg': { label: 'JPEG image', extensions: ['.jpg', '.jpeg'], text: false, preview: 'image' },
  'image/gif': { label: 'GIF image', extensions: ['.gif'], text: false, preview: 'image' },
  'image/webp': { label: 'WebP image', extensions: ['.webp'], text: false, preview: 'image' },
} as const satisfies Record<string, AcceptedAttachmentType>;

export type AcceptedMediaType = keyof typeof ACCEPTED_ATTACHMENT_TYPES;

export function acceptedType(mediaType: string): AcceptedAttachmentType | null {
  return Object.hasOwn(ACCEPTED_ATTACHMENT_TYPES, mediaType) ? ACCEPTED_ATTACHMENT_TYPES[mediaType as AcceptedMediaType] : null;
}

/** The media type a file name's extension stands for, or null for one Parley does not take. */
export function mediaTypeForFileName(name: string): AcceptedMediaType | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot).toLowerCase();
  for (const [mediaType, type] of Object.entries(ACCEPTED_ATTACHMENT_TYPES)) {
    if ((type.extensions as readonly string[]).includes(extension)) return mediaType as AcceptedMediaType;
  }
  return null;
}

/** "PDF, Word document (.docx), plain text…": what the refusal of another type lists. */
export function acceptedTypesInWords(): string {
  return Object.values(ACCEPTED_ATTACHMENT_TYPES)
    .map((type) => `${type.label} (${type.extensions.join(', ')})`)
    .join(', ');
}

/** "812 bytes", "14.2 KB", "20.0 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file cannot be attached, in a sentence a person can act on; null when it can. */
export function attachmentRefusal(name: string, mediaType: string, size: number): string | null {
  if (!acceptedType(mediaType)) {
    return `“${name}” cannot be attached: Parley takes ${acceptedTypesInWords()}.`;
  }
  if (size > MAX_ATTACHMENT_BYTES) {
    // In bytes too: a file just over the limit rounds to the limit ("25.0 MB") and would read as allowed.
    const bytes = (n: number) => n.toLocaleString('en-US');
    return `“${name}” is ${formatFileSize(size)} (${bytes(size)} bytes); an attachment can be at most 25 MB (${bytes(MAX_ATTACHMENT_BYTES)} bytes).`;
  }
  if (size === 0) return `“${name}” is empty: there is nothing to attach.`;
  return null;
}
