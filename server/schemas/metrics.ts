import { Type } from '@sinclair/typebox';

/** The Prometheus text exposition format. */
export const MetricsTextSchema = Type.String();

export const MetricsHeadersSchema = Type.Object({
  authorization: Type.Optional(Type.String()),
});
