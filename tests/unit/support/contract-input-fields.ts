import { z } from 'zod';
import type { Role } from '../../../domain/accounts/roles.js';
import { apiContract, API_METHODS, type ApiMethod } from '../../../domain/api/contract.js';
import { mayCall, METHOD_ROLES } from '../../../domain/api/method-roles.js';

/**
 * The fields of a method's input at any depth (objects, lists, unions), read from its schema:
 * the walk tests of the case door ask which methods name a case.
 */
export function inputFields(method: ApiMethod): string[] {
  const json = z.toJSONSchema(apiContract[method].input, { io: 'input', unrepresentable: 'any' });
  const fields = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(walk);
    const { properties, ...rest } = node as { properties?: Record<string, unknown> };
    for (const [name, child] of Object.entries(properties ?? {})) {
      fields.add(name);
      walk(child);
    }
    Object.values(rest).forEach(walk);
  };
  walk(json);
  return [...fields];
}

/** Every method a role may call once signed in (METHOD_ROLES), new methods included. */
export function callableBy(role: Role): ApiMethod[] {
  return API_METHODS.filter((m) => METHOD_ROLES[m] !== 'open' && mayCall(role, m));
}
