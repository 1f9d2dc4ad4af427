#!/usr/bin/env node
// Release Readiness (MIT). Bundled third-party packages and their licenses: THIRD_PARTY_NOTICES.txt beside this file.
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var FORMAT_TITLE={lcov:"lcov",cobertura:"Cobertura XML",istanbul:"Istanbul json-summary",clover:"Clover XML",jacoco:"JaCoCo XML",go:"a Go coverprofile"},FORMAT_SHORT={lcov:"lcov",cobertura:"Cobertura",istanbul:"Istanbul",clover:"Clover",jacoco:"JaCoCo",go:"Go coverprofile"},FORMAT_MEASURE={lcov:"lines",cobertura:"lines",istanbul:"lines",clover:"statements",jacoco:"lines",go:"statements"},ALL_FORMATS_PHRASE="lcov, Cobertura XML, Istanbul json-summary, Clover XML, JaCoCo XML or a Go coverprofile";export{FORMAT_TITLE,FORMAT_SHORT,FORMAT_MEASURE,ALL_FORMATS_PHRASE};
//# sourceMappingURL=chunk-TYETGZXU.js.map
