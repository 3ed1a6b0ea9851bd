import type { Handlers } from './core/handlers-type';
import { appHandlers } from './features/app/handlers';
import { auditHandlers } from './features/audit/handlers';
import { authHandlers } from './features/auth/handlers';
import { settingsHandlers } from './features/settings/handlers';
import { setupHandlers } from './features/setup/handlers';
import { usersHandlers } from './features/users/handlers';
import { keysHandlers } from './features/keys/handlers';
import { scopesHandlers } from './features/scopes/handlers';
import { orgHandlers } from './features/org/handlers';
import { studentsHandlers } from './features/students/handlers';
import { studentNumbersHandlers } from './features/studentNumbers/handlers';
import { viewsHandlers } from './features/views/handlers';
import { attachmentsHandlers } from './features/attachments/handlers';
import { keyChangesHandlers } from './features/keyChanges/handlers';
import { homeHandlers } from './features/home/handlers';
import { importsHandlers } from './features/imports/handlers';
import { photosHandlers } from './features/photos/handlers';
import { jobsHandlers } from './features/jobs/handlers';
import { proofsHandlers } from './features/proofs/handlers';
import { statusChangesHandlers } from './features/statusChanges/handlers';
import { yearRolloverHandlers } from './features/yearRollover/handlers';
import { plansHandlers } from './features/plans/handlers';
import { gradesHandlers } from './features/grades/handlers';
import { warningsHandlers } from './features/warnings/handlers';
import { transcriptsHandlers } from './features/transcripts/handlers';
import { certificatePrintHandlers } from './features/certificatePrint/handlers';
import { certificateFormsHandlers, certificatesHandlers } from './features/certificates/handlers';
import { graduationHandlers } from './features/graduation/handlers';

/** Every feature's handlers in one map; the type makes a missing or misspelt channel a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...keysHandlers,
  ...scopesHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...orgHandlers,
  ...studentsHandlers,
  ...studentNumbersHandlers,
  ...viewsHandlers,
  ...attachmentsHandlers,
  ...keyChangesHandlers,
  ...homeHandlers,
  ...importsHandlers,
  ...photosHandlers,
  ...jobsHandlers,
  ...proofsHandlers,
  ...statusChangesHandlers,
  ...yearRolloverHandlers,
  ...plansHandlers,
  ...gradesHandlers,
  ...warningsHandlers,
  ...transcriptsHandlers,
  ...certificatePrintHandlers,
  ...certificatesHandlers,
  ...certificateFormsHandlers,
  ...graduationHandlers,
};
