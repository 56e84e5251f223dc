import { Type } from '@sinclair/typebox';

export const SuggestQuerySchema = Type.Object(
  {
    q: Type.String({ maxLength: 60, default: '', description: 'What the person typed so far' }),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
  },
  { additionalProperties: false },
);

export const SkillSuggestionsSchema = Type.Object({
  skills: Type.Array(
    Type.Object({
      name: Type.String({ description: 'canonical name' }),
      count: Type.Integer({ description: 'published profiles with this skill' }),
    }),
  ),
});

export const EmployerSuggestionsSchema = Type.Object({
  employers: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String({ description: 'canonical name' }),
      /** The other name that matched what was typed ("Facebook" for Meta), when it was not the name. */
      alias: Type.Union([Type.String(), Type.Null()]),
      count: Type.Integer({ description: 'published profiles who worked there' }),
    }),
  ),
});
