// An attachment shown inside the app, in a dialog: an image as an image (a data: URL, which the CSP allows for images
// only), plain text, CSV and Markdown as text in a <pre> (never as markup), a PDF drawn page by page to canvases by
// PDF.js (pdf-pages.ts: no scripts of the file run), and a Word document by the text Parley read from it, said so.
// Nothing the file holds is ever put into the page as HTML.
import { useEffect, useRef, useState } from 'react';
import { acceptedType } from '../../../shared/attachments.js';
import { useRead } from '../../state/data.js';
import type { Attachment } from '../../state/attachments.js';
import { Dialog } from '../Dialog.js';
import { bytesOfBase64 } from '../exports/deliver-export.js';
import type { PdfDocument } from './pdf-pages.js';
import './attachments.css';

/** The widest a page is drawn, in CSS pixels; a narrower dialog draws it at its own width. */
const PAGE_WIDTH = 800;
const pageWidthIn = (element: HTMLElement) => Math.min(PAGE_WIDTH, element.parentElement?.clientWidth || PAGE_WIDTH);

export function AttachmentPreview({ caseId, attachment, onClose }: { caseId: string; attachment: Attachment | null; onClose(): void }) {
  return (
    <Dialog open={attachment !== null} title={attachment ? `Preview: ${attachment.name}` : 'Preview'} onClose={onClose} className="attachment-preview">
      {attachment && <PreviewBody key={attachment.id} caseId={caseId} attachment={attachment} />}
    </Dialog>
  );
}

function PreviewBody({ caseId, attachment }: { caseId: string; attachment: Attachment }) {
  const kind = acceptedType(attachment.mediaType)?.preview ?? null;
  // A Word document has no picture of its pages here, only its text: the bytes are not needed.
  const file = useRead('attachment.read', kind ? { caseId, id: attachment.id } : null);
  // The text as the core read it, fresh (the list's copy may predate the reading).
  const record = useRead('attachment.get', { caseId, id: attachment.id });
  const text = record.data?.extractedText ?? null;
  if (file.error) return <p className="notice notice--error" role="alert">The file could not be read: {file.error}</p>;
  if (kind === null) {
    return (
      <>
        <p className="notice">A Word document cannot be shown as it looks; this is its text, as Parley read it.</p>
        {record.data ? <ExtractedText text={text} /> : <p className="muted">Reading…</p>}
      </>
    );
  }
  if (!file.data) return <p className="muted" role="status">Opening “{attachment.name}”…</p>;
  const { dataBase64, mediaType } = file.data;
  if (kind === 'image') return <img className="attachment-preview__image" src={`data:${mediaType};base64,${dataBase64}`} alt={`The image “${attachment.name}”`} />;
  if (kind === 'text') return <pre className="attachment-preview__text" tabIndex={0} aria-label={`The text of “${attachment.name}”`}>{new TextDecoder().decode(bytesOfBase64(dataBase64))}</pre>;
  return (
    <>
      <PdfPages dataBase64={dataBase64} name={attachment.name} />
      {text && (
        <details className="attachment-preview__details">
          <summary>Its text, as Parley read it</summary>
          <ExtractedText text={text} />
        </details>
      )}
    </>
  );
}

function ExtractedText({ text }: { text: string | null }) {
  if (!text) return <p className="muted">Parley found no text in it.</p>;
  return <pre className="attachment-preview__text" tabIndex={0} aria-label="Its text">{text}</pre>;
}

/** The pages of a PDF, each drawn when it comes into view (a long file does not draw a hundred pages at once). */
function PdfPages({ dataBase64, name }: { dataBase64: string; name: string }) {
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancel = () => undefined as void;
    let current = true;
    let opened: PdfDocument | null = null;
    import('./pdf-pages.js')
      .then(({ openPdf }) => {
        const task = openPdf(bytesOfBase64(dataBase64));
        cancel = task.cancel;
        return task.promise;
      })
      .then((d) => {
        opened = d;
        if (current) setDoc(d);
      })
      .catch((err: unknown) => current && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      current = false;
      cancel();
      void opened?.destroy();
    };
  }, [dataBase64]);
  if (error) return <p className="notice notice--error" role="alert">“{name}” could not be shown: {error}. Save a copy to open it in another program.</p>;
  if (!doc) return <p className="muted" role="status">Opening “{name}”…</p>;
  return (
    <div className="attachment-preview__pages" aria-label={`The pages of “${name}”`} role="group">
      <p className="muted">{doc.numPages === 1 ? '1 page' : `${doc.numPages} pages`}</p>
      {Array.from({ length: doc.numPages }, (_, i) => <PdfPage key={i} doc={doc} pageNumber={i + 1} />)}
    </div>
  );
}

function PdfPage({ doc, pageNumber }: { doc: PdfDocument; pageNumber: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  const [drawn, setDrawn] = useState<'no' | 'yes' | 'failed'>('no');
  useEffect(() => {
    let current = true;
    const element = canvas.current;
    if (!element) return;
    void import('./pdf-pages.js').then(({ pageHeight }) => pageHeight(doc, pageNumber, pageWidthIn(element))).then((h) => current && setHeight(h), () => undefined);
    return () => void (current = false);
  }, [doc, pageNumber]);
  useEffect(() => {
    const element = canvas.current;
    if (!element || drawn !== 'no') return;
    // Drawn once it is within a screen of the view; the dialog scrolls, so it is the root.
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void import('./pdf-pages.js')
        .then(({ drawPage }) => drawPage(doc, pageNumber, element, pageWidthIn(element)))
        .then(() => setDrawn('yes'), () => setDrawn('failed'));
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [doc, pageNumber, drawn]);
  const total = doc.numPages;
  return (
    <figure className="attachment-preview__page" data-page={pageNumber} data-drawn={drawn}>
      <canvas ref={canvas} role="img" aria-label={`Page ${pageNumber} of ${total}`} style={height && drawn === 'no' ? { width: '100%', maxWidth: PAGE_WIDTH, height } : undefined} />
      {drawn === 'failed' && <figcaption className="field__error">Page {pageNumber} could not be drawn.</figcaption>}
    </figure>
  );
}
