import type { MailVerdict } from '../../../application/ports/message-mail-queue.port';
import { InProcessMessageMailQueue } from './in-process-message-mail.queue';

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((r) => setTimeout(r, 1));
};

describe('InProcessMessageMailQueue', () => {
  let queue: InProcessMessageMailQueue;
  beforeEach(() => (queue = new InProcessMessageMailQueue()));
  afterEach(() => queue.close());

  it('holds jobs until consumed, once per message while it waits', async () => {
    const handled: string[] = [];
    await queue.enqueue('m1');
    await queue.enqueue('m1');
    await queue.enqueue('m2');
    expect(handled).toEqual([]);
    queue.consume({
      handle: async (id) => {
        handled.push(id);
        return { kind: 'done' };
      },
    });
    await queue.whenIdle();
    expect(handled).toEqual(['m1', 'm2']);
  });

  it('a later verdict brings the message back at its time', async () => {
    const verdicts: MailVerdict[] = [{ kind: 'later', delayMs: 1 }, { kind: 'done' }];
    const handled: string[] = [];
    queue.consume({
      handle: async (id) => {
        handled.push(id);
        return verdicts.shift()!;
      },
    });
    await queue.enqueue('m1');
    await until(() => handled.length === 2);
    expect(handled).toEqual(['m1', 'm1']);
  });

  it('takes nothing more once closed', async () => {
    const handled: string[] = [];
    await queue.close();
    queue.consume({
      handle: async (id) => {
        handled.push(id);
        return { kind: 'done' };
      },
    });
    await queue.enqueue('m1');
    await queue.whenIdle();
    expect(handled).toEqual([]);
  });
});
