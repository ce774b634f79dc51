import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/**
 * An antd form rule that runs the same zod schema the main process enforces, so the mediator
 * sees the same Chinese message while typing as the save would return.
 */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '');
    },
  };
}
