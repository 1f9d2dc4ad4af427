#!/usr/bin/env node
// Release Readiness (MIT). Bundled third-party packages and their licenses: THIRD_PARTY_NOTICES.txt beside this file.
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
function errorMessage(error){return error instanceof Error?error.message:String(error)}export{errorMessage};
//# sourceMappingURL=chunk-PP76GUTB.js.map
