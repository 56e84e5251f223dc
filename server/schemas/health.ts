import { Type } from '@sinclair/typebox';

const StoreState = Type.Union([Type.Literal('ok'), Type.Literal('down')]);

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  postgres: StoreState,
  meilisearch: StoreState,
});
