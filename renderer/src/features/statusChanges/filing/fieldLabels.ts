import type { StatusChangeType } from '../../../../../shared/domain/status-changes';

/** 休学 ends with an expected return; 保留学籍 and 保留入学资格 are kept until a day. */
export const endDateLabel = (type: StatusChangeType): string => (type === 'suspend' ? '预计复学日期' : '保留至');

/** 转入 names the school the student comes from, 转出 the one they go to. */
export const otherSchoolLabel = (type: StatusChangeType): string => (type === 'transferIn' ? '转出学校（原学校）' : '转入学校');
