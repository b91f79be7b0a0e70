/* exchange.h - export and import of the whole community as JSON.
 *
 * The document's format (version 1) is defined in man/copse.1, section
 * EXPORT FORMAT.  Produced and read with SQLite's JSON functions.
 */
#ifndef COPSE_EXCHANGE_H
#define COPSE_EXCHANGE_H

#include <stddef.h>

#include "copse/db.h"
#include "copse/util.h"

/* Append the export document to out. */
int exchange_export_json(struct db *db, struct buf *out);
/* Import a document produced by exchange_export_json into an EMPTY
 * database (no members, meetings, entries or topics), in one
 * transaction: validated first, any error leaves the database unchanged
 * (INVALID with a message naming what is wrong). */
int exchange_import_json(struct db *db, const char *json, size_t len);

#endif
