/** Select options from one of the domain's code → label tables, in table order. */
export function optionsOf<C extends string>(labels: Readonly<Record<C, string>>) {
  return (Object.entries(labels) as [C, string][]).map(([value, label]) => ({ value, label }));
}
