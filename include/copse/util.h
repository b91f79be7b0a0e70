/* util.h - small shared helpers: growable buffers, string vectors,
 * strings, the clock and times, whole files and paths, one-line error
 * messages.
 *
 * Library-like: nothing here prints or exits.  Functions that allocate
 * return NULL / -1 on failure and leave the caller to decide.
 */
#ifndef COPSE_UTIL_H
#define COPSE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- growable byte buffer, always NUL-terminated when s != NULL ---- */
struct buf {
	char *s;
	size_t len, cap;
};

void buf_init(struct buf *b);
void buf_done(struct buf *b);            /* frees s; b may be reused after buf_init */
int buf_add(struct buf *b, const char *s, size_t n);   /* 0 ok, -1 ENOMEM */
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);           /* len = 0, keeps memory */
char *buf_steal(struct buf *b);          /* caller frees; b is emptied; never NULL unless ENOMEM */
int buf_read_file(struct buf *b, FILE *fp); /* appends the whole stream; -1 on I/O error */

/* ---- vector of owned strings ---- */
struct strv {
	char **v;
	size_t n, cap;
};

void strv_init(struct strv *sv);
void strv_done(struct strv *sv);         /* frees every string and the array */
int strv_push(struct strv *sv, const char *s);         /* copies s */
/* Split "a, b,,c" on sep into trimmed, non-empty, de-duplicated items. */
int strv_split(struct strv *sv, const char *s, char sep);
/* Join with sep into a new string; caller frees. "" for an empty vector. */
char *strv_join(const struct strv *sv, const char *sep);
int strv_contains(const struct strv *sv, const char *s);

/* ---- set of strings: a hash table, so that de-duplicating n strings
 * takes linear time ---- */
struct strset {
	char **slot;             /* owned copies; NULL = free */
	size_t n, cap;           /* cap is 0 or a power of two */
	int fold;                /* 1: ASCII letters compare ignoring case */
};

void strset_init(struct strset *s, int fold);
void strset_done(struct strset *s);      /* frees; s may be reused after strset_init */
int strset_has(const struct strset *s, const char *t);
/* Add a copy of t: 1 added, 0 already there, -1 ENOMEM. */
int strset_add(struct strset *s, const char *t);

/* ---- strings ---- */
char *xstrdup(const char *s);            /* NULL-safe: NULL -> NULL */
char *xstrndup(const char *s, size_t n);
int str_empty(const char *s);            /* NULL or only whitespace */
char *str_trim(char *s);                 /* in place, returns s */
int str_to_id(const char *s, int64_t *out); /* strict positive decimal; 0 ok, -1 bad */
/* The line (from 1) of the first NUL byte among s's len bytes, 0 when
 * there is none.  Text with a NUL would be cut short there: callers
 * refuse it, naming the line. */
size_t str_nul_line(const char *s, size_t len);

/* ---- time ----
 * Stored times are UTC ISO-8601 "YYYY-MM-DDTHH:MM:SSZ" (20 chars + NUL).
 * Dates are "YYYY-MM-DD".  COPSE_NOW (ISO-8601 or "YYYY-MM-DD HH:MM",
 * UTC if it ends in Z, else local time) fixes "now" for tests/reports.
 */
#define ISO_LEN 21

time_t copse_now(void);
/* Fix copse_now() at t for this process (COPSE_NOW is then ignored)
 * until copse_now_reset(), which returns to COPSE_NOW or the real clock.
 * The demo moves "now" back this way to write half a year of history. */
void copse_now_set(time_t t);
void copse_now_reset(void);
void time_iso(time_t t, char out[ISO_LEN]);      /* UTC */
void time_now_iso(char out[ISO_LEN]);
/* Parse "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]", "YYYY-MM-DDTHH:MM[:SS]"
 * (seconds may have a fraction, which is dropped), followed by "Z" or
 * "+HH:MM"/"-HH:MM" or nothing.  With nothing the time is the viewer's
 * local time (TZ).  0 ok, -1 bad. */
int time_parse(const char *s, time_t *out);
/* Validate and normalise a calendar date to "YYYY-MM-DD". 0 ok, -1 bad. */
int date_parse(const char *s, char out[11]);
/* Format a stored ISO time for display in local time with strftime fmt.
 * Bad input is copied through unchanged. */
void time_local(const char *iso, const char *fmt, char *out, size_t n);

/* ---- files ---- */
/* Write all n bytes to fd, retrying short writes and EINTR.  0 ok, -1 errno. */
int fd_write_all(int fd, const char *s, size_t n);
/* The whole file at path as a new string (*out, caller frees); *out is
 * NULL on failure.  0 ok, -1 errno. */
int file_read_all(const char *path, char **out);
/* The same, with the length in *len (the text may hold NUL bytes). */
int file_read_len(const char *path, char **out, size_t *len);
/* "dir/name" as a new string; caller frees; NULL on ENOMEM. */
char *path_join(const char *dir, const char *name);
/* A new file beside path for writing a copy of the database like (a
 * backup, an export): created exclusively (O_CREAT|O_EXCL, so never
 * through a symlink) under an unpredictable name ".BASE.XXXXXX" in
 * path's directory.  It gets like's permission bits (without execute;
 * 0600 when like is NULL or no file) and like's group; when it cannot
 * have that group it loses the group bits.  So a copy is never more
 * readable than the database.  *tmp gets its name (caller frees).
 * Returns the open descriptor, or -1 with errno. */
int file_create_beside(const char *path, const char *like, char **tmp);
/* Give the file tmp the name path, only when nothing (not even a
 * symlink) has that name: 0 (tmp is gone), or -1 with errno EEXIST or
 * another error (tmp is left for the caller to remove). */
int file_publish_new(const char *tmp, const char *path);

/* ---- error messages ----
 * Functions that take (char *err, size_t errlen) write a one-line message
 * there when they fail (err may be NULL) and return an enum copse_status
 * (status.h); these helpers do both in one return statement. */
int err_set(char *err, size_t errlen, int status, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));   /* returns status */
int err_nomem(char *err, size_t errlen);     /* "out of memory", COPSE_NOMEM */
/* The status for a failed system call's errno: COPSE_PERM (EACCES, EPERM,
 * EROFS), COPSE_FULL (ENOSPC, EDQUOT), COPSE_NOMEM, else COPSE_IO. */
int err_from_errno(int e);
/* strerror(e), but for the cases a user can act on in their own words:
 * EFBIG "file size limit reached (ulimit -f)". */
const char *err_text(int e);

#endif
