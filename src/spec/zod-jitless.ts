/**
 * zod compiles object parsers with `new Function` where it may, and finds out by trying one: an
 * eval that the server's Content-Security-Policy refuses (and reports as a violation). Scene
 * documents are small, so the spec parses without compiling. Imported before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
