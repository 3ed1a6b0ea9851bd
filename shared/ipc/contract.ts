import { z } from 'zod';
import './zod-locale';
import type { Permission } from '../domain/permissions';
import { JOB_KIND_KEYS } from '../domain/jobs';
import type { Channel, EventName } from './channels';
import { AuditExportInput, AuditExportOutput, AuditListInput, AuditListOutput, AuditVerifyOutput } from './schemas/audit';
import { AppStatus, ChangePasswordInput, RecoverInput, SessionInfo, SignInInput, UnlockInput } from './schemas/auth';
import { Settings, UpdateSettingsInput } from './schemas/settings';
import { AssignCertificatesInput, AssignCertificatesOutput, CertificateIdInput, CertificateReasonInput, CertificateSettingsSchema, Done, HoldInput, ListCertificatesInput, ListCertificatesOutput, ListFormsInput, ListFormsOutput, PlanCertificatesOutput, RegisterFormsInput, RegisterFormsOutput, SpoilFormInput } from './schemas/certificates';
import { LoadDemoInput, LoadDemoOutput, SetupInput, SetupOutput } from './schemas/setup';
import { ClassInput, ClassUpdate, MajorInput, MajorUpdate, Major, OrgTree, SchoolClass } from './schemas/org';
import {
  AmendKeyChangeInput, AttachmentInfo, BulkUpdateInput, CreateKeyChangeInput, CreateStudentInput, DecideKeyChangeInput, DownloadInput,
  DuplicateCandidate, DuplicatesInput, ExportInput, ExportOutput, KeyChangeRequest, ListKeyChangesInput, RosterFilter, RosterPage,
  RosterQuery, SavedView, SaveViewInput, StudentProfile, StudentRecordInput, UpdateStudentInput, UploadInput,
} from './schemas/students';
import { AuditRow } from './schemas/audit';
import {
  CommitInput, CommitOutput, ImportBatch, ImportOpenInput, ImportOpenOutput, ImportOptions, InspectInput, InspectOutput,
  PhotoExportInput, PhotoExportOutput, PhotoImportInput, PhotoImportReport, PreviewOutput, TemplateInput,
} from './schemas/imports';
import { AssignNumbersInput, AssignNumbersOutput, StudentNoRule } from './schemas/student-numbers';
import { JobId, JobInfo } from './schemas/jobs';
import { HomeOverview } from './schemas/home';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserRow } from './schemas/users';
import { UserScope } from './schemas/scopes';
import { RotateKeyInput, RotateKeyOutput } from './schemas/keys';
import {
  AmendStatusChangeInput, AttachStatusChangeInput, CalendarSchema, DecideStatusChangeInput, ExportMonthInput, FileStatusChangeInput, FlagAbsentInput,
  JobOutputRef, ListStatusChangesInput, RecordServiceInput, SaveChainInput, StatusChangeDetail, StatusChangeDraft, StatusChangeDraftInput,
  StatusChangeFormInput, StatusChangePage, StatusChangeSettings, StatusChangeTodo, StatusPolicySchema,
  RolloverApplyInput, RolloverPreview, RolloverPreviewInput, RolloverResult,
} from './schemas/status-changes';
import { PhotoBatch, PhotoUndoOutput, PhotoUploadInput, PhotoUploadOutput } from './schemas/photos';
import { RunWarningsInput, SetAbsenceInput, WarningResults, WarningResultsInput, WarningRuleSetSchema, WarningRunSummary, WarningSettings } from './schemas/warnings';
import {
  FollowUpInput, FollowUpView, IssueNoticeInput, IssueNoticeOutput, RecordReceiptInput, RecordSendInput, SaveAssistPlanInput, SavedId, SaveFollowUpInput, SaveTalkInput, WarningTodo,
} from './schemas/warning-followups';
import { IssueProofInput, IssueProofOutput } from './schemas/proofs';
import { ListPlansInput, PlanDetail, PlanSummary, SavePlanInput } from './schemas/plans';
import { PreviewTranscriptInput, PreviewTranscriptOutput, PrintTranscriptsInput, PrintTranscriptsOutput, TranscriptSettingsSchema } from './schemas/transcripts';
import {
  ByProfileName, ByTemplateName, CalibrationSheetInput, CertificatePrintSettingsSchema, ExportTemplateInput, ImportTemplateInput, PrintCertificatesInput, PrintCertificatesOutput,
  PrinterProfileRow, SampleFactsInput, SampleFactsOutput, SaveProfileInput, SaveTemplateInput, SetBackgroundInput, TemplateBackground, TemplateDetail, TemplateSummary,
} from './schemas/certificate-print';
import {
  DetailInput, DetailOutput, ExportAuditInput, ExportAuditOutput, LeaversInput, LeaversOutput, OverrideInput, ResultRowSchema, ResultsInput, ResultsOutput, RulesInput, RulesView, RunAuditInput,
  RunAuditOutput, SaveRulesInput,
} from './schemas/graduation';
import { GpaInput, GpaMethodSchema, GpaMethodView, GpaOutput, GradeGrid, GradeGridInput, SaveGradesInput, SaveGradesOutput, StudentGrades } from './schemas/grades';

/**
 * Who may make a call: 'public' needs no sign-in (status, setup, sign-in itself); 'session' needs any
 * signed-in user; otherwise the named permission from shared/domain/permissions.ts, or any one of
 * several (a call shared by features, such as the imports, whose handler then checks the one its
 * own work needs).
 */
export type Access = 'public' | 'session' | Permission | readonly [Permission, ...Permission[]];

/** Running an import: the roster's, the grades' or the plan courses' permission (the handler checks the spec's own). */
const IMPORTS = ['students.write', 'grades.write', 'plans.write'] as const;

export interface CallSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Calls that still work while the session is idle-locked (to unlock or leave). */
  whileLocked?: boolean;
}

const none = z.object({}).strict();
const nothing = z.null();
const byId = z.object({ id: z.number().int().positive() });
const byIds = z.object({ ids: z.array(z.number().int().positive()).min(1, '请先选择学生').max(20_000) });

/** The one list of what the renderer may ask. Adding a channel here without a handler fails to compile. */
export const contract = {
  'app.status': { input: none, output: AppStatus, access: 'public', whileLocked: true },
  'setup.create': { input: SetupInput, output: SetupOutput, access: 'public' },
  'setup.loadDemo': { input: LoadDemoInput, output: LoadDemoOutput, access: 'settings.manage' },
  'auth.signIn': { input: SignInInput, output: SessionInfo, access: 'public' },
  'auth.signOut': { input: none, output: nothing, access: 'session', whileLocked: true },
  'auth.unlock': { input: UnlockInput, output: SessionInfo, access: 'session', whileLocked: true },
  /** 立即锁定: locks the session now, as the idle lock does. */
  'auth.lock': { input: none, output: nothing, access: 'session', whileLocked: true },
  'auth.touch': { input: none, output: nothing, access: 'session' },
  'auth.changePassword': { input: ChangePasswordInput, output: SessionInfo, access: 'session' },
  'auth.recover': { input: RecoverInput, output: SessionInfo, access: 'public' },
  'users.list': { input: none, output: z.array(UserRow), access: 'users.manage' },
  'users.create': { input: CreateUserInput, output: UserRow, access: 'users.manage' },
  'users.update': { input: UpdateUserInput, output: UserRow, access: 'users.manage' },
  'users.resetPassword': { input: ResetPasswordInput, output: nothing, access: 'users.manage' },
  /** 更换数据密钥: the database and attachments move to a new key; users who lost access lose their slots. */
  'keys.rotate': { input: RotateKeyInput, output: RotateKeyOutput, access: 'users.manage' },
  // 数据范围: the classes and grades a user is in charge of (enforced in the main process for every call).
  'scopes.get': { input: byId, output: UserScope, access: 'users.manage' },
  'scopes.set': { input: UserScope, output: UserScope, access: 'users.manage' },
  'settings.get': { input: none, output: Settings, access: 'session' },
  'settings.update': { input: UpdateSettingsInput, output: Settings, access: 'settings.manage' },
  'audit.list': { input: AuditListInput, output: AuditListOutput, access: 'audit.read' },
  'audit.verify': { input: none, output: AuditVerifyOutput, access: 'audit.read' },
  'audit.export': { input: AuditExportInput, output: AuditExportOutput, access: 'audit.read' },

  'org.tree': { input: none, output: OrgTree, access: 'org.read' },
  'org.createMajor': { input: MajorInput, output: Major, access: 'org.write' },
  'org.updateMajor': { input: MajorUpdate, output: Major, access: 'org.write' },
  'org.createClass': { input: ClassInput, output: SchoolClass, access: 'org.write' },
  'org.updateClass': { input: ClassUpdate, output: SchoolClass, access: 'org.write' },

  'students.list': { input: RosterQuery, output: RosterPage, access: 'students.read' },
  'students.get': { input: byId, output: StudentProfile, access: 'students.read' },
  // 全选: every student matching the roster's filter, for a bulk action (at most 20,000, as bulk actions take).
  'students.ids': { input: z.object({ filter: RosterFilter.default({}) }), output: z.object({ ids: z.array(z.number()), total: z.number() }), access: 'students.read' },
  'students.create': { input: CreateStudentInput, output: StudentProfile, access: 'students.write' },
  'students.update': { input: UpdateStudentInput, output: StudentProfile, access: 'students.write' },
  'students.register': { input: byIds, output: z.object({ count: z.number() }), access: 'students.write' },
  'students.bulkUpdate': { input: BulkUpdateInput, output: z.object({ count: z.number() }), access: 'students.write' },
  // For the form that creates or edits a student; a reader could otherwise test guesses of an ID number.
  'students.duplicates': { input: DuplicatesInput, output: z.array(DuplicateCandidate), access: 'students.write' },
  'students.export': { input: ExportInput, output: ExportOutput, access: 'students.export' },
  'students.addRecord': { input: StudentRecordInput, output: StudentProfile, access: 'students.write' },
  'students.removeRecord': { input: byId, output: StudentProfile, access: 'students.write' },
  'students.history': { input: byId, output: z.array(AuditRow), access: 'students.read' },

  // 学号编排: the rule, and numbering students without a 学号 by it (dryRun: the preview).
  'studentNumbers.rule': { input: none, output: StudentNoRule, access: 'students.read' },
  'studentNumbers.saveRule': { input: StudentNoRule, output: StudentNoRule, access: 'students.write' },
  'studentNumbers.assign': { input: AssignNumbersInput, output: AssignNumbersOutput, access: 'students.write' },

  'views.list': { input: none, output: z.array(SavedView), access: 'students.read' },
  'views.save': { input: SaveViewInput, output: SavedView, access: 'students.read' },
  'views.remove': { input: byId, output: nothing, access: 'students.read' },

  'attachments.upload': { input: UploadInput, output: AttachmentInfo, access: 'students.write' },
  // The file is the job's output, saved through the host (saveJobOutput; the CLI's --out).
  'attachments.download': { input: DownloadInput, output: JobOutputRef, access: 'students.identity.read' },

  'keyChanges.list': { input: ListKeyChangesInput, output: z.array(KeyChangeRequest), access: 'students.read' },
  'keyChanges.request': { input: CreateKeyChangeInput, output: KeyChangeRequest, access: 'changes.request' },
  // A step decided in the app by its role, or recorded from paper by a counselor: the engine checks
  // who may (electron/main/features/approvals/step.ts), as for 学籍异动.
  'keyChanges.decide': { input: DecideKeyChangeInput, output: KeyChangeRequest, access: 'session' },
  // The requester (or the admin) takes back a request still open; checked by the handler.
  'keyChanges.withdraw': { input: byId, output: KeyChangeRequest, access: 'changes.request' },
  // The requester amends a returned request and resubmits it from the first step.
  'keyChanges.amend': { input: AmendKeyChangeInput, output: KeyChangeRequest, access: 'changes.request' },

  // 学籍异动: work orders through their approval chains (electron/main/features/statusChanges).
  'statusChanges.list': { input: ListStatusChangesInput, output: StatusChangePage, access: 'students.read' },
  'statusChanges.get': { input: byId, output: StatusChangeDetail, access: 'students.read' },
  'statusChanges.draft': { input: StatusChangeDraftInput, output: StatusChangeDraft, access: 'changes.request' },
  'statusChanges.file': { input: FileStatusChangeInput, output: StatusChangeDetail, access: 'changes.request' },
  'statusChanges.amend': { input: AmendStatusChangeInput, output: StatusChangeDetail, access: 'changes.request' },
  // Decided in the app by a user of the step's role, or recorded from paper (needs changes.request):
  // the handler checks which, so any signed-in user may ask.
  'statusChanges.decide': { input: DecideStatusChangeInput, output: StatusChangeDetail, access: 'session' },
  'statusChanges.withdraw': { input: byId, output: StatusChangeDetail, access: 'changes.request' },
  'statusChanges.attach': { input: AttachStatusChangeInput, output: StatusChangeDetail, access: 'changes.request' },
  'statusChanges.recordService': { input: RecordServiceInput, output: StatusChangeDetail, access: 'changes.request' },
  'statusChanges.todo': { input: none, output: StatusChangeTodo, access: 'students.read' },
  'statusChanges.settings': { input: none, output: StatusChangeSettings, access: 'students.read' },
  'statusChanges.saveChain': { input: SaveChainInput, output: StatusChangeSettings, access: 'settings.manage' },
  'statusChanges.savePolicy': { input: StatusPolicySchema, output: StatusChangeSettings, access: 'settings.manage' },
  'statusChanges.saveCalendar': { input: CalendarSchema, output: StatusChangeSettings, access: 'settings.manage' },
  'statusChanges.flagAbsent': { input: FlagAbsentInput, output: nothing, access: 'changes.request' },
  'statusChanges.clearAbsent': { input: byId, output: nothing, access: 'changes.request' },
  'statusChanges.exportMonth': { input: ExportMonthInput, output: JobOutputRef.extend({ rows: z.number() }), access: 'students.export' },
  'statusChanges.form': { input: StatusChangeFormInput, output: JobOutputRef, access: 'students.read' },
  // 学年升级: the whole department moves into the next 学年 (admin only, one transaction, same-day undo).
  'yearRollover.preview': { input: RolloverPreviewInput, output: RolloverPreview, access: 'settings.manage' },
  'yearRollover.apply': { input: RolloverApplyInput, output: RolloverResult, access: 'settings.manage' },
  'yearRollover.undo': { input: byId, output: RolloverResult, access: 'settings.manage' },
  // 首页: what waits for this user. Any signed-in user; each part is filled only for those who may
  // see it (approvals for changes.approve, own requests for changes.request), checked by the handler.
  'home.overview': { input: none, output: HomeOverview, access: 'session' },

  // Every import spec (roster, grades, plan courses) runs through these calls; each handler checks
  // the permission of the spec it works on (shared/domain/import/specs.ts).
  'imports.open': { input: ImportOpenInput, output: ImportOpenOutput, access: IMPORTS },
  'imports.inspect': { input: InspectInput, output: InspectOutput, access: IMPORTS },
  'imports.preview': { input: ImportOptions, output: PreviewOutput, access: IMPORTS },
  'imports.commit': { input: CommitInput, output: CommitOutput, access: IMPORTS },
  // 问题清单 and the empty template: jobs whose output (a workbook) the host saves.
  'imports.errorReport': { input: ImportOptions, output: JobOutputRef, access: IMPORTS },
  // The batches of every spec the caller may see.
  'imports.batches': { input: none, output: z.array(ImportBatch), access: ['students.read', 'grades.read'] },
  'imports.undo': { input: byId, output: z.object({ removed: z.number(), restored: z.number() }), access: IMPORTS },
  'imports.template': { input: TemplateInput, output: JobOutputRef, access: IMPORTS },

  'photos.import': { input: PhotoImportInput, output: PhotoImportReport, access: 'students.write' },
  'photos.export': { input: PhotoExportInput, output: PhotoExportOutput, access: 'students.identity.read' },
  // The photo's bytes, not base64: Electron's IPC carries them as they are, and the browser host serves
  // them as an image (GET /api/photos/<id>, through this same call's checks); /api/call refuses it.
  'photos.get': { input: byId, output: z.object({ mime: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }).nullable(), access: 'students.identity.read' },
  // 上传照片 on the profile: set at once, or a change request once the student is registered (checked by the handler).
  'photos.upload': { input: PhotoUploadInput, output: PhotoUploadOutput, access: 'students.write' },
  // Photo imports in 导入记录, and 撤销 of one (photo file names are often ID numbers: the import's own permission).
  'photos.batches': { input: none, output: z.array(PhotoBatch), access: 'students.write' },
  'photos.undo': { input: byId, output: PhotoUndoOutput, access: 'students.write' },
  // Jobs (long work): this client's running and recently finished jobs, and 取消 of its own. Each
  // kind's permission is checked in core/jobs.ts; a cancelled call ends with the CANCELLED outcome.
  'jobs.list': { input: none, output: z.array(JobInfo), access: 'session' },
  'jobs.cancel': { input: z.object({ jobId: JobId }), output: nothing, access: 'session' },
  // 开具证明 (在读证明 / 学籍证明) as a PDF job; the student must be in the caller's 数据范围.
  'proofs.issue': { input: IssueProofInput, output: IssueProofOutput, access: 'students.write' },
  // 人才培养方案: versions per major and cohort; saving writes a new version, the old one stays as it was.
  'plans.list': { input: ListPlansInput, output: z.array(PlanSummary), access: 'org.read' },
  'plans.get': { input: byId, output: PlanDetail, access: 'org.read' },
  // The plan a class studies under (its cohort's, else the latest of an earlier cohort); null when none.
  'plans.forClass': { input: z.object({ classId: z.number().int().positive() }), output: PlanDetail.nullable(), access: 'org.read' },
  'plans.save': { input: SavePlanInput, output: PlanDetail, access: 'plans.write' },
  // 成绩: the grid of one course and class, saved whole or not at all; a student's GPA by the school's method.
  'grades.forCourse': { input: GradeGridInput, output: GradeGrid, access: 'grades.read' },
  'grades.save': { input: SaveGradesInput, output: SaveGradesOutput, access: 'grades.write' },
  'grades.gpa': { input: GpaInput, output: GpaOutput, access: 'grades.read' },
  // A student's courses with every attempt (the profile's 成绩 tab; the GPA beside it is grades.gpa).
  'grades.ofStudent': { input: GpaInput, output: StudentGrades, access: 'grades.read' },
  'grades.method': { input: none, output: GpaMethodView, access: 'grades.read' },
  'grades.saveMethod': { input: GpaMethodSchema, output: GpaMethodView, access: 'settings.manage' },

  // 学业预警 (electron/main/features/warnings): rule sets in settings, 旷课 hours, the run per term (a job) and its results.
  'warnings.settings': { input: none, output: WarningSettings, access: 'grades.read' },
  'warnings.saveRuleSet': { input: WarningRuleSetSchema, output: WarningSettings, access: 'settings.manage' },
  'warnings.setAbsence': { input: SetAbsenceInput, output: SetAbsenceInput, access: 'warnings.manage' },
  'warnings.run': { input: RunWarningsInput, output: WarningRunSummary, access: 'warnings.manage' },
  'warnings.results': { input: WarningResultsInput, output: WarningResults, access: 'grades.read' },
  // 成绩单: whoever reads grades may preview what a transcript says (the same facts as grades.gpa);
  // issuing one — an official, logged document — is the certificate clerk's (certificates.print), not
  // every grade enterer's: entering grades and certifying them are different duties.
  'transcripts.preview': { input: PreviewTranscriptInput, output: PreviewTranscriptOutput, access: 'grades.read' },
  'transcripts.print': { input: PrintTranscriptsInput, output: PrintTranscriptsOutput, access: 'certificates.print' },
  'transcripts.settings': { input: none, output: TranscriptSettingsSchema, access: 'grades.read' },
  'transcripts.saveSettings': { input: TranscriptSettingsSchema, output: TranscriptSettingsSchema, access: 'settings.manage' },
  // 学业预警 follow-up per warned student and term (features/warnings/followups.ts, notice.ts, todo.ts):
  // talks, the assistance plan and its follow-ups, the student's and the parent's notice (PDF jobs),
  // sending and 回执; the 待办 reminders (回执 overdue, follow-ups past due) within the 数据范围.
  'warnings.followUp': { input: FollowUpInput, output: FollowUpView, access: 'warnings.manage' },
  'warnings.saveTalk': { input: SaveTalkInput, output: SavedId, access: 'warnings.manage' },
  'warnings.savePlan': { input: SaveAssistPlanInput, output: nothing, access: 'warnings.manage' },
  'warnings.saveFollowUp': { input: SaveFollowUpInput, output: SavedId, access: 'warnings.manage' },
  'warnings.issueNotice': { input: IssueNoticeInput, output: IssueNoticeOutput, access: 'warnings.manage' },
  'warnings.recordSend': { input: RecordSendInput, output: SavedId, access: 'warnings.manage' },
  'warnings.recordReceipt': { input: RecordReceiptInput, output: nothing, access: 'warnings.manage' },
  'warnings.todo': { input: none, output: WarningTodo, access: 'warnings.manage' },

  // 证书套打 (electron/main/features/certificatePrint): templates as data, printer calibration, the
  // calibration sheet and the batch print — all the certificate clerk's (certificates.print).
  'certificateTemplates.list': { input: none, output: z.array(TemplateSummary), access: 'certificates.print' },
  'certificateTemplates.get': { input: ByTemplateName, output: TemplateDetail, access: 'certificates.print' },
  'certificateTemplates.save': { input: SaveTemplateInput, output: TemplateDetail, access: 'certificates.print' },
  'certificateTemplates.delete': { input: ByTemplateName, output: nothing, access: 'certificates.print' },
  'certificateTemplates.setDefault': { input: ByTemplateName, output: z.array(TemplateSummary), access: 'certificates.print' },
  // The scanned blank form: kept encrypted in the database, shown in the designer, never printed.
  'certificateTemplates.setBackground': { input: SetBackgroundInput, output: TemplateSummary, access: 'certificates.print' },
  // Its bytes, not base64 (as photos.get): the browser host serves them at GET /api/certificate-backgrounds/<name>.
  'certificateTemplates.background': { input: ByTemplateName, output: TemplateBackground, access: 'certificates.print' },
  // A template file (.json) as the job's output; importing one reads an uploaded file.
  'certificateTemplates.export': { input: ExportTemplateInput, output: JobOutputRef, access: 'certificates.print' },
  'certificateTemplates.import': { input: ImportTemplateInput, output: TemplateDetail, access: 'certificates.print' },
  // What one student's certificate prints, for the designer's live preview (the print uses the same fieldText).
  'certificateTemplates.sampleFacts': { input: SampleFactsInput, output: SampleFactsOutput, access: 'certificates.print' },
  'certificateTemplates.settings': { input: none, output: CertificatePrintSettingsSchema, access: 'certificates.print' },
  'certificateTemplates.saveSettings': { input: CertificatePrintSettingsSchema, output: CertificatePrintSettingsSchema, access: 'certificates.print' },
  'printerProfiles.list': { input: none, output: z.array(PrinterProfileRow), access: 'certificates.print' },
  'printerProfiles.save': { input: SaveProfileInput, output: z.array(PrinterProfileRow), access: 'certificates.print' },
  'printerProfiles.delete': { input: ByProfileName, output: z.array(PrinterProfileRow), access: 'certificates.print' },
  // 校准页 (PDF job): mm rulers and labelled crosshairs at the form's size, through a profile.
  'certificates.calibrationSheet': { input: CalibrationSheetInput, output: JobOutputRef, access: 'certificates.print' },
  // 套打 (PDF job): one page per certificate at the exact size; every sheet logged in the blank-form ledger.
  'certificates.print': { input: PrintCertificatesInput, output: PrintCertificatesOutput, access: 'certificates.print' },
  // 学历证书: the clerk numbers, voids, re-issues and keeps the blank-form ledger; 暂缓发证 is decided
  // by the 负责人 or the admin (certificates.hold), who also see the list to decide it.
  'certificates.settings': { input: none, output: CertificateSettingsSchema, access: ['certificates.print', 'certificates.hold'] },
  'certificates.saveSettings': { input: CertificateSettingsSchema, output: CertificateSettingsSchema, access: 'settings.manage' },
  'certificates.planNumbers': { input: AssignCertificatesInput, output: PlanCertificatesOutput, access: 'certificates.print' },
  'certificates.assign': { input: AssignCertificatesInput, output: AssignCertificatesOutput, access: 'certificates.print' },
  'certificates.list': { input: ListCertificatesInput, output: ListCertificatesOutput, access: ['certificates.print', 'certificates.hold'] },
  'certificates.void': { input: CertificateReasonInput, output: Done, access: 'certificates.print' },
  'certificates.reissueAsGraduate': { input: CertificateIdInput, output: Done, access: 'certificates.print' },
  'certificates.issueProof': { input: CertificateReasonInput, output: Done, access: 'certificates.print' },
  'certificates.hold': { input: HoldInput, output: Done, access: 'certificates.hold' },
  'certificates.releaseHold': { input: HoldInput, output: Done, access: 'certificates.hold' },
  'certificateForms.register': { input: RegisterFormsInput, output: RegisterFormsOutput, access: 'certificates.print' },
  'certificateForms.spoil': { input: SpoilFormInput, output: Done, access: 'certificates.print' },
  'certificateForms.list': { input: ListFormsInput, output: ListFormsOutput, access: 'certificates.print' },
  // 毕业资格审核 (features/graduation): the audit of a cohort (a job), its results and one student's
  // checks, the office's override (a reason, audited), 毕业要求 per plan version, the export (a job).
  'graduation.audit': { input: RunAuditInput, output: RunAuditOutput, access: 'graduation.audit' },
  'graduation.results': { input: ResultsInput, output: ResultsOutput, access: 'grades.read' },
  'graduation.detail': { input: DetailInput, output: DetailOutput, access: 'grades.read' },
  'graduation.override': { input: OverrideInput, output: ResultRowSchema, access: 'graduation.override' },
  'graduation.rules': { input: RulesInput, output: RulesView, access: 'grades.read' },
  'graduation.saveRules': { input: SaveRulesInput, output: RulesView, access: 'plans.write' },
  'graduation.export': { input: ExportAuditInput, output: ExportAuditOutput, access: 'grades.read' },
  'graduation.leavers': { input: LeaversInput, output: LeaversOutput, access: 'grades.read' },
} as const satisfies Record<Channel, CallSpec>;

export type Contract = typeof contract;
/** What the caller sends (defaults may be omitted). */
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives after validation. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type CallOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const ProgressEvent = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KIND_KEYS),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  /**
   * false once the work can no longer be stopped: an import's writing is one transaction that
   * runs to its end (or fails and leaves nothing), so 取消 is taken away rather than ignored.
   */
  cancellable: z.boolean().optional(),
});

export const events = {
  'session.locked': z.object({ reason: z.enum(['idle', 'signed_out']) }),
  progress: ProgressEvent,
  /** A job of this client started or ended: 后台任务 refreshes its list. */
  'jobs.changed': z.object({ jobId: z.string(), state: z.enum(['running', 'done', 'failed', 'cancelled']) }),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
