/**
 * The API speaks integer fen; people type yuan. These props let an antd InputNumber (which
 * keeps its own typing state and only hands over numbers) show yuan while the form holds fen,
 * so a form value is sent as it is and a server issue's path names the same field.
 */
export const fenAsYuanFieldProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'number' && Number.isFinite(value) ? value / 100 : null,
  }),
  // Rounded to whole fen: 12.345 元 is not a sum anyone is paid.
  normalize: (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : null,
};
