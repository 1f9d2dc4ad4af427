// Before a release is published: the tag is the package's version, and every place that names the
// action or the package names the repository the release comes from, at the tag's major version.
// npm's provenance check refuses a package whose repository.url is not the repository that built it;
// this says so before any tag moves, and also catches the README and the workflow `init` writes.
//
// Usage: node scripts/check-release.ts [tag] [owner/repo]   (defaults: GITHUB_REF_NAME, GITHUB_REPOSITORY)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The name the repository uses until its real location exists (see the README, "Releases"). Spelled in
 * two parts so that replacing the placeholder everywhere leaves this check in place.
 */
const PLACEHOLDER = ['acme', 'release-readiness'].join('/');

const [tag = process.env.GITHUB_REF_NAME, repository = process.env.GITHUB_REPOSITORY] = process.argv.slice(2);
if (!tag || !repository) throw new Error('usage: check-release.ts <tag> <owner/repo> (or GITHUB_REF_NAME and GITHUB_REPOSITORY)');

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; repository?: { url?: string } };
const major = manifest.version.split('.')[0];
const problems: string[] = [];

if (tag !== `v${manifest.version}`) problems.push(`the tag ${tag} is not v${manifest.version}, the version in package.json: set "version" and tag again`);

const expectedUrl = `git+https://github.com/${repository}.git`;
if (manifest.repository?.url !== expectedUrl) problems.push(`package.json repository.url is ${manifest.repository?.url ?? 'missing'}, not ${expectedUrl}: npm's provenance check would refuse the package`);

const escaped = repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const versioned = new RegExp(`${escaped}(?:@|/)v(\\d+)\\b`, 'gi');
const files = execFileSync('git', ['ls-files', '--', '.', ':!dist', ':!package-lock.json'], { encoding: 'utf8' }).split('\n').filter(Boolean);
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  text.split('\n').forEach((line, index) => {
    if (repository.toLowerCase() !== PLACEHOLDER && line.includes(PLACEHOLDER)) problems.push(`${file}:${index + 1}: names ${PLACEHOLDER}, a placeholder: replace it with ${repository}`);
    for (const match of line.matchAll(versioned)) {
      if (match[1] !== major) problems.push(`${file}:${index + 1}: names ${match[0]}, but this release is v${major}`);
    }
  });
}

if (problems.length > 0) {
  console.error(`Not ready to release ${tag} from ${repository}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`${tag} from ${repository}: the tag, package.json and every mention of the action agree`);
}
