import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

const RULES = [
  '文件名为学生的身份证号、考生号或学号，例如 110101200801011234.jpg、2025510203001.png。',
  '支持 JPG、PNG 格式的照片，也可以直接选择包含照片的 ZIP 压缩包（可一次选择多个文件）。',
  '照片会统一裁剪为 480×640 像素（3:4 证件照比例）并加密保存在本机。',
  '已注册学籍的学生如已有照片，更换照片需提交变更申请，经审批后生效。',
];

/** How photo files must be named and what happens to them. */
export function PhotoRules() {
  return (
    <Box component="ul" aria-label="照片导入规则" sx={{ m: 0, pl: 2.5, color: 'text.secondary', '& li': { mb: 0.5 } }}>
      {RULES.map((r) => (
        <Typography key={r} component="li" variant="body2">
          {r}
        </Typography>
      ))}
    </Box>
  );
}
