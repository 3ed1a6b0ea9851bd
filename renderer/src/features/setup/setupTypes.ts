export interface SchoolForm {
  schoolCode: string;
  schoolName: string;
  departmentName: string;
}

export interface AdminForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export type SchoolField = keyof SchoolForm;
export type AdminField = 'username' | 'displayName' | 'password';

/** Where each server field path of setup.create is shown. */
export const SETUP_FIELDS: Record<string, SchoolField | AdminField> = {
  schoolCode: 'schoolCode',
  schoolName: 'schoolName',
  departmentName: 'departmentName',
  'admin.username': 'username',
  'admin.displayName': 'displayName',
  'admin.password': 'password',
};

export const SCHOOL_FIELDS: readonly string[] = ['schoolCode', 'schoolName', 'departmentName'];
