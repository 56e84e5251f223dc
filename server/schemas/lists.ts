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
  hired: Type.Integer({ description: 'people of the list who said they found a job' }),
  stale: Type.Integer({ description: 'profiles of the list hidden because nobody confirmed them lately' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type List = Static<typeof ListSchema>;

/** One list with its outcomes over time: the people who found a job, month by month. */
export const ListDetailSchema = Type.Object({
  ...ListSchema.properties,
  hiresByMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), hired: Type.Integer() })),
});
export type ListDetail = Static<typeof ListDetailSchema>;

export const ListsSchema = Type.Object({ lists: Type.Array(ListSchema) });

export const ListParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
