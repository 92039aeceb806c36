// Runs one of the product's npm scripts in a child process, as an operator
// types it (`npm run backup -- <file>`), with the environment the test gives.
import { spawn } from 'node:child_process';

const root = new URL('../../../', import.meta.url).pathname;

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNpmScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: root,
      // No .env of the checkout may decide which database the script touches.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
