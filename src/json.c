/* json.c - the JSON writer behind every --json output (see json.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "copse/json.h"
#include "copse/text.h"

void json_init(struct json *j, struct buf *out, int pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static void put(struct json *j, const char *s, size_t n)
{
	if (!j->failed && buf_add(j->out, s, n) != 0)
		j->failed = 1;
}

static void puts_(struct json *j, const char *s)
{
	put(j, s, strlen(s));
}

static void newline_indent(struct json *j)
{
	if (!j->pretty)
		return;
	put(j, "\n", 1);
	for (int i = 0; i < j->depth; i++)
		put(j, "  ", 2);
}

/* A new item (key or array value) in the open container: the comma
 * after the one before it, then its own line. */
static void next_item(struct json *j)
{
	if (j->nonempty[j->depth - 1])
		put(j, ",", 1);
	j->nonempty[j->depth - 1] = 1;
	newline_indent(j);
}

/* Before any value: the separator owed to the enclosing container. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->is_object[j->depth - 1]) {
		j->failed = 1;           /* a value in an object needs a key */
		return;
	}
	next_item(j);
}

static void begin(struct json *j, int object)
{
	before_value(j);
	if (j->depth >= JSON_MAX_DEPTH) {
		j->failed = 1;
		return;
	}
	put(j, object ? "{" : "[", 1);
	j->is_object[j->depth] = (unsigned char)object;
	j->nonempty[j->depth] = 0;
	j->depth++;
}

static void end(struct json *j, int object)
{
	if (j->depth == 0 || j->is_object[j->depth - 1] != object || j->after_key) {
		j->failed = 1;
		return;
	}
	j->depth--;
	if (j->nonempty[j->depth])
		newline_indent(j);
	put(j, object ? "}" : "]", 1);
}

void json_begin_object(struct json *j) { begin(j, 1); }
void json_end_object(struct json *j) { end(j, 1); }
void json_begin_array(struct json *j) { begin(j, 0); }
void json_end_array(struct json *j) { end(j, 0); }

static void escaped(struct json *j, const char *s, size_t n)
{
	size_t i = 0, run = 0;   /* run: start of bytes copied verbatim */

	put(j, "\"", 1);
	while (i < n) {
		const char *esc = NULL;
		char ubuf[12];
		uint32_t cp;
		size_t len = (size_t)text_decode(s + i, n - i, &cp);

		if (cp == 0xfffd && len == 1) {          /* invalid UTF-8 */
			esc = "\\ufffd";
		} else if (cp == '"') {
			esc = "\\\"";
		} else if (cp == '\\') {
			esc = "\\\\";
		} else if (cp == '\n') {
			esc = "\\n";
		} else if (cp == '\t') {
			esc = "\\t";
		} else if (cp == '\r') {
			esc = "\\r";
		} else if (cp == '\b') {
			esc = "\\b";
		} else if (cp == '\f') {
			esc = "\\f";
		} else if (text_cp_unsafe(cp)) {
			snprintf(ubuf, sizeof ubuf, "\\u%04x", (unsigned)cp);
			esc = ubuf;
		}
		if (esc) {
			put(j, s + run, i - run);
			puts_(j, esc);
			run = i + len;
		}
		i += len;
	}
	put(j, s + run, n - run);
	put(j, "\"", 1);
}

void json_key(struct json *j, const char *key)
{
	if (j->depth == 0 || !j->is_object[j->depth - 1] || j->after_key) {
		j->failed = 1;
		return;
	}
	next_item(j);
	escaped(j, key, strlen(key));
	put(j, j->pretty ? ": " : ":", j->pretty ? 2 : 1);
	j->after_key = 1;
}

void json_string(struct json *j, const char *s)
{
	before_value(j);
	if (!s)
		puts_(j, "null");
	else
		escaped(j, s, strlen(s));
}

void json_int(struct json *j, int64_t v)
{
	char num[32];

	before_value(j);
	snprintf(num, sizeof num, "%lld", (long long)v);
	puts_(j, num);
}

void json_double(struct json *j, double v)
{
	char num[40];

	before_value(j);
	if (!isfinite(v)) {
		puts_(j, "null");
		return;
	}
	snprintf(num, sizeof num, "%.6g", v);
	puts_(j, num);
}

void json_bool(struct json *j, int v)
{
	before_value(j);
	puts_(j, v ? "true" : "false");
}

void json_null(struct json *j)
{
	before_value(j);
	puts_(j, "null");
}

void json_kv_str(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kv_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_kv_id(struct json *j, const char *key, int64_t id)
{
	json_key(j, key);
	if (id > 0)
		json_int(j, id);
	else
		json_null(j);
}

void json_kv_bool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}

void json_kv_strv(struct json *j, const char *key, const struct strv *sv)
{
	json_key(j, key);
	json_begin_array(j);
	for (size_t i = 0; sv && i < sv->n; i++)
		json_string(j, sv->v[i]);
	json_end_array(j);
}

int json_make_safe(struct buf *b, size_t start)
{
	struct buf out;
	size_t i = start, run = start;
	int rc = 0;

	while (i < b->len && (unsigned char)b->s[i] < 0x7f)
		i++;
	if (i == b->len)
		return 0;            /* ASCII with controls escaped: nothing to do */
	buf_init(&out);
	rc |= buf_add(&out, b->s, start);
	while (i < b->len) {
		uint32_t cp;
		size_t n;
		char esc[8];

		if ((unsigned char)b->s[i] < 0x7f) {
			i++;
			continue;
		}
		n = (size_t)text_decode(b->s + i, b->len - i, &cp);
		if (!(cp == 0xfffd && n == 1) && !text_cp_unsafe(cp)) {
			i += n;
			continue;
		}
		rc |= buf_add(&out, b->s + run, i - run);
		snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
		rc |= buf_puts(&out, esc);
		i += n;
		run = i;
	}
	rc |= buf_add(&out, b->s + run, b->len - run);
	if (rc) {
		buf_done(&out);
		return -1;
	}
	buf_done(b);
	*b = out;
	return 0;
}

int json_finish(struct json *j)
{
	if (j->depth != 0 || j->after_key)
		j->failed = 1;
	if (j->pretty)
		put(j, "\n", 1);
	return j->failed ? -1 : 0;
}
