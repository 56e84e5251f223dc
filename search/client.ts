import { Meilisearch, type EnqueuedTaskPromise, type Task } from 'meilisearch';

export function createMeili(host: string, apiKey: string): Meilisearch {
  return new Meilisearch({ host, apiKey, timeout: 10_000 });
}

/**
 * Waits for a Meilisearch task and fails unless it succeeded: `waitTask` resolves for failed
 * tasks too, and gives up after 5 s by default, which a large batch can exceed.
 */
export async function settled(enqueued: EnqueuedTaskPromise, timeoutMs = 120_000): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: 25 });
  if (task.status !== 'succeeded') {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${reason}`);
  }
  return task;
}
