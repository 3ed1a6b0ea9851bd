import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'counselor', 'clerk', 'manager', 'viewer'] }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: text('password_changed_at').notNull(),
  lastSignInAt: text('last_sign_in_at'),
  createdAt: text('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  at: text('at').notNull(),
  userId: integer('user_id'),
  username: text('username').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  summary: text('summary').notNull(),
  changes: text('changes').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /** The entry this one is part of (an import's per-row entries → the import's entry); null when it stands alone. */
  parentId: integer('parent_id'),
});
