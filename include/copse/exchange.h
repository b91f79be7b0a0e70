/* exchange.h - export and import of the whole community as JSON.
 *
 * The format (documented at the top of src/exchange.c and in
 * man/copse.1, EXPORT FORMAT) is one object:
 *   { "format": "copse", "version": 1, "exported": ISO, "meta": {...},
 *     "members": [...], "status_changes": [...], "devnotes": [...],
 *     "participation": [...], "connections": [...], "meetings": [...],
 *     "attendance": [...], "notes": [...], "actions": [...],
 *     "entries": [...], "revisions": [...], "entry_uses": [...],
 *     "entry_reads": [...], "topics": [...], "votes": [...],
 *     "topic_meetings": [...], "topic_entries": [...],
 *     "assessments": [...], "value_stories": [...], "activity": [...] }
 * Objects carry "id" and the SPEC §2 field names (= column names); tags
 * are embedded ("expertise"/"interest" in members, "tags" in entries).
 * Produced and read with SQLite's JSON functions.
 */
#ifndef COPSE_EXCHANGE_H
#define COPSE_EXCHANGE_H

#include <stddef.h>

#include "copse/db.h"
#include "copse/util.h"

/* Append the export document to out. */
int exchange_export_json(struct db *db, struct buf *out);
/* Import a document produced by exchange_export_json into an EMPTY
 * database, in one transaction: validated first, any error leaves the
 * database unchanged (INVALID with a message naming what is wrong). */
int exchange_import_json(struct db *db, const char *json, size_t len);

#endif
