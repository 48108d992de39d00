import type {
  MailVerdict,
  MessageMailHandler,
  MessageMailQueue,
} from '../../../application/ports/message-mail-queue.port';

/**
 * The mail queue without Redis (`npm start`): jobs live in this process and run one at a time
 * once consume() is called; a refused mail comes back at its next try. Jobs not done at
 * shutdown are not lost: their rows stay pending and the next start's sweeper queues them.
 */
export class InProcessMessageMailQueue implements MessageMailQueue {
  private handler: MessageMailHandler | undefined;
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running: Promise<void> | undefined;
  private closed = false;

  async enqueue(messageId: string): Promise<void> {
    if (this.closed || this.queued.has(messageId)) return;
    this.queued.add(messageId);
    this.waiting.push(messageId);
    this.pump();
  }

  consume(handler: MessageMailHandler): void {
    this.handler = handler;
    this.pump();
  }

  /** Resolves once nothing waits or runs (a retry waiting for its time aside). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.running;
  }

  private pump(): void {
    if (this.running || !this.handler || this.closed) return;
    const handler = this.handler;
    this.running = (async () => {
      for (let id = this.waiting.shift(); id; id = this.waiting.shift()) {
        this.queued.delete(id);
        // A throw (database away) comes back like a refused mail; the row still says pending.
        const verdict = await handler
          .handle(id)
          .catch((): MailVerdict => ({ kind: 'later', delayMs: 5000 }));
        if (verdict.kind === 'later') this.later(id, verdict.delayMs);
      }
    })().finally(() => {
      this.running = undefined;
      if (this.waiting.length > 0) this.pump();
    });
  }

  private later(id: string, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.enqueue(id);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }
}
