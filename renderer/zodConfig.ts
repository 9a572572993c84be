// The CSP allows no eval. Without this, zod builds its object schemas to compile a fast parser with
// `new Function` and probes for it on the first parse; the browser reports the refused probe as a CSP
// violation on every page load, although zod carries on without it. Imported first by main.tsx, because
// each schema reads the setting when it is built.
import { z } from 'zod';

z.config({ jitless: true });
