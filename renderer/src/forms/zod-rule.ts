import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/**
 * An antd form rule that runs the same zod schema the main process enforces, so the mediator
 * sees the same Chinese message while typing as the save would return.
 *
 * An empty box reaches text schemas as '' (their "required" message is written for it). A
 * number box left empty holds null, which the form sends as it is: `empty: null` checks it so,
 * or an optional number field would refuse its own empty box.
 */
export function zodRule(schema: z.ZodType, options: { empty?: '' | null } = {}): Rule {
  const empty = options.empty === undefined ? '' : options.empty;
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? empty);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '');
    },
  };
}
