/**
 * Lower case with umlauts and ß spelt out and other accents dropped: "Müller", "MUELLER" and
 * "Müller" typed with a combining umlaut all read "mueller". Names and services are compared so.
 */
export function plainGermanLetters(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
