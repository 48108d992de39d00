import type { CallerMessage, CallerMessages, DueMail } from '../ports/caller-messages.port';
import type { SalonMailer } from '../ports/salon-mailer.port';
import { MAIL_ATTEMPTS, SendMessageMailUseCase } from './send-message-mail.use-case';

const NOW = new Date('2026-11-26T14:00:00Z');

/** One stored message whose mail the server keeps refusing, and what the use case wrote. */
function world() {
  const row = { attempts: 0, status: 'pending' as string, retryAt: null as Date | null };
  const message = { id: 'msg-1', body: 'Farbe', callerName: 'Petra' } as unknown as CallerMessage;
  const messages = {
    claimMail: async (): Promise<DueMail | null> =>
      row.status === 'pending'
        ? {
            message: { ...message, mailAttempts: row.attempts },
            mailTo: 'empfang@salon.example',
            place: {
              companyName: 'Salon',
              branchName: 'Mitte',
              branchActive: true,
              timeZone: 'Europe/Berlin',
            },
          }
        : null,
    markMailed: async () => void (row.status = 'sent'),
    markMailFailed: async (_id: string, _reason: string, retryAt: Date | null) => {
      row.attempts++;
      row.retryAt = retryAt;
      if (!retryAt) row.status = 'failed';
    },
  } as unknown as CallerMessages;
  const refusing: SalonMailer = {
    configured: true,
    sendCallerMessage: async () => {
      throw Object.assign(new Error('451 try again later'), { code: 'EMESSAGE' });
    },
  };
  const mail = new SendMessageMailUseCase(messages, refusing, { now: () => NOW });
  return { row, mail };
}

describe('SendMessageMailUseCase', () => {
  it('retries a refused mail after 30 s, 1 min, 2 min, ... then marks it failed', async () => {
    const { row, mail } = world();
    const waits: number[] = [];
    for (let i = 0; i < MAIL_ATTEMPTS; i++) {
      const verdict = await mail.handle('msg-1');
      if (verdict.kind === 'later') {
        waits.push(verdict.delayMs);
        expect(row.retryAt!.getTime() - NOW.getTime()).toBe(verdict.delayMs);
      } else expect(verdict).toEqual({ kind: 'done' });
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1000));
    expect(row).toMatchObject({ status: 'failed', attempts: MAIL_ATTEMPTS, retryAt: null });
    // Failed for good: a job that still comes finds nothing to send.
    expect(await mail.handle('msg-1')).toEqual({ kind: 'done' });
    expect(row.attempts).toBe(MAIL_ATTEMPTS);
  });

  it('sends nothing where no mail server is configured', async () => {
    const { row } = world();
    const off = new SendMessageMailUseCase(
      {} as CallerMessages,
      { configured: false, sendCallerMessage: async () => undefined },
      { now: () => NOW },
    );
    expect(await off.handle('msg-1')).toEqual({ kind: 'done' });
    expect(row.attempts).toBe(0);
  });
});
