import { Type, type Static } from '@sinclair/typebox';

/** Every error reply: `message` says what to fix. */
export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});
export type ErrorReply = Static<typeof ErrorSchema>;

/** The error replies a route can give, for its `response` schema. */
export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, ErrorSchema]));
