import { Type, type Static } from '@sinclair/typebox';

export const DEV_MAIL_PATH = '/api/dev/mail';

export const DevMailQuerySchema = Type.Object(
  { to: Type.String({ minLength: 1, maxLength: 254, pattern: '^[^\\u0000-\\u001f]*$', description: 'the address whose mail to show' }) },
  { additionalProperties: false },
);

export const DevMailListSchema = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.Integer(),
      to: Type.String(),
      subject: Type.String(),
      text: Type.String(),
      html: Type.Union([Type.String(), Type.Null()]),
      links: Type.Array(Type.String()),
      /** Extra headers it was sent with (List-Unsubscribe …). */
      headers: Type.Record(Type.String(), Type.String()),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type DevMessage = Static<typeof DevMailListSchema>['messages'][number];
