/**
 * The renderer loads only its own bundle, in Electron and in the browser mode
 * alike. 'unsafe-inline' for styles is the one concession: MUI's emotion
 * injects <style> elements at run time. renderer/index.html carries the same
 * policy in a <meta> tag (without frame-ancestors, which a meta policy cannot
 * express): keep the two in step.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
