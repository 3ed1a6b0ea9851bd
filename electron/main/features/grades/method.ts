/** The GPA method in words for the audit trail: the same text the settings page shows (shared). */
export { gpaMethodText as methodText } from '../../../../shared/domain/grades';
