import { createHmac, randomBytes } from 'node:crypto';

/**
 * `npm run demo`: plays a whole German phone call against a running service (by default the
 * embedded one `npm start` runs on http://localhost:3000) and prints what the agent would hear.
 * With RETELL_API_KEY set, requests are signed the way Retell signs them.
 */
const BASE = process.env.DEMO_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const KEY = process.env.RETELL_API_KEY;
const SALON_NUMBER = process.env.DEMO_SALON_NUMBER ?? '+4930901820';
const CALLER = process.env.DEMO_CALLER_NUMBER ?? '+4915112345678';

type Json = Record<string, unknown>;
const newCallId = () => `call_${randomBytes(16).toString('hex')}`;

async function post(path: string, body: Json): Promise<Json> {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (KEY) {
    const v = Date.now();
    const d = createHmac('sha256', KEY)
      .update(raw + v)
      .digest('hex');
    headers['x-retell-signature'] = `v=${v},d=${d}`;
  }
  const response = await fetch(`${BASE}${path}`, { method: 'POST', headers, body: raw });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

function callObject(callId: string, from: string): Json {
  return {
    call_id: callId,
    call_type: 'phone_call',
    direction: 'inbound',
    from_number: from,
    to_number: SALON_NUMBER,
    agent_id: 'agent_haarmonie_demo',
    agent_version: 1,
    call_status: 'ongoing',
    start_timestamp: Date.now(),
  };
}

async function fn(call: Json, name: string, args: Json, quiet = false): Promise<Json> {
  const answer = await post('/api/retell/function-call', { name, call, args });
  if (!quiet) {
    console.log(`  Agent → ${name}(${JSON.stringify(args)})`);
    console.log(`  Salon ← ${String(answer.message)}`);
  }
  return answer;
}

async function main(): Promise<void> {
  // Another caller booked Anna's Friday 10:00 a minute ago, so our caller hears alternatives.
  const earlier = callObject(newCallId(), '+4917600000001');
  await fn(
    earlier,
    'book_appointment',
    {
      dienstleistung: 'Dauerwelle',
      datum: 'nächsten Freitag',
      uhrzeit: 'um zehn',
      mitarbeiter: 'Anna',
      name: 'Erika Früh',
    },
    true,
  );

  const callId = newCallId();
  const call = callObject(callId, CALLER);
  console.log(`Call ${callId} from ${CALLER} to ${SALON_NUMBER}\n`);

  const inbound = await post('/api/retell/inbound', {
    event: 'call_inbound',
    call_inbound: {
      from_number: CALLER,
      to_number: SALON_NUMBER,
      agent_id: 'agent_haarmonie_demo',
    },
  });
  console.log(
    'Inbound webhook → dynamic variables:',
    JSON.stringify((inbound.call_inbound as Json)?.dynamic_variables ?? {}),
  );
  await post('/api/retell/webhook', { event: 'call_started', call });

  console.log('\nAgent: "Salon Haarmonie, guten Tag! Was kann ich für Sie tun?"');
  console.log('Caller: "Ich hätte gern eine Dauerwelle bei Anna, nächsten Freitag um zehn."');
  await fn(call, 'get_current_context', {});
  await fn(call, 'check_customer', {});
  const check = await fn(call, 'check_availability', {
    dienstleistung: 'Dauerwelle',
    datum: 'nächsten Freitag',
    uhrzeit: 'um zehn',
    mitarbeiter: 'Anna',
  });

  const offered = (
    check.available ? check.slot : (check.alternatives as Json[] | undefined)?.[0]
  ) as Json | undefined;
  if (!offered) throw new Error('no slot offered');
  console.log(`\nCaller: "Dann nehme ich ${String(offered.spoken)}. Mein Name ist Petra Schmidt."`);
  if (!check.available) {
    await fn(call, 'check_availability', {
      dienstleistung: 'Dauerwelle',
      datum: offered.start,
      mitarbeiter: offered.staff,
    });
  }
  await fn(call, 'book_appointment', {
    dienstleistung: 'Dauerwelle',
    datum: offered.start,
    mitarbeiter: offered.staff,
    name: 'Petra Schmidt',
  });

  console.log('\nCaller: "Welche Termine habe ich eigentlich?"');
  await fn(call, 'list_appointments', {});

  console.log('\nCaller: "Können wir das auf Samstag um elf verschieben?"');
  await fn(call, 'reschedule_appointment', {
    dienstleistung: 'Dauerwelle',
    neues_datum: 'Samstag',
    neue_uhrzeit: 'elf Uhr',
  });

  console.log('\nCaller: "Ach, ich sage ihn doch lieber ab."');
  await fn(call, 'cancel_appointment', { dienstleistung: 'Dauerwelle' });

  await post('/api/retell/webhook', {
    event: 'call_ended',
    call: {
      ...call,
      call_status: 'ended',
      end_timestamp: Date.now(),
      disconnection_reason: 'user_hangup',
    },
  });
  console.log('\nCall ended.');

  await secondCall();
}

/**
 * A second call, with the ways callers really ask: a day without a time, a part of the day, a
 * week, the next free appointment; and the caller withheld the number (Retell sends
 * "anonymous"), so the booking needs a callback number said aloud; then a visit of two services,
 * and one that two stylists share.
 */
async function secondCall(): Promise<void> {
  const callId = newCallId();
  const call = callObject(callId, 'anonymous');
  console.log(`\nSecond call ${callId} from a withheld number to ${SALON_NUMBER}\n`);
  await post('/api/retell/webhook', { event: 'call_started', call });

  console.log('Caller: "Haben Sie am Freitag etwas frei? Für einen Herrenhaarschnitt."');
  await fn(call, 'check_availability', {
    dienstleistung: 'Herrenhaarschnitt',
    datum: 'Freitag',
  });
  console.log('\nCaller: "Lieber nachmittags."');
  await fn(call, 'check_availability', {
    dienstleistung: 'Herrenhaarschnitt',
    datum: 'Freitag',
    uhrzeit: 'nachmittags',
  });
  console.log('\nCaller: "Und wann hat Anna diese Woche Zeit, für einen Damenhaarschnitt?"');
  await fn(call, 'check_availability', {
    dienstleistung: 'Damenhaarschnitt',
    datum: 'diese Woche',
    mitarbeiter: 'Anna',
  });
  console.log('\nCaller: "Wann ist denn der nächste freie Termin bei Mehmet?"');
  await fn(call, 'check_availability', {
    dienstleistung: 'Herrenhaarschnitt',
    mitarbeiter: 'Mehmet',
  });
  await withheldCallerBooks(call);
  await visitSteps(call);
  await sharedVisit(call);
  await serviceInfoAndMessage(call);

  await post('/api/retell/webhook', {
    event: 'call_ended',
    call: {
      ...call,
      call_status: 'ended',
      end_timestamp: Date.now(),
      disconnection_reason: 'user_hangup',
    },
  });
  console.log('\nSecond call ended.');
}

/** The caller's number is withheld: the booking asks for a callback number, said aloud. */
async function withheldCallerBooks(call: Json): Promise<void> {
  console.log('\nCaller: "Dann einen Herrenschnitt am Dienstag um elf, auf Jonas Weber."');
  const check = await fn(call, 'check_availability', {
    dienstleistung: 'Herrenschnitt',
    datum: 'Dienstag',
    uhrzeit: 'elf Uhr',
  });
  const slot = (check.available ? check.slot : (check.alternatives as Json[] | undefined)?.[0]) as
    Json | undefined;
  if (!slot) throw new Error('no slot offered');
  if (!check.available) {
    await fn(call, 'check_availability', { dienstleistung: 'Herrenschnitt', datum: slot.start });
  }
  const booking = { dienstleistung: 'Herrenschnitt', datum: slot.start, name: 'Jonas Weber' };
  await fn(call, 'book_appointment', booking);
  console.log('Caller: "Null eins sieben eins, zwei drei vier, fünfundfünfzig, sechs sieben."');
  await fn(call, 'book_appointment', {
    ...booking,
    rueckrufnummer: 'null eins sieben eins, zwei drei vier, fünfundfünfzig, sechs sieben',
  });
  console.log('\nCaller: "Welchen Termin habe ich da jetzt genau?"');
  const day = String(slot.start ?? '').slice(0, 10);
  await fn(call, 'list_appointments', { name: 'Jonas Weber', datum: day });
}

/** Two services in one visit: a part not understood is asked about, then both are booked. */
async function visitSteps(call: Json): Promise<void> {
  console.log('\nCaller: "Und für mich einmal Schneiden und Färben, Dienstag um 14 Uhr bei Anna."');
  const when = { datum: 'Dienstag', uhrzeit: '14 Uhr', mitarbeiter: 'Anna' };
  await fn(call, 'check_availability', { dienstleistung: 'Schneiden und Färben', ...when });
  console.log('\nCaller: "Einen Damenhaarschnitt und Färben, bitte."');
  const visit = 'Damenhaarschnitt und Färben';
  const check = await fn(call, 'check_availability', { dienstleistung: visit, ...when });
  const offered = (
    check.available ? check.slot : (check.alternatives as Json[] | undefined)?.[0]
  ) as Json | undefined;
  if (!offered) throw new Error('no slot offered for the visit');
  if (!check.available) {
    await fn(call, 'check_availability', {
      dienstleistung: visit,
      datum: offered.start,
      mitarbeiter: offered.staff,
    });
  }
  console.log(`\nCaller: "Gern, ${String(offered.spoken)}. Jana Berger, 0171 2345 6789."`);
  await fn(call, 'book_appointment', {
    dienstleistung: visit,
    datum: offered.start,
    mitarbeiter: offered.staff,
    name: 'Jana Berger',
    rueckrufnummer: '0171 2345 6789',
  });
  console.log('\nCaller: "Welche Termine habe ich da?"');
  const day = String(offered.start ?? '').slice(0, 10);
  await fn(call, 'list_appointments', { name: 'Jana Berger', datum: day, dienstleistung: visit });
}

/**
 * A visit nobody does whole on Tuesday (Lena, who does both, is off; Anna colours, Mehmet cuts
 * children's hair): asked with Mehmet for a part of the day, answered with who does what,
 * booked as offered and listed.
 */
async function sharedVisit(call: Json): Promise<void> {
  const visit = 'Färben und Kinderhaarschnitt';
  console.log(
    '\nCaller: "Meine Tochter will Färben und Kinderhaarschnitt, bei Mehmet, Dienstag vormittags."',
  );
  const open = await fn(call, 'check_availability', {
    dienstleistung: visit,
    datum: 'Dienstag',
    uhrzeit: 'vormittags',
    mitarbeiter: 'Mehmet',
  });
  const first = (open.slots as Json[] | undefined)?.[0] ?? (open.nearest as Json | undefined);
  const slot = (first && 'start' in first ? first : (first?.slots as Json[] | undefined)?.[0]) as
    Json | undefined;
  if (!slot) throw new Error('no start offered for the shared visit');
  console.log(`\nCaller: "Dann ${String(slot.date)} um ${String(slot.time)}."`);
  const asked = { dienstleistung: visit, datum: slot.start, mitarbeiter: 'Mehmet' };
  const check = await fn(call, 'check_availability', asked);
  if (!check.available) throw new Error('the shared start offered is not free');
  console.log('\nCaller: "Ja, so passt das. Auf Mia Berger, 0171 2345 6789."');
  await fn(call, 'book_appointment', {
    ...asked,
    name: 'Mia Berger',
    rueckrufnummer: '0171 2345 6789',
  });
  console.log('\nCaller: "Und was ist da jetzt eingetragen?"');
  const day = String(slot.start ?? '').slice(0, 10);
  await fn(call, 'list_appointments', { name: 'Mia Berger', datum: day, dienstleistung: visit });
}

main().catch((error: unknown) => {
  console.error('demo failed:', error instanceof Error ? error.message : error);
  console.error(`Is the service running at ${BASE}? Start it with: npm start`);
  process.exit(1);
});

/** A question about a service, then a message for the salon with a callback number said aloud. */
async function serviceInfoAndMessage(call: Json): Promise<void> {
  console.log('\nCaller: "Was kostet eigentlich eine Dauerwelle, und wie lange dauert das?"');
  await fn(call, 'get_service_info', { dienstleistung: 'Dauerwelle' });
  console.log(
    '\nCaller: "Können Sie Anna ausrichten, sie möchte mich wegen der Farbe zurückrufen?"',
  );
  await fn(call, 'request_callback', {
    nachricht: 'Frage an Anna wegen der Farbe vor dem Termin',
    name: 'Jonas Weber',
    rueckrufnummer: 'null eins sieben eins, zwei drei vier, fünfundfünfzig, sechs sieben',
    wunschzeit: 'morgen ab 16 Uhr',
  });
}
