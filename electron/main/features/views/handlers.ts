import { and, asc, eq } from 'drizzle-orm';
import { savedViews } from '../../../../db/schema';
import type { SavedView } from '../../../../shared/ipc/schemas/students';
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';

type View = z.infer<typeof SavedView>;
const toDto = (r: typeof savedViews.$inferSelect): View => ({ id: r.id, name: r.name, definition: JSON.parse(r.definition) as View['definition'] });

/** Saved roster views belong to the user who saved them. */
export const viewsHandlers: FeatureHandlers<'views'> = {
  'views.list': (_input, ctx) => ctx.db().select().from(savedViews).where(eq(savedViews.userId, ctx.actor().userId)).orderBy(asc(savedViews.name)).all().map(toDto),

  'views.save': ({ name, definition }, ctx) => {
    const userId = ctx.actor().userId;
    const json = JSON.stringify(definition);
    const row = ctx.write((db) => {
      const r = db.insert(savedViews).values({ userId, name, definition: json, createdAt: new Date(ctx.core.now()).toISOString() })
        .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { definition: json } }).returning().get();
      return { value: r, audit: [{ action: 'views.save', entity: 'view', entityId: r.id, summary: `保存名册视图“${name}”` }] };
    });
    return toDto(row);
  },

  'views.remove': ({ id }, ctx) => {
    const userId = ctx.actor().userId;
    const row = ctx.db().select().from(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.userId, userId))).get();
    if (!row) throw new AppError('NOT_FOUND', '找不到该视图');
    ctx.write((db) => {
      db.delete(savedViews).where(eq(savedViews.id, id)).run();
      return { value: null, audit: [{ action: 'views.remove', entity: 'view', entityId: id, summary: `删除名册视图“${row.name}”` }] };
    });
    return null;
  },
};
