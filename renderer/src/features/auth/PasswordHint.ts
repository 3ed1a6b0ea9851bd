/** Shown under new-password fields; the server checks the actual rule and explains what is wrong. */
export const PASSWORD_HINT = '至少 10 个字符，须同时包含字母和数字';
