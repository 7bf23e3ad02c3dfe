import type PDFDocumentType from 'pdfkit';

export type PdfDocumentClass = typeof PDFDocumentType;

let loaded: Promise<PdfDocumentClass> | null = null;

/**
 * pdfkit, loaded on first use, in the flavour that matches the bundle core
 * runs from. Its ES module reads `import.meta.url` when it loads, which
 * esbuild leaves empty in the CommonJS bundle (Electron's utility process):
 * it would throw there before any label is printed. Its CommonJS build needs
 * `__filename`, which the ES module bundle (the web transport) does not have.
 * `__filename` exists exactly in CommonJS, so it decides.
 */
export function loadPdfKit(): Promise<PdfDocumentClass> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<PdfDocumentClass> {
  if (typeof __filename === 'string' && typeof require === 'function') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the CommonJS flavour, bundled by esbuild
    return require('pdfkit') as PdfDocumentClass;
  }
  return (await import('pdfkit')).default;
}
