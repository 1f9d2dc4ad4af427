// `npm run template-figures`: per template, how many checklist items are checked automatically,
// by a sign-off, or left out of the PR gate.
import { figuresOf, figuresTable, templateFiles } from './template-figures.ts';

console.log(figuresTable(templateFiles().map(figuresOf)));
