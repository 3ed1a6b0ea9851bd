/**
 * Every channel name the renderer may use, as plain strings. The sandboxed preload imports only
 * this file (it cannot load zod) to build its allow-list; the contract is typed against it.
 */
export const CHANNELS = [
  'app.status',
  'setup.create',
  'setup.loadDemo',
  'auth.signIn',
  'auth.signOut',
  'auth.unlock',
  'auth.lock',
  'auth.touch',
  'auth.changePassword',
  'auth.recover',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'keys.rotate',
  'scopes.get',
  'scopes.set',
  'settings.get',
  'settings.update',
  'audit.list',
  'audit.verify',
  'audit.export',
  'org.tree',
  'org.createMajor',
  'org.updateMajor',
  'org.createClass',
  'org.updateClass',
  'students.list',
  'students.get',
  'students.ids',
  'students.create',
  'students.update',
  'students.register',
  'students.bulkUpdate',
  'students.duplicates',
  'students.export',
  'students.addRecord',
  'students.removeRecord',
  'students.history',
  'studentNumbers.rule',
  'studentNumbers.saveRule',
  'studentNumbers.assign',
  'views.list',
  'views.save',
  'views.remove',
  'attachments.upload',
  'attachments.download',
  'keyChanges.list',
  'keyChanges.request',
  'keyChanges.decide',
  'keyChanges.withdraw',
  'keyChanges.amend',
  'statusChanges.list',
  'statusChanges.get',
  'statusChanges.draft',
  'statusChanges.file',
  'statusChanges.amend',
  'statusChanges.decide',
  'statusChanges.withdraw',
  'statusChanges.attach',
  'statusChanges.recordService',
  'statusChanges.todo',
  'statusChanges.settings',
  'statusChanges.saveChain',
  'statusChanges.savePolicy',
  'statusChanges.saveCalendar',
  'statusChanges.flagAbsent',
  'statusChanges.clearAbsent',
  'statusChanges.exportMonth',
  'statusChanges.form',
  'yearRollover.preview',
  'yearRollover.apply',
  'yearRollover.undo',
  'home.overview',
  'imports.open',
  'imports.inspect',
  'imports.preview',
  'imports.commit',
  'imports.errorReport',
  'imports.batches',
  'imports.undo',
  'imports.template',
  'photos.import',
  'photos.export',
  'photos.get',
  'photos.upload',
  'photos.batches',
  'photos.undo',
  'jobs.list',
  'jobs.cancel',
  'proofs.issue',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['session.locked', 'progress', 'jobs.changed'] as const;
export type EventName = (typeof EVENTS)[number];

/** Electron IPC channel prefix, so app channels never collide with Electron's own. */
export const IPC_PREFIX = 'xueji:';
export const IPC_EVENT_PREFIX = 'xueji-event:';
/**
 * What the Electron host does itself, beside the contract's calls: take a file the user chose
 * (its bytes, never a path) and save a job's output through the save dialog. The browser host
 * does the same over HTTP (POST /api/files, GET /api/jobs/<id>/output).
 */
export const HOST_UPLOAD = 'xueji-host:upload';
export const HOST_SAVE_OUTPUT = 'xueji-host:save-output';
/** Shows a job's PDF in a window of its own and opens the system print dialog at the PDF's page size. */
export const HOST_PRINT_OUTPUT = 'xueji-host:print-output';
