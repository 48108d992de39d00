import { PHONE_FUNCTION_NAMES } from '../../../application/booking/phone-functions';
import { normalisePhoneFunctionArgs } from './phone-function-args.normaliser';
import { buildRetellTools } from './retell-tool-definitions';
import { ARGUMENT_KEYS, ARGUMENTS } from './tool-catalogue';

describe('Retell tool definitions from the tool catalogue', () => {
  const catalogue = buildRetellTools('https://salon.example.org/');

  it('one custom tool per phone function, all posting to the function-call route', () => {
    expect(catalogue.tools.map((t) => t.name)).toEqual([...PHONE_FUNCTION_NAMES]);
    for (const tool of catalogue.tools) {
      expect(tool.url).toBe('https://salon.example.org/api/retell/function-call');
      for (const required of tool.parameters.required) {
        expect(Object.keys(tool.parameters.properties)).toContain(required);
      }
    }
  });

  it('every schema property is a name the normaliser accepts, with its cap', () => {
    for (const tool of catalogue.tools) {
      for (const [property, schema] of Object.entries(tool.parameters.properties)) {
        const normalised = normalisePhoneFunctionArgs({ [property]: 'x'.repeat(1000) });
        const [key] = Object.keys(normalised) as (keyof typeof ARGUMENTS)[];
        expect(key).toBeDefined();
        expect(normalised[key]).toHaveLength(schema.maxLength);
      }
    }
  });

  it('every alias listed is accepted by the normaliser', () => {
    for (const key of ARGUMENT_KEYS) {
      for (const name of catalogue.accepted_argument_names[ARGUMENTS[key].schemaName]) {
        expect(normalisePhoneFunctionArgs({ [name]: 'v' })).toEqual({ [key]: 'v' });
      }
    }
  });

  it('only the writing functions speak a filler while they run', () => {
    const speaking = catalogue.tools.filter((t) => t.speak_during_execution).map((t) => t.name);
    expect(speaking).toEqual([
      'book_appointment',
      'cancel_appointment',
      'reschedule_appointment',
      'forget_my_number',
      'leave_message',
      'request_callback',
    ]);
  });

  it("offers Retell's transfer to the branch's person, numbered by the inbound webhook", () => {
    expect(catalogue.transfer_call_tool).toEqual({
      type: 'transfer_call',
      name: 'transfer_call',
      description: expect.stringContaining('{{transfer_available}}'),
      transfer_destination: { type: 'predefined', number: '{{transfer_number}}' },
      transfer_option: { type: 'cold_transfer', show_transferee_as_caller: false },
    });
    expect(catalogue.transfer_call_tool.description).toContain('leave_message');
  });
});
