import Alert from '@mui/material/Alert';
import type { FieldChoice } from './FieldSelect';

/** The required fields no column is assigned to (as the server found them, minus those since assigned). */
export function MissingFieldsAlert({ fields, catalogue }: { fields: readonly string[]; catalogue: readonly FieldChoice[] }) {
  if (fields.length === 0) return null;
  const labels = fields.map((f) => `“${catalogue.find((c) => c.key === f)?.label ?? f}”`).join('、');
  return (
    <Alert severity="warning">
      文件中没有找到必填的列：{labels}。请在下表中为它们选择对应的列；如果文件里确实没有，请在文件中补上这些列后重新选择文件。
    </Alert>
  );
}
