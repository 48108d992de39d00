import {
  PHONE_FUNCTION_NAMES,
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../application/booking/phone-functions';

export type ArgumentKey = keyof PhoneFunctionArgs;

/** One argument the agent may send: its name in the tool schema and every name we accept. */
export interface ArgumentSpec {
  /** Property name in the JSON schema Retell gets (snake_case, English). */
  readonly schemaName: string;
  /** Further names accepted from the agent, German first; case and separators do not matter. */
  readonly aliases: readonly string[];
  readonly maxLength: number;
  readonly description: string;
  /** A yes/no answer ("ja"/"nein"); a JSON true or false is taken as such. */
  readonly yesNo?: boolean;
}

/**
 * The single source of truth for the phone functions' arguments: the arg normaliser reads
 * the accepted names and length caps from here, the tool definitions their JSON schema.
 */
export const ARGUMENTS: Readonly<Record<ArgumentKey, ArgumentSpec>> = {
  service: {
    schemaName: 'service',
    aliases: ['dienstleistung', 'leistung', 'service_name'],
    maxLength: 200,
    description:
      'Gewünschte Dienstleistung, wie gesagt, z. B. "Dauerwelle"; mehrere in einem Termin zusammen in der gesagten Reihenfolge, z. B. "Herrenhaarschnitt und Färben" (ein Besuch, nacheinander; teilen sich mehrere Personen den Besuch, sagt die Antwort, wer was macht). / Requested service; several for one visit in one phrase, in the order said; a visit shared by stylists is answered with who does what.',
  },
  date: {
    schemaName: 'date',
    aliases: ['datum', 'tag', 'day'],
    maxLength: 200,
    description:
      'Tag, wie gesagt, z. B. "nächsten Freitag", "5. Dezember", "Heiligabend"; bei check_availability auch "diese Woche" oder weglassen für den nächsten freien Termin / day as spoken; for check_availability also a week, or left out for the earliest',
  },
  time: {
    schemaName: 'time',
    aliases: ['uhrzeit', 'zeit', 'uhr'],
    maxLength: 200,
    description:
      'Uhrzeit, wie gesagt, z. B. "halb drei", "14:30"; bei check_availability auch ein Tagesteil ("vormittags", "abends", "nach 16 Uhr", "zwischen 10 und 12") oder weglassen / time as spoken; for check_availability also a part of the day, or left out',
  },
  name: {
    schemaName: 'name',
    aliases: ['customer_name', 'kundenname', 'kunde_name', 'vorname'],
    maxLength: 150,
    description: 'Name der Kundin / des Kunden / customer name',
  },
  staff: {
    schemaName: 'staff',
    aliases: ['mitarbeiter', 'mitarbeiterin', 'stylist', 'friseur', 'friseurin'],
    maxLength: 200,
    description: 'Gewünschte Friseurin / gewünschter Friseur, falls genannt / preferred stylist',
  },
  staffOnly: {
    schemaName: 'staff_only',
    aliases: ['nur_mitarbeiter', 'nur_mitarbeiterin', 'nur_bei', 'only_staff'],
    maxLength: 20,
    yesNo: true,
    description:
      '"ja", wenn die Kundin ausdrücklich nur bei dieser Person möchte; sonst weglassen / "yes" when the caller insists on the stylist named',
  },
  email: {
    schemaName: 'email',
    aliases: ['e_mail', 'mail'],
    maxLength: 255,
    description: 'E-Mail-Adresse, nur wenn genannt / e-mail address, only if given',
  },
  appointmentId: {
    schemaName: 'appointment_id',
    aliases: ['termin_id'],
    maxLength: 200,
    description: 'Kennung des Termins aus einer früheren Antwort / appointment id from an answer',
  },
  newDate: {
    schemaName: 'new_date',
    aliases: ['neues_datum', 'neuer_tag'],
    maxLength: 200,
    description: 'Neuer Tag für die Verschiebung / new day for the move',
  },
  newTime: {
    schemaName: 'new_time',
    aliases: ['neue_uhrzeit'],
    maxLength: 200,
    description: 'Neue Uhrzeit für die Verschiebung / new time for the move',
  },
  callbackNumber: {
    schemaName: 'callback_number',
    aliases: ['rueckrufnummer', 'rückrufnummer', 'telefonnummer', 'callback'],
    maxLength: 200,
    description:
      'Rückrufnummer genau wie gesagt, auch in Worten ("null eins sieben eins ..."); nötig, wenn die Nummer unterdrückt ist / callback number as spoken, needed when the caller withheld their number',
  },
  consent: {
    schemaName: 'consent',
    aliases: ['einwilligung', 'zustimmung', 'wiedererkennen'],
    maxLength: 40,
    yesNo: true,
    description:
      '"ja" oder "nein" auf die Frage, ob der Salon die Kundin künftig an ihrer Rufnummer erkennen und mit Namen begrüßen darf; nur wenn gefragt und beantwortet / the caller\'s yes or no to being recognised by phone number next time',
  },
  message: {
    schemaName: 'message',
    aliases: ['nachricht', 'anliegen', 'notiz', 'text'],
    maxLength: 1000,
    description:
      'Was die Anruferin dem Salon sagen möchte oder worum es beim Rückruf geht, in ihren Worten / the message for the salon',
  },
  preferredTime: {
    schemaName: 'preferred_time',
    aliases: ['wunschzeit', 'rueckrufzeit', 'rückrufzeit', 'erreichbar'],
    maxLength: 200,
    description:
      'Wann die Anruferin zurückgerufen werden möchte, falls gesagt, z. B. "morgen ab 16 Uhr" / preferred callback time',
  },
};

export const ARGUMENT_KEYS = Object.keys(ARGUMENTS) as ArgumentKey[];

/** Every accepted name of an argument, the schema name first. */
export const acceptedNames = (key: ArgumentKey): readonly string[] => [
  ARGUMENTS[key].schemaName,
  ...ARGUMENTS[key].aliases,
];

export interface ToolSpec {
  readonly name: PhoneFunctionName;
  readonly description: string;
  readonly required: readonly ArgumentKey[];
  readonly optional: readonly ArgumentKey[];
  /** Writing functions speak a short filler while they run. */
  readonly filler?: string;
}

export const TOOLS: Readonly<Record<PhoneFunctionName, ToolSpec>> = {
  get_current_context: {
    name: 'get_current_context',
    description:
      'Heutiges Datum, Wochentag, Uhrzeit und Zeitzone des Salons. / Current date, weekday, time and time zone of the salon.',
    required: [],
    optional: [],
  },
  check_customer: {
    name: 'check_customer',
    description:
      'Prüft anhand der Rufnummer, ob die Anruferin bekannt ist (bekannt, neu, mehrdeutig, anonym). / Looks the caller up by phone number.',
    required: [],
    optional: [],
  },
  check_availability: {
    name: 'check_availability',
    description:
      'Prüft, ob ein Termin frei ist, nennt Alternativen und hält den angebotenen Termin kurz fest. Auch offene Fragen: nur ein Tag ("Haben Sie am Freitag etwas frei?") oder ein Tagesteil als time ("nachmittags", "nach 16 Uhr", "zwischen 10 und 12") nennt bis zu drei über den Tag verteilte freie Zeiten; mehrere Tage ("diese Woche", "nächste Woche") die Tage mit freien Zeiten und die erste Zeit je Tag; ohne Tag und Zeit ("Wann ist der nächste freie Termin bei Anna?") die frühesten freien Zeiten. Ist nichts frei, sagt die Antwort warum und nennt den nächsten Tag mit freien Zeiten. / Checks a slot, offers alternatives, holds the offered slot. Open questions: a day alone or a part of the day lists up to three free starts spread over it, several days list each day with its first start, no day and no time gives the earliest free starts; an empty answer says why and offers the nearest day with room.',
    required: ['service'],
    optional: ['date', 'time', 'staff', 'staffOnly'],
  },
  book_appointment: {
    name: 'book_appointment',
    description:
      'Bucht den zuvor geprüften Termin verbindlich. Vorher fragen: "Dürfen wir Sie künftig an Ihrer Nummer erkennen?" und die Antwort als consent mitgeben; bei unterdrückter Nummer die Rückrufnummer. / Books the checked slot; pass the caller\'s consent and, for a withheld number, the callback number.',
    required: ['service', 'date', 'time', 'name'],
    optional: ['staff', 'staffOnly', 'email', 'callbackNumber', 'consent'],
    filler: 'Einen Moment, ich trage den Termin ein.',
  },
  list_appointments: {
    name: 'list_appointments',
    description:
      'Nennt die kommenden Termine der Anruferin (über ihre Nummer; bei unterdrückter oder anderer Nummer mit vollständigem Namen und Tag). / Lists the caller’s upcoming appointments (by number; else by full name and day).',
    required: [],
    optional: ['name', 'date', 'time', 'service'],
  },
  cancel_appointment: {
    name: 'cancel_appointment',
    description:
      'Sagt einen Termin der Anruferin ab; bei unterdrückter oder anderer Nummer mit vollständigem Namen und Tag (dazu Uhrzeit oder Leistung, wenn gefragt). / Cancels one of the caller’s appointments; without her number by full name and day.',
    required: [],
    optional: ['appointmentId', 'name', 'date', 'time', 'service'],
    filler: 'Einen Moment, ich sage den Termin ab.',
  },
  reschedule_appointment: {
    name: 'reschedule_appointment',
    description:
      'Verschiebt einen Termin der Anruferin auf einen neuen Tag und eine neue Uhrzeit; bei unterdrückter oder anderer Nummer mit vollständigem Namen und bisherigem Tag. / Moves one of the caller’s appointments; without her number by full name and day.',
    required: ['newDate', 'newTime'],
    optional: ['appointmentId', 'name', 'date', 'time', 'service', 'staff', 'staffOnly'],
    filler: 'Einen Moment, ich verschiebe den Termin.',
  },
  get_service_info: {
    name: 'get_service_info',
    description:
      'Was eine Leistung umfasst, wie lange sie dauert (mit Einwirkzeit), was sie kostet und wer sie anbietet; bei Fragen wie "Was kostet eine Dauerwelle?". / What a service includes, its duration, price (range) and stylists.',
    required: ['service'],
    optional: [],
  },
  forget_my_number: {
    name: 'forget_my_number',
    description:
      'Wenn die Anruferin sagt "Bitte vergessen Sie meine Nummer": der Salon erkennt sie künftig nicht mehr an ihrer Rufnummer (Einwilligung widerrufen); Termine bleiben. / Withdraws the caller\'s consent to be recognised by phone number.',
    required: [],
    optional: [],
    filler: 'Einen Moment, ich vermerke das.',
  },
  leave_message: {
    name: 'leave_message',
    description:
      'Hinterlässt eine Nachricht für den Salon (z. B. wenn niemand verbunden werden kann oder die Anruferin etwas ausrichten lassen möchte). / Leaves a message for the salon.',
    required: ['message'],
    optional: ['name', 'callbackNumber', 'preferredTime'],
    filler: 'Einen Moment, ich notiere das.',
  },
  request_callback: {
    name: 'request_callback',
    description:
      'Bittet den Salon um einen Rückruf; Rückrufnummer nur nennen, wenn die Anruferin eine andere als ihre eigene möchte oder ihre Nummer unterdrückt ist. / Asks the salon to call the caller back.',
    required: [],
    optional: ['message', 'name', 'callbackNumber', 'preferredTime'],
    filler: 'Einen Moment, ich notiere den Rückruf.',
  },
};

export const TOOL_LIST: readonly ToolSpec[] = PHONE_FUNCTION_NAMES.map((name) => TOOLS[name]);
