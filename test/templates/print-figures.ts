// `npm run template-figures`: per template, how many checklist items are checked automatically,
// by a sign-off, or left out of the PR gate; and the automatic share of the items the gate checks.
// Every check that is not a sign-off counts as automatic, whatever its kind (ci, files, metric,
// deployment, probe, window, …).
import { figuresOf, figuresTable, templateFiles } from './template-figures.ts';

const figures = templateFiles().map(figuresOf);
console.log(figuresTable(figures));
console.log('');
for (const f of figures) {
  const gated = f.automatic + f.signedOff;
  const share = gated === 0 ? 0 : Math.round((100 * f.automatic) / gated);
  console.log(`${f.name}: ${share}% automatic (${f.automatic} of the ${gated} items in the gate)`);
}
