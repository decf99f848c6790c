// Runs the `aanwezig` command as a child process (as an operator would) and collects its exit code and output.
import { spawn } from 'node:child_process';

export interface CliOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string | undefined>): Promise<CliOutput> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/aanwezig.mjs', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
