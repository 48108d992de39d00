import { CallerMessage, MessagePlace } from '../../../application/ports/caller-messages.port';
import { formatGermanDate, formatGermanTime } from '../../../domain/language';

/** "Donnerstag, 26. November 2026, 15 Uhr": on the branch's clock, as callers' words mean it. */
const received = (at: Date, zone: string): string =>
  `${formatGermanDate(at, zone, { withYear: true })}, ${formatGermanTime(at, zone)}`;

/**
 * A caller's message as the salon reads it in its inbox: plain text, German. It names the salon
 * and the branch the caller reached; a branch made inactive since is said to be, so a message
 * forwarded to another branch is not taken for that branch's own.
 */
export function callerMessageMail(
  message: CallerMessage,
  place: MessagePlace,
): { subject: string; text: string } {
  const branch = place.branchActive ? place.branchName : `${place.branchName} (inaktiv)`;
  const subject =
    message.kind === 'callback' ? 'Rückrufbitte eines Anrufers' : 'Nachricht eines Anrufers';
  const lines = [
    message.kind === 'callback'
      ? 'Ein Anrufer bittet um Rückruf.'
      : 'Ein Anrufer hat eine Nachricht hinterlassen.',
    ...(place.branchActive
      ? []
      : [`Hinweis: Die Filiale ${place.branchName} ist inaktiv; bitte kümmern Sie sich darum.`]),
    '',
    ...(message.body ? [`Nachricht: ${message.body}`] : []),
    ...(message.callerName ? [`Name: ${message.callerName}`] : []),
    `Rückrufnummer: ${message.callbackNumber ?? 'keine (Nummer unterdrückt)'}`,
    ...(message.preferredTime ? [`Erreichbar: ${message.preferredTime}`] : []),
    '',
    `Eingegangen: ${received(message.createdAt, place.timeZone)}`,
    ...(message.callId ? [`Anruf: ${message.callId}`] : []),
    `Salon: ${place.companyName}`,
    `Filiale: ${branch}`,
    `Kennung: ${message.id}`,
  ];
  return { subject, text: lines.join('\n') };
}
