// Logins are written as links without "@": an @mention in the living comment
// would notify everyone named each time the comment is created.
export function profileLink(login: string): string {
  return `[${login}](https://github.com/${encodeURIComponent(login)})`;
}
