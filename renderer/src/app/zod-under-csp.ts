import { z } from 'zod';

// zod probes for eval with Function('') to compile faster parsers; the CSP refuses it and files a
// violation report on every load. Imported before any schema exists; interpreted parsers are
// plenty for forms.
z.config({ jitless: true });
