/**
 * zod compiles object parsers with `new Function` where it may, and finds out by trying one: an
 * eval that a Content-Security-Policy without `'unsafe-eval'` refuses and reports. Scene documents
 * are small, so the spec parses without compiling and never needs eval (the server's policy still
 * allows it for the Basis transcoder, see tools/server/security/csp.ts). Imported before any schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
