import dayjs, { type Dayjs } from 'dayjs';

/**
 * The API speaks `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm` wall-clock strings; antd's pickers speak
 * Dayjs. These props keep the form's values in the API's shape, so a form value can be sent
 * as it is and a server issue's path names the same field.
 */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DDTHH:mm';

export const dateFieldProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE_FORMAT) : null),
};

export const dateTimeFieldProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_TIME_FORMAT) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE_TIME_FORMAT) : null),
};

/** Shows a stored local date-time the way people read it. */
export function formatDateTime(value: string): string {
  return value.replace('T', ' ');
}

// China has used UTC+8 all year since 1991 (see domain chinaToday), so a fixed offset gives the
// room's wall clock even on a machine set to another zone.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A stored instant (or now) as China wall-clock `YYYY-MM-DDTHH:mm`. */
export function chinaDateTime(instant: string | number = Date.now()): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * A stored instant as the room reads it, `YYYY-MM-DD HH:mm` China time. Every timestamp the
 * renderer shows goes through here: `toLocaleString` without a zone shows the machine's clock,
 * which on a PC set to UTC is the day before for China's first eight hours.
 */
export function chinaTimeText(instant: string | number): string {
  return formatDateTime(chinaDateTime(instant));
}

/**
 * Now on China's wall clock as a Dayjs for the pickers, whose dates read in the machine's zone:
 * `dayjs()` on a machine set to UTC is still yesterday until 08:00 China time, which made the
 * current month unpickable and the default report period last month on the 1st.
 */
export function chinaNow(now: number = Date.now()): Dayjs {
  return dayjs(chinaDateTime(now));
}
