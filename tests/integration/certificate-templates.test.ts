/**
 * 证书模板 and 打印机校准 (issue 16) against the real encrypted database: the shipped default, save
 * with its checks (Chinese problems naming the field), rename and name clashes, the one default,
 * the scanned blank (JPG/PNG only, bytes back), template files exported and imported (round trip,
 * a newer format refused, a name clash refused), profiles within their ranges, and the audit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../shared/domain/certificates/default-template';
import type { CertificateTemplate } from '../../shared/domain/certificates/template';
import { makeApp, type TestApp } from '../support/harness';

const A = 'admin-client';
const CLERK = { username: 'sun', displayName: '孙老师', role: 'clerk', password: 'Clerk12345xy', client: 'clerk-client' } as const;
const C = CLERK.client;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let app: TestApp;
beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addUser(CLERK, C);
});
afterEach(() => app.remove());

const copy = (over: Partial<CertificateTemplate> = {}): CertificateTemplate => ({ ...structuredClone(DEFAULT_TEMPLATE), name: '我校毕业证书', ...over });

describe('certificate templates', () => {
  it('ships the default 毕业证书 template, equal to the domain constant', async () => {
    const list = await app.call(C, 'certificateTemplates.list', {});
    expect(list).toEqual([expect.objectContaining({ name: DEFAULT_TEMPLATE_NAME, kind: '毕业证书', isDefault: true, hasBackground: false })]);
    const got = await app.call(C, 'certificateTemplates.get', { name: DEFAULT_TEMPLATE_NAME });
    expect(got.template).toEqual(DEFAULT_TEMPLATE);
  });

  it('refuses a template breaking a rule, naming the field, in Chinese', async () => {
    const t = copy();
    t.fields[0] = { ...t.fields[0]!, xMm: 230 }; // 姓名 past the right edge (230 + 36 > 240)
    t.fields[2] = { ...t.fields[2]!, dateForm: undefined }; // 出生日期 without its form
    t.fields.push({ id: 'fixed', key: 'text', xMm: 10, yMm: 10, widthMm: 20, font: 'serif', sizePt: 12, align: 'left', letterSpacingPt: 0 });
    const e = await app.fails(C, 'certificateTemplates.save', { template: t });
    expect(e.code).toBe('VALIDATION');
    const messages = (e.issues ?? []).map((i) => i.message).join('\n');
    expect(messages).toContain('第 1 项“姓名”超出纸张右边');
    expect(messages).toContain('第 3 项“出生日期”请选择日期写法');
    expect(messages).toContain('固定文字请填写内容');
    const zero = copy();
    zero.fields[1] = { ...zero.fields[1]!, widthMm: 0 };
    expect((await app.fails(C, 'certificateTemplates.save', { template: zero })).issues?.map((i) => i.message)).toContain('第 2 项“性别”的宽度应大于 0');
  });

  it('saves, renames, refuses a taken name, keeps one default, and never deletes the default', async () => {
    const saved = await app.call(C, 'certificateTemplates.save', { template: copy() });
    expect(saved.summary).toMatchObject({ name: '我校毕业证书', isDefault: false, updatedBy: 'sun' });
    expect((await app.fails(C, 'certificateTemplates.save', { template: copy() })).message).toContain('已有名为“我校毕业证书”的证书模板');
    await app.call(C, 'certificateTemplates.save', { template: copy({ name: '我校毕业证书2026' }), previousName: '我校毕业证书' });
    const list = await app.call(C, 'certificateTemplates.setDefault', { name: '我校毕业证书2026' });
    expect(list.filter((t) => t.isDefault).map((t) => t.name)).toEqual(['我校毕业证书2026']);
    expect((await app.fails(C, 'certificateTemplates.delete', { name: '我校毕业证书2026' })).message).toContain('是默认模板，不能删除');
    await app.call(C, 'certificateTemplates.delete', { name: DEFAULT_TEMPLATE_NAME });
    expect((await app.call(C, 'certificateTemplates.list', {})).map((t) => t.name)).toEqual(['我校毕业证书2026']);
    const audit = await app.call(A, 'audit.list', { page: 0, pageSize: 50 });
    const actions = audit.rows.map((r) => r.action);
    for (const a of ['certificateTemplates.save', 'certificateTemplates.setDefault', 'certificateTemplates.delete']) expect(actions).toContain(a);
  });

  it('keeps a scanned blank (PNG/JPG only) and answers its bytes', async () => {
    const bad = await app.fails(C, 'certificateTemplates.setBackground', { name: DEFAULT_TEMPLATE_NAME, ...app.upload(C, 'blank.pdf', Buffer.from('%PDF-1.4')) });
    expect(bad.message).toContain('底图请用 JPG 或 PNG');
    const fake = await app.fails(C, 'certificateTemplates.setBackground', { name: DEFAULT_TEMPLATE_NAME, ...app.upload(C, 'blank.png', Buffer.from('not an image')) });
    expect(fake.message).toContain('内容与扩展名不符');
    const s = await app.call(C, 'certificateTemplates.setBackground', { name: DEFAULT_TEMPLATE_NAME, ...app.upload(C, 'blank.png', PNG) });
    expect(s.hasBackground).toBe(true);
    const bg = await app.call(C, 'certificateTemplates.background', { name: DEFAULT_TEMPLATE_NAME });
    expect(bg?.mime).toBe('image/png');
    expect([...bg!.bytes]).toEqual([...PNG]);
    await app.call(C, 'certificateTemplates.setBackground', { name: DEFAULT_TEMPLATE_NAME, fileId: null });
    expect(await app.call(C, 'certificateTemplates.background', { name: DEFAULT_TEMPLATE_NAME })).toBeNull();
  });

  it('exports a template file and imports it back; refuses a newer format and a taken name', async () => {
    await app.call(C, 'certificateTemplates.save', { template: copy() });
    const out = await app.call(C, 'certificateTemplates.export', { name: '我校毕业证书', jobId: 'exp-1' });
    expect(out.fileName).toBe('证书模板_我校毕业证书.json');
    const bytes = app.output(C, 'exp-1');
    expect((await app.fails(C, 'certificateTemplates.import', app.upload(C, out.fileName, bytes))).message).toContain('已有名为“我校毕业证书”的证书模板');
    await app.call(C, 'certificateTemplates.delete', { name: '我校毕业证书' });
    const back = await app.call(C, 'certificateTemplates.import', app.upload(C, out.fileName, bytes));
    expect(back.template).toEqual(copy());

    const file = JSON.parse(bytes.toString('utf8')) as { format: number; template: CertificateTemplate };
    const newer = Buffer.from(JSON.stringify({ ...file, format: 2, template: { ...file.template, format: 2, name: '新格式' } }));
    expect((await app.fails(C, 'certificateTemplates.import', app.upload(C, 'new.json', newer))).message).toContain('由更新版本的学籍通导出');
    const broken = Buffer.from(JSON.stringify({ ...file, template: { ...file.template, name: '坏模板', page: { widthMm: 100, heightMm: 170 } } }));
    const e = await app.fails(C, 'certificateTemplates.import', app.upload(C, 'broken.json', broken));
    expect(e.message).toContain('超出纸张右边');
    expect((await app.fails(C, 'certificateTemplates.import', app.upload(C, 'x.json', Buffer.from('hello')))).message).toContain('不是证书模板文件');
  });
});

describe('printer profiles', () => {
  it('saves within range, refuses beyond it, renames and deletes', async () => {
    const list = await app.call(C, 'printerProfiles.save', { profile: { name: '办公室 HP', offsetXMm: 1.5, offsetYMm: -0.8, scaleX: 1.002, scaleY: 0.998 } });
    expect(list).toEqual([expect.objectContaining({ name: '办公室 HP', offsetXMm: 1.5, offsetYMm: -0.8 })]);
    const e = await app.fails(C, 'printerProfiles.save', { profile: { name: '坏的', offsetXMm: 25, offsetYMm: 0, scaleX: 1.2, scaleY: 1 } });
    const messages = (e.issues ?? []).map((i) => i.message);
    expect(messages).toContain('左右偏移应在 ±20 毫米之内');
    expect(messages).toContain('横向缩放应在 0.95–1.05 之间');
    await app.call(C, 'printerProfiles.save', { profile: { name: '办公室 HP 手动进纸', offsetXMm: 2, offsetYMm: 0, scaleX: 1, scaleY: 1 }, previousName: '办公室 HP' });
    expect((await app.call(C, 'printerProfiles.delete', { name: '办公室 HP 手动进纸' }))).toEqual([]);
  });
});
