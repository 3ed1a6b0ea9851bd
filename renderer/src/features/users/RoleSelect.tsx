import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, ROLES, type Role } from '../../../../shared/domain/permissions';

interface Props {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
  disabled?: boolean;
}

/** The role picker; under it, what the chosen role may do (from the shared permission table). */
export function RoleSelect({ value, onChange, error, disabled }: Props) {
  const summary = ROLE_PERMISSIONS[value].map((p) => PERMISSIONS[p]).join('、');
  return (
    <TextField
      select
      label="角色"
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      error={Boolean(error)}
      helperText={error ?? `可以：${summary}`}
      disabled={disabled}
    >
      {ROLES.map((role) => (
        <MenuItem key={role} value={role}>
          {ROLE_LABELS[role]}
        </MenuItem>
      ))}
    </TextField>
  );
}
