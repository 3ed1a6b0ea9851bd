import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { FieldGrid, FormSection } from './FormSection';
import { fieldProps, type FieldBinding } from './useStudentFields';

/** 联系方式. */
export function ContactSection({ b }: { b: FieldBinding }) {
  return (
    <FormSection title="联系方式">
      <FieldGrid>
        <TextField {...fieldProps(b, 'phone')} />
        <TextField {...fieldProps(b, 'email')} />
        <Box sx={{ gridColumn: { xs: 'auto', md: 'span 2' } }} />
        <Box sx={{ gridColumn: { xs: 'auto', sm: 'span 2' } }}>
          <TextField {...fieldProps(b, 'householdAddress')} />
        </Box>
        <Box sx={{ gridColumn: { xs: 'auto', sm: 'span 2' } }}>
          <TextField {...fieldProps(b, 'homeAddress')} />
        </Box>
      </FieldGrid>
    </FormSection>
  );
}
