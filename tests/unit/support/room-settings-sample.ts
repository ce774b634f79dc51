import type { RoomSettingsInput } from '../../../domain/room-settings';

export const SAMPLE_ROOM_SETTINGS: RoomSettingsInput = {
  committeeName: '金峰路街道人民调解委员会',
  roomName: '“熬茶”接访工作室',
  organisationType: 'STREET',
  divisionCode: '632801001001',
  numberAbbreviation: '金峰',
  caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
  documentDateStyle: 'ARABIC',
  countyOfficeName: '格尔木市司法局',
};
