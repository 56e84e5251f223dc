import { Type, type Static } from '@sinclair/typebox';

export const CreateListSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  employer: Type.String({ minLength: 1, maxLength: 120 }),
  sourceUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
});
export type CreateList = Static<typeof CreateListSchema>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A layoff list as anyone may see it: no organizer, no personal data. */
export const ListSchema = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  employer: Type.Union([Type.Object({ name: Type.String(), slug: Type.String() }), Type.Null()]),
  sourceUrl: Nullable(Type.String()),
  description: Nullable(Type.String()),
  profiles: Type.Integer({ description: 'published profiles on the list' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type List = Static<typeof ListSchema>;

export const ListsSchema = Type.Object({ lists: Type.Array(ListSchema) });

export const ListParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
