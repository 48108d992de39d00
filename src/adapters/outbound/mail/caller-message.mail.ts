import { CallerMessage } from '../../../application/ports/caller-messages.port';

/** A caller's message as the salon reads it in its inbox: plain text, German. */
export function callerMessageMail(
  message: CallerMessage,
  salonName: string,
): { subject: string; text: string } {
  const subject =
    message.kind === 'callback' ? 'Rückrufbitte eines Anrufers' : 'Nachricht eines Anrufers';
  const lines = [
    message.kind === 'callback'
      ? 'Ein Anrufer bittet um Rückruf.'
      : 'Ein Anrufer hat eine Nachricht hinterlassen.',
    '',
    ...(message.body ? [`Nachricht: ${message.body}`] : []),
    ...(message.callerName ? [`Name: ${message.callerName}`] : []),
    `Rückrufnummer: ${message.callbackNumber ?? 'keine (Nummer unterdrückt)'}`,
    ...(message.preferredTime ? [`Erreichbar: ${message.preferredTime}`] : []),
    '',
    `Eingegangen: ${message.createdAt.toISOString()}`,
    ...(message.callId ? [`Anruf: ${message.callId}`] : []),
    ...(salonName ? [`Filiale: ${salonName}`] : []),
    `Kennung: ${message.id}`,
  ];
  return { subject, text: lines.join('\n') };
}
