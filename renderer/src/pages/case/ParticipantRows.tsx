import { Button, Col, Form, Input, Row, Select } from 'antd';
import { namedParticipantSchema } from '../../../../domain/cases/record-inputs';
import * as participantRoles from '../../../../domain/taxonomy/participant-roles';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.session;

/** 参加人 rows (name, role, unit or identity) shared by the session and investigation forms. */
export function ParticipantRows({ label }: { readonly label: string }) {
  return (
    <Form.List name="participants">
      {(list, { add, remove }) => (
        <Form.Item label={`${label}${uiText.common.optional}`}>
          {list.map((field) => (
            <Row gutter={8} key={field.key} data-testid={`participant-${field.name}`}>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[zodRule(namedParticipantSchema.shape.name)]}
                >
                  <Input placeholder={t.participantName} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[zodRule(participantRoles.codeSchema)]}
                >
                  <Select
                    placeholder={t.participantRole}
                    options={participantRoles.rows.map((r) => ({
                      value: r.code,
                      label: r.label,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={[field.name, 'affiliation']}>
                  <Input placeholder={t.participantAffiliation} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {uiText.common.remove}
                </Button>
              </Col>
            </Row>
          ))}
          <Button size="small" onClick={() => add({})}>
            {t.addParticipant}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

export interface ParticipantFormValue {
  name?: string;
  role?: participantRoles.Code;
  affiliation?: string;
}

const optional = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v;

/** Form rows as the API's participant list. */
export function participantsInput(rows: readonly ParticipantFormValue[] | undefined) {
  return (rows ?? []).map((p) => ({
    name: p.name ?? '',
    role: p.role as participantRoles.Code,
    affiliation: optional(p.affiliation),
  }));
}
