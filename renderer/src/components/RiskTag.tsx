import { Tag } from 'antd';
import * as riskLevels from '../../../domain/taxonomy/risk-level-rows';

// Yellow needs dark text to stay readable; the others need white (WCAG relative luminance).
function textColourOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.35 ? '#262626' : '#ffffff';
}

/** Risk in the county's colour, with the colour named too, for colour-blind users and print. */
export function RiskTag({ level }: { level: riskLevels.Code }) {
  const row = riskLevels.rows.find((r) => r.code === level);
  if (!row) return null;
  return (
    <Tag
      color={row.colour}
      variant="solid"
      style={{ color: textColourOn(row.colour) }}
      data-testid="risk-tag"
    >
      {row.label}（{row.colourLabel}）
    </Tag>
  );
}
