#!/usr/bin/env node
// Release Readiness (MIT). Bundled third-party packages and their licenses: THIRD_PARTY_NOTICES.txt beside this file.
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
function readJsonPath(document,path){let current=document;for(let segment of path)if(Array.isArray(current)){if(!/^(0|[1-9]\d*)$/.test(segment)||Number(segment)>=current.length)return{found:!1};current=current[Number(segment)]}else if(current!==null&&typeof current=="object"&&Object.hasOwn(current,segment))current=current[segment];else return{found:!1};return{found:!0,value:current}}export{readJsonPath};
//# sourceMappingURL=chunk-AKCE5ALM.js.map
