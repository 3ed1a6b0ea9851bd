import { blob, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Certificate templates (migration 0026): the template as JSON, the designer's scanned blank, the default. */
export const certificateTemplates = sqliteTable('certificate_templates', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'毕业证书' | '结业证书'>().notNull(),
  templateJson: text('template_json').notNull(),
  background: blob('background', { mode: 'buffer' }),
  backgroundMime: text('background_mime'),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 打印机校准 profiles (migration 0026). */
export const printerProfiles = sqliteTable('printer_profiles', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  offsetXMm: real('offset_x_mm').notNull(),
  offsetYMm: real('offset_y_mm').notNull(),
  scaleX: real('scale_x').notNull(),
  scaleY: real('scale_y').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});
