import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import {
  EMPLOYMENT_LABELS,
  EMPLOYMENTS,
  FILING_STATUS_LABELS,
  FILING_STATUSES,
  MEDIATOR_GRADE_LABELS,
  MEDIATOR_GRADES,
} from '../../../../domain/cases/mediator-profile';
import * as genders from '../../../../domain/taxonomy/genders';
import { dateFieldProps } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.subsidy.profile;

/**
 * The mediator's grade, 备案 and training inside the mediator form (fields under `profile`):
 * what the 人民调解员登记表 prints and what subsidy reviewers check.
 */
export function MediatorProfileFields() {
  return (
    <>
      <Divider titlePlacement="start">{t.section}</Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['profile', 'grade']} label={t.grade}>
            <Select
              allowClear
              placeholder={t.gradeNone}
              options={MEDIATOR_GRADES.map((g) => ({ value: g, label: MEDIATOR_GRADE_LABELS[g] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'filingStatus']} label={t.filingStatus}>
            <Select
              options={FILING_STATUSES.map((s) => ({ value: s, label: FILING_STATUS_LABELS[s] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'filingNumber']} label={t.filingNumber}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'employment']} label={t.employment}>
            <Select options={EMPLOYMENTS.map((e) => ({ value: e, label: EMPLOYMENT_LABELS[e] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'gender']} label={t.gender}>
            <Select
              allowClear
              options={genders.rows.map((g) => ({ value: g.code, label: g.label }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'birthDate']} label={t.birthDate} {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'phone']} label={t.phone}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'education']} label={t.education}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['profile', 'politicalStatus']} label={t.politicalStatus}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['profile', 'workUnit']} label={t.workUnit}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['profile', 'title']} label={t.title}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name={['profile', 'trainings']}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="baseline" wrap>
                <Form.Item name={[row.name, 'date']} label={t.trainingDate} {...dateFieldProps}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name={[row.name, 'title']} label={t.trainingTitle}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[row.name, 'hours']} label={t.trainingHours}>
                  <InputNumber min={0.5} max={1000} step={0.5} />
                </Form.Item>
                <Form.Item name={[row.name, 'organiser']} label={t.trainingOrganiser}>
                  <Input maxLength={60} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(row.name)}>
                  {t.remove}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ date: null, title: '', hours: 2, organiser: '' })}>
              {t.addTraining}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
