import os from 'node:os';
import type { Config } from './config.js';

/** A failed start whose message already says the cause and the fix, in one line for people. */
export class StartError extends Error {
  override name = 'StartError';
}

interface SystemError extends Error {
  code?: string;
  path?: string;
  syscall?: string;
}

/**
 * The one line `npm start` prints when it cannot start: what went wrong and what to do, for the
 * errors a start can meet on someone's machine (a taken port, a full disk, a directory it may
 * not write). Anything else keeps its own message; the stack stays in the debug log.
 */
export function startFailureLine(err: unknown, config: Config): string {
  return `Lifeline could not start: ${explain(err, config)}`;
}

function explain(err: unknown, config: Config): string {
  if (!(err instanceof Error)) return String(err);
  const { code, path, syscall } = err as SystemError;
  const where = path ?? config.dataDir;
  if (code === 'ENOSPC' || /No space left on device/i.test(err.message)) {
    return `the disk holding ${where} is full. Free some space, or set DATA_DIR to a directory on a disk with room.`;
  }
  if (err instanceof StartError) return err.message;
  if (code === 'EADDRINUSE') {
    return `port ${config.port} on ${config.host} is already in use. Stop what listens there, or set PORT to a free port.`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `HOST=${config.host} is not an address of this machine. Set HOST to one of its addresses (127.0.0.1, 0.0.0.0).`;
  }
  if (code === 'EACCES' && syscall === 'listen') {
    return `no permission to listen on port ${config.port}. Set PORT to 1024 or above.`;
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const user = os.userInfo().username;
    return `${user} may not write ${where} (${code}). Give ${user} write access there, or set DATA_DIR to a directory ${user} can write.`;
  }
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return `${where} is in the way: a file where a directory must be (${code}). Move it away, or set DATA_DIR to a directory.`;
  }
  return `${firstLine(err.message)} (LOG_LEVEL=debug shows the details)`;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
