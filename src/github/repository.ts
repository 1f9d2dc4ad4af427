/** The repository the gate runs on. */
export interface RepoRef {
  owner: string;
  repo: string;
}
