// content-file objects (base64 content, 60-column lines as GitHub sends them)
// and content-directory entries.
import { gitBlobSha } from '../ids.ts';
import { treeSha } from '../state/trees.ts';
import type { RepoRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function entry(ctx: RenderContext, repo: RepoRecord, ref: string, path: string, type: 'file' | 'dir', sha: string, size: number): Json {
  const url = `${ctx.api}/repos/${repo.fullName}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const git = `${ctx.api}/repos/${repo.fullName}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${webOrigin}/${repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${encodeURIComponent(ref)}/${encodePath(path)}`;
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha,
    size,
    url,
    html_url: html,
    git_url: git,
    download_url: type === 'file' ? `https://raw.githubusercontent.com/${repo.fullName}/${encodeURIComponent(ref)}/${encodePath(path)}` : null,
    type,
    _links: { self: url, git, html },
  };
}

export function renderFile(ctx: RenderContext, repo: RepoRecord, ref: string, path: string, content: string): Json {
  const base64 = Buffer.from(content).toString('base64');
  return {
    ...entry(ctx, repo, ref, path, 'file', gitBlobSha(content), Buffer.byteLength(content)),
    content: (base64.match(/.{1,60}/g) ?? []).join('\n') + (base64 ? '\n' : ''),
    encoding: 'base64',
  };
}

/** The entries directly under `dir` (empty string for the root), or undefined if none. */
export function renderDirectory(ctx: RenderContext, repo: RepoRecord, ref: string, dir: string, tree: Map<string, string>): Json[] | undefined {
  const prefix = dir ? `${dir}/` : '';
  const children = new Map<string, Json>();
  for (const [path, content] of tree) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    if (!name || children.has(name)) continue;
    const full = prefix + name;
    children.set(name, rest.length ? entry(ctx, repo, ref, full, 'dir', treeSha(tree, full)!, 0) : entry(ctx, repo, ref, full, 'file', gitBlobSha(content), Buffer.byteLength(content)));
  }
  return children.size ? [...children.values()].sort((a, b) => String(a.name).localeCompare(String(b.name))) : undefined;
}
