import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type * as idDocTypes from '../../../../domain/taxonomy/id-doc-types';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { checkIdNumber } from '../../../../domain/validation/id-number';
import { GB11643_ID_DOC_TYPES } from '../../../../domain/validation/party-checks';
import { checkPhone, isNoPhoneMarker } from '../../../../domain/validation/phone';
import { uiText } from '../../i18n/zh-CN';
import { keepsStoredNumber } from './intake-values';

type Path = (string | number)[];

/**
 * Field rules that depend on a neighbouring field (the document type, the 无 marker). They call
 * the same domain checks the shared schema uses, so the message while typing is the one a save
 * would return.
 */
export function idNumberRule(form: FormInstance, docPath: Path): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const type = form.getFieldValue([...docPath, 'type']) as idDocTypes.Code | undefined;
      const raw = typeof value === 'string' ? value : '';
      if (type === undefined || type === 'NONE') return;
      // the saved number, shown masked: the server checks the stored one it stands for
      if (
        keepsStoredNumber({ type, number: raw, kept: form.getFieldValue([...docPath, 'kept']) })
      ) {
        return;
      }
      if (raw.trim() === '') throw new Error(uiText.common.required(uiText.intake.idNumber));
      if (!GB11643_ID_DOC_TYPES.has(type)) return;
      const checked = checkIdNumber(raw, { today: chinaToday() });
      if (!checked.valid) throw new Error(checked.error);
    },
  };
}

export const phoneRule: Rule = {
  validator: async (_rule, value: unknown) => {
    const raw = typeof value === 'string' ? value : '';
    if (isNoPhoneMarker(raw)) return;
    const checked = checkPhone(raw);
    if (!checked.ok) throw new Error(checked.error);
  },
};

export function noPhoneReasonRule(form: FormInstance, phonePath: Path): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const phone = form.getFieldValue([...phonePath, 'phone']) as string | undefined;
      if (
        phone !== undefined &&
        isNoPhoneMarker(phone) &&
        !(typeof value === 'string' && value.trim())
      ) {
        throw new Error('联系电话填“无”时，请写明没有电话的原因，以及可以怎样联系到当事人');
      }
    },
  };
}
