import { migration001 } from './001-ledger-core.js';
import { migration002 } from './002-code-tables.js';
import { migration003 } from './003-case-ledger.js';
import { migration004 } from './004-agreements.js';
import { migration005 } from './005-reports-screening.js';
import { migration006 } from './006-print-register.js';
import { migration007 } from './007-followups.js';
import { migration008 } from './008-change-history.js';
import { migration009 } from './009-ledger-identity.js';
import { migration010 } from './010-record-grace.js';
import { migration011 } from './011-form-drafts.js';
import { migration012 } from './012-subsidy-claims.js';
import { migration013 } from './013-reported-cases.js';
import { migration014 } from './014-case-volume.js';
import { migration015 } from './015-period-print-register.js';
import { migration016 } from './016-zongzhi-court-fields.js';
import { migration017 } from './017-mediator-print-register.js';
import { migration018 } from './018-ledger-covering-indexes.js';
import { migration019 } from './019-followup-list-indexes.js';
import { migration020 } from './020-outcome-after-reopen.js';
import { migration021 } from './021-open-cases-index.js';
import { migration022 } from './022-audit-chain.js';
import { migration023 } from './023-mediator-print-events.js';
import { migration024 } from './024-own-script-names.js';
import { migration025 } from './025-desk-accounts.js';
import { migration026 } from './026-translation-wording.js';
import { migration027 } from './027-account-mediator-and-recovery-owner.js';
import { migration028 } from './028-case-registrar-account.js';
import { migration029 } from './029-mediators-read-room.js';
import { migration030 } from './030-claim-case-summary.js';
import { migration031 } from './031-digit-suffix-search.js';
import { migration032 } from './032-search-prefix-index.js';
import type { Migration } from './migration.js';

/** Every schema step, in order. Append only: a released step is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
  migration023,
  migration024,
  migration025,
  migration026,
  migration027,
  migration028,
  migration029,
  migration030,
  migration031,
  migration032,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export type { Migration } from './migration.js';
