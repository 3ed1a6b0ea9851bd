import { createPortal } from 'react-dom';
import { formatDate } from '../../components/format';
import { MONO_STACK } from '../../app/theme';
import { KeyText } from './KeyText';

interface Props {
  recoveryKey: string;
  schoolName: string;
  departmentName: string;
}

/** The printed page: only the key, the school and the date. Hidden on screen. */
export function RecoveryKeySheet({ recoveryKey, schoolName, departmentName }: Props) {
  return createPortal(
    <div className="print-only" style={{ fontFamily: 'inherit', color: '#000' }}>
      <h1 style={{ fontSize: 22, margin: '0 0 8px' }}>学籍通 恢复密钥</h1>
      <p style={{ fontSize: 14, margin: '0 0 4px' }}>
        {schoolName} {departmentName}
      </p>
      <p style={{ fontSize: 14, margin: '0 0 24px' }}>打印日期：{formatDate(new Date())}</p>
      <div
        style={{
          fontFamily: MONO_STACK,
          fontSize: 24,
          letterSpacing: 2,
          lineHeight: 1.8,
          border: '2px solid #000',
          padding: '16px 20px',
          wordBreak: 'keep-all',
        }}
      >
        <KeyText value={recoveryKey} />
      </div>
      <p style={{ fontSize: 13, marginTop: 24, lineHeight: 1.8 }}>
        忘记所有密码时，凭此密钥可重设密码。请将本页保存在上锁的文件柜中，不要拍照、不要存放在电脑里。
      </p>
    </div>,
    document.body,
  );
}
