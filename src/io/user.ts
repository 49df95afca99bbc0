import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** Who is at the keyboard, for a `reviewed.by`: git's user.name in the project, else the OS user. */
export function currentUser(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // No git, or no name set: the OS user below.
  }
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
