import { Type } from '@sinclair/typebox';

/** Every error reply: `message` says what to fix. */
const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

/** The error replies a route can give, for its `response` schema. */
export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, ErrorSchema]));
