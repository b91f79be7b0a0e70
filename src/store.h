/* store.h - private to the store modules (db.c, db-file.c, schema.c,
 * store.c, member.c, meeting.c, entry.c, topic.c, activity.c, health.c,
 * exchange.c, trash.c, tag.c): the database handle and the helpers the verbs share.
 * Nothing outside the store includes this or <sqlite3.h>.
 *
 * The layers, each calling only the ones above it:
 *   db-file.c   the files on disk: modes, who may write, readers (dbfile_*)
 *   db.c        the handle: errors, one statement, transactions (db_*)
 *   store.c     helpers for verbs: columns, lists, validation (store_*)
 *   activity.c  the log every write verb appends to (which also purges
 *               the expired trash: every write does)
 *   trash.c     deleting into the trash and restoring (store_trash_move)
 *   member.c, meeting.c, entry.c, topic.c, health.c, exchange.c  the verbs
 */
#ifndef COPSE_STORE_H
#define COPSE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "copse/db.h"
#include "copse/page.h"
#include "copse/status.h"
#include "copse/util.h"

/* What an immutable reader saw of the file (db-file.c). */
struct db_snap {
	long long ino, size, mtime_ns;
};

struct db {
	sqlite3 *h;
	char *path;
	char login[64];
	char err[512];
	int created;           /* db_open made the file */
	int readonly;          /* this user may only read: ro_why says why */
	char ro_why[1024];
	int immutable;         /* opened without locks (db-file.c) ... */
	struct db_snap snap;   /* ... when the file was like this */
	int64_t dv_base;       /* added to data_version: a reopen moves it */
	int busy_ms;           /* how long a write waits for the lock */
	int tx_depth;          /* 0: no transaction; 1: db_begin's or a verb's;
	                        * +1 for each verb inside (no nested BEGIN) */
	int64_t undo_from;     /* the first trash row this handle made (undo
	                        * goes back no further); 0: none */
	int search_ready;      /* search.c's rank function is on this handle */
};

/* ---- search.c ---- */

/* ---- db.c: errors, statements, write transactions ---- */

/* Map an SQLite result to a status with a message "<what>: <reason>"
 * (what may be NULL).  Returns COPSE_OK for SQLITE_OK/DONE/ROW. */
int db_sqlite_fail(struct db *db, int rc, const char *what);
/* 1 when rc is about the file, not the row (locked, read-only, full,
 * I/O): db_sqlite_fail then names the file whatever what says. */
int db_file_error(int rc);
/* COPSE_NOMEM with the message "out of memory". */
int db_nomem(struct db *db);

/* Prepare; on error sets the message and returns the status. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
/* Run SQL without results (may be several statements). */
int db_exec(struct db *db, const char *sql);
/* Run a one-row statement "SELECT count(*)..." style; returns the integer
 * in *out (0 when there is no row).  Finalises st. */
int db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out);
/* Step a one-shot write statement and finalise it; errors name what. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what);

/* Write transactions for a verb: db_write_begin starts BEGIN IMMEDIATE
 * unless the caller already holds one (db_begin); db_write_end commits
 * (status == OK) or rolls back, and returns status or the commit error. */
int db_write_begin(struct db *db);
int db_write_end(struct db *db, int status);
/* db_write_begin for a write nobody asked for and that can wait for a
 * later try (presence, visits, reads): it waits DB_BRIEF_MS at most for
 * another process's write lock, then fails with COPSE_BUSY, so the
 * screen never stalls behind someone else's transaction. */
#define DB_BRIEF_MS 100
int db_write_begin_brief(struct db *db);

/* ---- db-file.c: the files on disk ---- */

/* Create db->path when missing: 0600, exclusively, never through a
 * symlink (sets db->created).  COPSE_OK also when it exists. */
int dbfile_create(struct db *db);
/* Decide whether this user may write the database: sets db->readonly
 * and db->ro_why (the file, its directory, -wal/-shm left by others,
 * which are removed when unused and empty).  PERM when the file is not
 * even readable. */
int dbfile_check_write(struct db *db);
/* sqlite3_open_v2 for db->path as db->readonly says, into *h: a reader
 * never creates -wal or -shm (without them it opens the file immutable
 * and sets db->immutable).  Returns the SQLite result. */
int dbfile_open(struct db *db, sqlite3 **h);
/* 1 when an immutable reader should open the file again: a writer has
 * made -wal and -shm, or the file changed. */
int dbfile_refresh(struct db *db);
/* -wal and -shm this process made for a database its group shares get
 * the database's group (when the directory lacks its setgid bit). */
void dbfile_fix_group(struct db *db);

/* ---- store.c: binding and reading columns ---- */

/* NULL string binds SQL NULL; id 0 binds NULL. */
int store_bind_text(sqlite3_stmt *st, int i, const char *s);
int store_bind_id(sqlite3_stmt *st, int i, int64_t id);
/* A copy of the text of column i; caller frees.  store_col_str gives ""
 * for NULL (so NULL only on ENOMEM); store_col_strn keeps NULL. */
char *store_col_str(sqlite3_stmt *st, int i);
char *store_col_strn(sqlite3_stmt *st, int i);

/* ---- store.c: validation ---- */

/* 1 when v is in the NULL-terminated list allowed. */
int store_one_of(const char *v, const char *const *allowed);
/* "a|b|c" for error messages from the same list (static buffer). */
const char *store_list_str(const char *const *allowed);
/* COPSE_OK when v is in allowed, else INVALID with the message
 * "<label> '<v>': must be one of a|b|c". */
int store_check_one_of(struct db *db, const char *label, const char *v,
		       const char *const *allowed);
/* Trim *field without writing into the caller's string: a trimmed copy
 * replaces it only when there is whitespace to remove.  NULL or blank
 * becomes NULL when nullable, else "".  -1 on ENOMEM. */
int store_trim_field(char **field, int nullable);
/* Normalise *field, when not NULL, to "YYYY-MM-DD"; INVALID
 * "<label> '<v>': not a valid date (YYYY-MM-DD)" when it is no date. */
int store_norm_date(struct db *db, char **field, const char *label);
/* Normalise a list of tags in place: trimmed, a leading '#' dropped, empty
 * ones and duplicates (ignoring case, the first spelling kept) removed.
 * A comma is refused (tags are saved comma-separated in revisions):
 * INVALID "KIND tag 'a,b': must not contain a comma". */
int store_clean_tags(struct db *db, struct strv *tags, const char *kind);

/* INVALID "<label>: Markdown too costly to lay out: <why>" when text
 * (may be NULL) is Markdown that libcmark cannot lay out in linear time
 * (md_check).  Every verb that saves a Markdown field calls it before its
 * transaction begins, so no hostile text is ever stored. */
int store_check_md(struct db *db, const char *label, const char *text);

/* ---- store.c: pieces the verbs share ---- */

/* Replace *field with a copy of v (NULL allowed; v may be *field
 * itself).  -1 on ENOMEM, *field unchanged. */
int store_set_str(char **field, const char *v);
/* db_step_done for "UPDATE table ... WHERE id = ? AND version = ?":
 * when it changed no row, NOTFOUND when row id is gone, else CONFLICT
 * "<table> <id>: changed by someone else (now version N)". */
int store_step_update(struct db *db, sqlite3_stmt *st, const char *what, const char *table,
		      int64_t id);
/* Prepare sql, bind id to its one parameter and run it (db_step_done). */
int store_run_id(struct db *db, const char *sql, int64_t id, const char *what);
/* NOTFOUND ("<what> <id>: no such <what>") unless sql, with id bound to
 * its one parameter, gives a row; then *text (may be NULL; caller frees)
 * gets a copy of column 0. */
int store_lookup(struct db *db, const char *sql, int64_t id, const char *what, char **text);
/* Insert each non-empty string of v with sql, binding id to ?1 and the
 * string to ?2 (one prepared statement for all). */
int store_insert_strv(struct db *db, const char *sql, int64_t id, const struct strv *v,
		      const char *what);

/* A short one-line summary of a text (its first line, at most 80
 * bytes with "..." when cut) for the activity log and the trash;
 * caller frees; NULL on ENOMEM. */
char *store_summary(const char *s);

/* The oldest deletion time a trash row still counts as in the trash
 * (now - TRASH_DAYS); older rows are purged by the next write. */
void store_trash_cutoff(char out[ISO_LEN]);

/* ---- store.c: rows into lists ---- */

/* STORE_DONE_ELEM(x) defines x_done_elem, the void * form of x_done (the
 * record pattern of db.h) that store_collect and store_list_free take. */
#define STORE_DONE_ELEM(x) \
	static void x##_done_elem(void *elem) { x##_done(elem); }

/* store_collect steps st to the end (and finalises it), appending
 * one element of `size` bytes per row: row() fills a zeroed element and
 * returns a status.  On failure every element read so far is released
 * with done() (element-wise; may be NULL) and *out is NULL.  Step errors
 * name what.  *out: caller frees (with x_list_free). */
typedef int (*store_row_fn)(struct db *db, sqlite3_stmt *st, void *elem);
int store_collect(struct db *db, sqlite3_stmt *st, size_t size, store_row_fn row,
		  void (*done)(void *elem), const char *what, void **out, size_t *n);
/* Make room in *v (*cap elements of size bytes, len used) for one more,
 * zeroed.  -1 on ENOMEM (*v unchanged). */
int store_grow(void **v, size_t *cap, size_t len, size_t size);
/* done() each of the n elements of v, then free v (v may be NULL). */
void store_list_free(void *v, size_t n, size_t size, void (*done)(void *elem));
/* Step st (finalised) expecting one row and read it with row(); NOTFOUND
 * with the message `missing` when there is none.  The caller releases
 * elem on failure. */
int store_get_row(struct db *db, sqlite3_stmt *st, store_row_fn row, void *elem,
		  const char *what, const char *missing);
/* Rows that belong to the elements of a list, read in one pass (tags of
 * members or entries).  v holds n elements of `size` bytes, each with its
 * int64_t id at offset id_off.  sql, with ?1 and ?2 bound to the smallest
 * and largest of those ids, gives rows whose column 0 is the id of the
 * element they belong to, ordered by it; add() files each row under its
 * element.  Rows of ids not in v are skipped.  Errors name what. */
int store_attach(struct db *db, const char *sql, void *v, size_t n, size_t size, size_t id_off,
		 store_row_fn add, const char *what);
/* A store_row_fn for "SELECT id ...": the element is an int64_t. */
int store_row_id(struct db *db, sqlite3_stmt *st, void *elem);

/* ---- store.c: lists read by the screenful (page.h) ---- */

/* How one list is read, as pieces of SQL the helpers put together. */
struct store_list {
	const char *cols;      /* the columns of a row: "e.id, e.title ..." */
	const char *from;      /* the tables: "entry e" */
	const char *where;     /* which rows: the filter (?1, its text or
				* NULL) and fixed conditions (?6 and on: the
				* caller's) */
	const char *key;       /* the order, as the columns of a row value
				* ("e.title_key, e.title, e.id"), ascending,
				* an index's columns so that a read seeks */
	const char *at;        /* a given key (?2 its text, ?3 its id, ?4 its
				* number) as the same row value
				* ("copse_fold(?2), ?2, ?3") */
	int desc;              /* the list runs from the largest key down */
};
/* The statement that reads r's rows of list l filtered by filter (NULL
 * or "": none), in the order r asks, with ?1 .. ?5 bound: the caller
 * binds its own (?6 ...) and steps it (store_collect). */
int store_page_prepare(struct db *db, const struct store_list *l, const char *filter,
		       const struct page_req *r, sqlite3_stmt **st);
/* The statement that counts l's rows (filter), those before key k when k
 * is not NULL, with ?1 .. ?4 bound: the caller binds its own and reads
 * the count (db_step_int). */
int store_count_prepare(struct db *db, const struct store_list *l, const char *filter,
			const struct page_key *k, sqlite3_stmt **st);

/* ---- between store modules ---- */

/* trash.c: the delete verb of every kind of trash.h: move item id of
 * kind, with what hangs on it, to the trash and log "deleted", in one
 * write transaction.  NOTFOUND when there is no such item. */
int store_trash_move(struct db *db, const char *kind, int64_t id);

/* entry.c: replace the outgoing [[wiki links]] of entry id with links
 * (from md_wiki_links, read before the transaction began). */
int entry_links_save(struct db *db, int64_t id, const struct strv *links);

/* entry.c: record entry id as it is now (its tags included) as the
 * revision of its current version, by db_login() at time at. */
int store_entry_revision(struct db *db, int64_t id, const char *at);

/* member.c: the id of the member with handle ("zoe" or "@zoe");
 * NOTFOUND "member zoe: no such member". */
int member_id_by_handle(struct db *db, const char *handle, int64_t *id);

#endif
