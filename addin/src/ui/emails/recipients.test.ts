import { describe, expect, it } from 'vitest';
import { addChips, chipOf, directorySuggestions, fieldErrors, parseTyped } from './recipients';

describe('recipients', () => {
  it('turns typed text into address chips, matching known people, and reports the rest', () => {
    const known = [{ email: 'maria.gomez@owner-example.com', name: 'María Gómez', userId: 'u1' }];
    const { chips, invalid } = parseTyped('Maria.Gomez@owner-example.com, bob@x.co; nope@', known);
    expect(chips.map((c) => c.recipient)).toEqual([{ userId: 'u1' }, { email: 'bob@x.co' }]);
    expect(chips[0]!.label).toBe('María Gómez <maria.gomez@owner-example.com>');
    expect(invalid).toEqual(['nope@']);
    expect(addChips(chips, [chipOf({ email: 'BOB@x.co' }), chipOf({ userId: 'u1' })])).toHaveLength(2);
  });

  it('maps the 422 details to the form fields, naming the recipient', () => {
    const to = [chipOf({ email: 'a@x.co' }), chipOf({ email: 'b@x.co' })];
    const errors = fieldErrors(
      [
        { field: 'to.1.email', code: 'INVALID', message: 'not a valid email address' },
        { field: 'subject', code: 'INVALID', message: 'the subject must be a single line' },
        { field: 'attachmentIds.0', code: 'TOO_LARGE', message: 'over 10 MB' },
        { field: '', code: 'X', message: 'other' },
      ],
      { to, cc: [] },
    );
    expect(errors).toEqual({
      to: ['b@x.co: not a valid email address'],
      subject: ['the subject must be a single line'],
      attachments: ['over 10 MB'],
      form: ['other'],
    });
  });
});

describe('directory suggestions with the project directory', () => {
  it('adds directory people after the signed-in user, without duplicates or reply addresses', () => {
    const me = { id: 'u1', name: 'Ana Ruiz', email: 'ana@gc.example' };
    const dir = [
      { userId: 'u2', name: 'María Gómez', email: 'maria@owner.example' },
      { userId: 'u1', name: 'Ana Ruiz', email: 'ANA@gc.example' },
    ];
    expect(directorySuggestions(me, [], dir).map((s) => s.email)).toEqual(['ana@gc.example', 'maria@owner.example']);
  });
});
