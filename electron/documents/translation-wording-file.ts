import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  shippedWordingSchema,
  type ShippedWording,
} from '../../domain/documents/translation-wording.js';
import { TemplateLoadError } from './template-loader.js';

export const TRANSLATION_WORDING_FILE = 'translation-wording.v1.json';

/** The shipped drafts of the translation pages' fixed wording, checked when read. */
export function loadShippedWording(templatesDir: string): ShippedWording {
  const file = path.join(templatesDir, TRANSLATION_WORDING_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateLoadError(`cannot read ${file}`, { cause: error });
  }
  const parsed = shippedWordingSchema.safeParse(json);
  if (!parsed.success) {
    throw new TemplateLoadError(`${file}: ${parsed.error.message}`, { cause: parsed.error });
  }
  return parsed.data;
}
