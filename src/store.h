/* store.h - private to the store modules (db.c, member.c, meeting.c,
 * entry.c, topic.c, activity.c, exchange.c, demo.c).  Nothing outside the
 * store includes this or <sqlite3.h>.
 */
#ifndef COPSE_STORE_H
#define COPSE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/status.h"
#include "copse/util.h"

struct db {
	sqlite3 *h;
	char *path;
	char login[64];
	char err[512];
	int tx_depth;          /* 0: no transaction; 1: db_begin's or a verb's;
	                        * +1 for each verb inside (no nested BEGIN) */
};

/* Set db->err from a printf format and return status. */
int db_fail(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Map an SQLite result to a status with a message "<what>: <reason>"
 * (what may be NULL).  Returns COPSE_OK for SQLITE_OK/DONE/ROW. */
int db_sqlite_fail(struct db *db, int rc, const char *what);

/* Prepare; on error sets the message and returns the status. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
/* Run SQL without results (may be several statements). */
int db_exec(struct db *db, const char *sql);

/* Write transactions for a verb: db_write_begin starts BEGIN IMMEDIATE
 * unless the caller already holds one (db_begin); db_write_end commits
 * (status == OK) or rolls back, and returns status or the commit error. */
int db_write_begin(struct db *db);
int db_write_end(struct db *db, int status);

/* Bind helpers: NULL string binds SQL NULL; id 0 binds NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
int db_bind_id(sqlite3_stmt *st, int i, int64_t id);
/* Column helpers: duplicate text ("" for NULL with col_str, NULL kept
 * with col_strn). NULL return only on ENOMEM for col_str. */
char *col_str(sqlite3_stmt *st, int i);
char *col_strn(sqlite3_stmt *st, int i);

/* Run a one-row statement "SELECT count(*)..." style; returns the integer
 * in *out.  Finalises st. */
int db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out);

/* Validation helpers: value in a NULL-terminated list. */
int db_one_of(const char *v, const char *const *allowed);
/* "a|b|c" for error messages from the same list (static buffer). */
const char *db_list_str(const char *const *allowed);
/* COPSE_OK when v is in allowed, else INVALID with the message
 * "<label> '<v>': must be one of a|b|c". */
int db_check_one_of(struct db *db, const char *label, const char *v,
		    const char *const *allowed);

/* ---- pieces the verbs share ---- */

/* COPSE_NOMEM with the message "out of memory". */
int db_nomem(struct db *db);
/* Replace *field with a copy of v (NULL allowed; v may be *field
 * itself).  -1 on ENOMEM, *field unchanged. */
int db_set_str(char **field, const char *v);
/* Step a one-shot write statement and finalise it; errors name what. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what);
/* db_step_done for "UPDATE table ... WHERE id = ? AND version = ?":
 * when it changed no row, NOTFOUND when row id is gone, else CONFLICT
 * "<table> <id>: changed by someone else (now version N)". */
int db_step_update(struct db *db, sqlite3_stmt *st, const char *what, const char *table,
		   int64_t id);
/* Trim *field without writing into the caller's string: a trimmed copy
 * replaces it only when there is whitespace to remove.  NULL or blank
 * becomes NULL when nullable, else "".  -1 on ENOMEM. */
int db_trim_field(char **field, int nullable);
/* Normalise *field, when not NULL, to "YYYY-MM-DD"; INVALID
 * "<label> '<v>': not a valid date (YYYY-MM-DD)" when it is no date. */
int db_norm_date(struct db *db, char **field, const char *label);
/* Prepare sql, bind id to its one parameter and run it (db_step_done). */
int db_run_id(struct db *db, const char *sql, int64_t id, const char *what);
/* NOTFOUND ("<what> <id>: no such <what>") unless sql, with id bound to
 * its one parameter, gives a row; then *text (may be NULL; caller frees)
 * gets a copy of column 0. */
int db_lookup(struct db *db, const char *sql, int64_t id, const char *what, char **text);
/* Insert each non-empty string of v with sql, binding id to ?1 and the
 * string to ?2 (one prepared statement for all). */
int db_insert_strv(struct db *db, const char *sql, int64_t id, const struct strv *v,
		   const char *what);
/* The delete verb of a table whose rows have an id and a title column
 * col: NOTFOUND when row id is missing, else delete it and log
 * "deleted" <table> id <title>, in one write transaction. */
int db_delete_logged(struct db *db, const char *table, const char *col, int64_t id);

/* Lists.  db_collect steps st to the end (and finalises it), appending
 * one element of `size` bytes per row: row() fills a zeroed element and
 * returns a status.  On failure every element read so far is released
 * with done() (element-wise; may be NULL) and *out is NULL.  Step errors
 * name what. */
typedef int (*db_row_fn)(struct db *db, sqlite3_stmt *st, void *elem);
int db_collect(struct db *db, sqlite3_stmt *st, size_t size, db_row_fn row,
	       void (*done)(void *elem), const char *what, void **out, size_t *n);
/* Make room in *v (*cap elements of size bytes, len used) for one more,
 * zeroed.  -1 on ENOMEM (*v unchanged). */
int db_grow(void **v, size_t *cap, size_t len, size_t size);
/* done() each of the n elements of v, then free v (v may be NULL). */
void db_list_free(void *v, size_t n, size_t size, void (*done)(void *elem));
/* Step st (finalised) expecting one row and read it with row(); NOTFOUND
 * with the message `missing` when there is none.  The caller releases
 * elem on failure. */
int db_get_row(struct db *db, sqlite3_stmt *st, db_row_fn row, void *elem,
	       const char *what, const char *missing);
/* Rows that belong to the elements of a list, read in one pass (tags of
 * members or entries).  v holds n elements of `size` bytes, each with its
 * int64_t id at offset id_off.  sql, with ?1 and ?2 bound to the smallest
 * and largest of those ids, gives rows whose column 0 is the id of the
 * element they belong to, ordered by it; add() files each row under its
 * element.  Rows of ids not in v are skipped.  Errors name what. */
int db_attach(struct db *db, const char *sql, void *v, size_t n, size_t size, size_t id_off,
	      db_row_fn add, const char *what);
/* A db_row_fn for "SELECT id ...": the element is an int64_t. */
int db_row_id(struct db *db, sqlite3_stmt *st, void *elem);

/* ---- between store modules ---- */

/* member.c: the id of the member with handle ("zoe" or "@zoe");
 * NOTFOUND "member zoe: no such member". */
int member_id_by_handle(struct db *db, const char *handle, int64_t *id);

/* Normalise a list of tags in place: trimmed, a leading '#' dropped, empty
 * ones and duplicates (ignoring case, the first spelling kept) removed.
 * A comma is refused (tags are saved comma-separated in revisions):
 * INVALID "KIND tag 'a,b': must not contain a comma". */
int db_clean_tags(struct db *db, struct strv *tags, const char *kind);

#endif
