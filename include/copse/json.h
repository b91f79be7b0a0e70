/* json.h - one small JSON writer for every --json output of the CLI.
 *
 *   struct buf b; struct json j;
 *   buf_init(&b); json_init(&j, &b, 1);
 *   json_begin_object(&j);
 *   json_key(&j, "id"); json_int(&j, 4);
 *   json_kv_str(&j, "name", "Zoë");        (NULL writes null)
 *   json_end_object(&j);
 *   if (json_finish(&j) != 0) ... out of memory or unbalanced
 *
 * Commas, colons and (with pretty set) indentation are automatic.
 * Strings are escaped completely: '"', '\\', every control character
 * (\n \t \r \b \f or \u00XX), DEL as \u007f, U+2028/U+2029 as \u escapes,
 * and invalid UTF-8 replaced by \ufffd, so the output is always valid
 * JSON whatever bytes the database holds.
 */
#ifndef COPSE_JSON_H
#define COPSE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "copse/util.h"

#define JSON_MAX_DEPTH 32

struct json {
	struct buf *out;         /* borrowed; output is appended */
	int pretty;              /* 1: newlines and two-space indentation */
	int depth;
	unsigned char nonempty[JSON_MAX_DEPTH]; /* an item written at this level */
	unsigned char is_object[JSON_MAX_DEPTH];
	int after_key;           /* a key was written; the value comes next */
	int failed;              /* ENOMEM or misuse seen */
};

void json_init(struct json *j, struct buf *out, int pretty);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);           /* NULL: null */
void json_int(struct json *j, int64_t v);
void json_double(struct json *j, double v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);

/* key + value shorthands */
void json_kv_str(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, int64_t v);
void json_kv_id(struct json *j, const char *key, int64_t id);  /* 0: null */
void json_kv_bool(struct json *j, const char *key, int v);
/* An array of strings (a NULL-safe struct strv). */
void json_kv_strv(struct json *j, const char *key, const struct strv *sv);

/* Appends a final newline when pretty.  0 when the document is complete
 * and nothing failed, -1 otherwise. */
int json_finish(struct json *j);

/* Make the JSON text in b from byte start on (written by another writer:
 * SQLite's JSON functions for export) escape what this writer escapes:
 * invalid UTF-8 becomes \ufffd and the code points of text_cp_unsafe
 * \uXXXX escapes, so the text is valid UTF-8 and safe on a terminal.
 * Outside strings JSON is ASCII, so only strings change, and only in how
 * they are written.  0 ok, -1 ENOMEM (b unchanged). */
int json_make_safe(struct buf *b, size_t start);

#endif
