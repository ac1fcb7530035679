// What a case file takes as an attachment, and the sentence that refuses the rest (shared/attachments.ts).
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, attachmentRefusal, formatFileSize, mediaTypeForFileName } from '../../shared/attachments.js';

describe('attachments', () => {
  it('knows a file by its extension, in any case, and not a type it does not take', () => {
    expect(mediaTypeForFileName('Order.PDF')).toBe('application/pdf');
    expect(mediaTypeForFileName('letter.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mediaTypeForFileName('scan.jpeg')).toBe('image/jpeg');
    expect(mediaTypeForFileName('setup.exe')).toBeNull();
    expect(mediaTypeForFileName('README')).toBeNull();
  });

  it('says sizes as a person reads them', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(812)).toBe('812 bytes');
    expect(formatFileSize(14_540)).toBe('14.2 KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20.0 MB');
  });

  it('refuses another type, an empty file and one over the limit, in a sentence naming the file', () => {
    expect(attachmentRefusal('Order.pdf', 'application/pdf', 10)).toBeNull();
    expect(attachmentRefusal('setup.exe', 'application/x-msdownload', 10)).toMatch(/^“setup\.exe” cannot be attached: Parley takes PDF \(\.pdf\), .*WebP image \(\.webp\)\.$/);
    expect(attachmentRefusal('empty.txt', 'text/plain', 0)).toBe('“empty.txt” is empty: there is nothing to attach.');
    // One byte over rounds to the limit in megabytes, so the bytes are said too.
    expect(attachmentRefusal('annex.pdf', 'application/pdf', MAX_ATTACHMENT_BYTES + 1)).toBe(
      '“annex.pdf” is 25.0 MB (26,214,401 bytes); an attachment can be at most 25 MB (26,214,400 bytes).',
    );
  });
});
