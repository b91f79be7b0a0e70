/* json.c - the JSON writer behind every --json output (see json.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "copse/json.h"

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
	if (j->count[j->depth - 1])
		put(j, ",", 1);
	if (j->count[j->depth - 1] < 2)
		j->count[j->depth - 1]++;
	newline_indent(j);
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
	j->count[j->depth] = 0;
	j->depth++;
}

static void end(struct json *j, int object)
{
	int had;

	if (j->depth == 0 || j->is_object[j->depth - 1] != object || j->after_key) {
		j->failed = 1;
		return;
	}
	had = j->count[j->depth - 1];
	j->depth--;
	if (had)
		newline_indent(j);
	put(j, object ? "}" : "]", 1);
}

void json_begin_object(struct json *j) { begin(j, 1); }
void json_end_object(struct json *j) { end(j, 1); }
void json_begin_array(struct json *j) { begin(j, 0); }
void json_end_array(struct json *j) { end(j, 0); }

/* Length of a valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len;
	unsigned c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static void escaped(struct json *j, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run = 0;   /* run: start of bytes copied verbatim */

	put(j, "\"", 1);
	while (i < n) {
		const char *esc = NULL;
		char ubuf[12];
		unsigned cp = 0;
		size_t len = utf8_len(s + i, n - i, &cp);

		if (len == 0) {
			esc = "\\ufffd";
			len = 1;
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
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
			   cp == 0x2028 || cp == 0x2029) {
			snprintf(ubuf, sizeof ubuf, "\\u%04x", cp);
			esc = ubuf;
		}
		if (esc) {
			put(j, (const char *)s + run, i - run);
			puts_(j, esc);
			run = i + len;
		}
		i += len;
	}
	put(j, (const char *)s + run, n - run);
	put(j, "\"", 1);
}

void json_key(struct json *j, const char *key)
{
	if (j->depth == 0 || !j->is_object[j->depth - 1] || j->after_key) {
		j->failed = 1;
		return;
	}
	if (j->count[j->depth - 1])
		put(j, ",", 1);
	if (j->count[j->depth - 1] < 2)
		j->count[j->depth - 1]++;
	newline_indent(j);
	escaped(j, key, strlen(key));
	put(j, j->pretty ? ": " : ":", j->pretty ? 2 : 1);
	j->after_key = 1;
}

void json_stringn(struct json *j, const char *s, size_t len)
{
	before_value(j);
	if (!s)
		puts_(j, "null");
	else
		escaped(j, s, len);
}

void json_string(struct json *j, const char *s)
{
	json_stringn(j, s, s ? strlen(s) : 0);
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

int json_finish(struct json *j)
{
	if (j->depth != 0 || j->after_key)
		j->failed = 1;
	if (j->pretty)
		put(j, "\n", 1);
	return j->failed ? -1 : 0;
}
