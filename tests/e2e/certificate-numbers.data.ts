import { idCheckChar } from '../../shared/domain/idcard';

/** The clerk and the 2023 grade of certificate-numbers.spec.ts (shared by its seed script). */
export const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy' } as const;
export const MANAGER = { username: 'qian', displayName: '钱主任', role: 'manager', password: 'Manager12345' } as const;

const id = (ymd: string, seq: string) => `110105${ymd}${seq}` + idCheckChar(`110105${ymd}${seq}`);

/** 学号 order is the list's; ID-number order (birth dates) is another. 韩九 has not been audited. */
export const PEOPLE = [
  { name: '赵一', birth: '2005-06-01', outcome: '毕业' },
  { name: '钱二', birth: '2004-10-01', outcome: '结业' },
  { name: '孙三', birth: '2005-02-01', outcome: '毕业' },
  { name: '李四', birth: '2004-03-01', outcome: '毕业' },
  { name: '周五', birth: '2005-11-21', outcome: '延长学习年限' },
  { name: '吴六', birth: '2004-12-12', outcome: '毕业' },
  { name: '郑七', birth: '2005-08-08', outcome: '结业' },
  { name: '韩九', birth: '2005-01-15', outcome: null },
].map((p, i) => ({ ...p, studentNo: `2023510201${String(i + 1).padStart(2, '0')}`, idNumber: id(p.birth.replaceAll('-', ''), '031') })) as {
  name: string;
  birth: string;
  outcome: '毕业' | '结业' | '延长学习年限' | null;
  studentNo: string;
  idNumber: string;
}[];
