import { Type, type Static } from '@sinclair/typebox';

export const CONTACT_MESSAGE_MAX = 5_000;

export const ContactParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 120 }) });

/** A recruiter's message; `website` is a honeypot that people never see and bots fill in. */
export const ContactBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    company: Type.Optional(Type.String({ maxLength: 120 })),
    message: Type.String({ minLength: 20, maxLength: CONTACT_MESSAGE_MAX }),
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBodySchema>;

/** Says the message left, and nothing about the person it went to. */
export const ContactSentSchema = Type.Object({ status: Type.Literal('sent') });
