import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads a password from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new CliError('没有可交互的终端：请通过环境变量 XUEJI_PASSWORD 提供密码。', 2));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** The service's error code (ILLEGAL_TRANSITION, VALIDATION …) when the refusal came from a call: stable, for scripts. */
    readonly code?: string,
  ) {
    super(message);
  }
}
