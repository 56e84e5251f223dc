import { Type, type Static } from '@sinclair/typebox';
import { MESSAGE_ACTIONS } from '../services/message-actions.js';

export const CONTACT_MESSAGE_MAX = 5_000;

export const ContactParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 120 }) });

/**
 * A verified recruiter's message: who sends it is the signed-in account (name, company, proven
 * domain), never what a body says. `website` is a honeypot that people never see and bots fill in.
 */
export const ContactBodySchema = Type.Object(
  {
    message: Type.String({ minLength: 20, maxLength: CONTACT_MESSAGE_MAX }),
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBodySchema>;

/** Says the message left, and nothing about the person it went to. */
export const ContactSentSchema = Type.Object({ status: Type.Literal('sent') });

/** What a candidate's one-click link does, once they confirm on its page. */
export const MessageActionResultSchema = Type.Object({
  action: Type.Union(MESSAGE_ACTIONS.map((a) => Type.Literal(a))),
  message: Type.String(),
});
