/* cli-print.c - how the command line prints: safe text, tables, fields
 * and JSON objects (see cli-print.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "copse/md.h"
#include "copse/status.h"
#include "copse/text.h"
#include "cli-print.h"

/* Sanitised copy of a database string for the terminal (freed at exit);
 * flags 0 or TEXT_KEEP_NEWLINE. */
static const char *safe_flags(struct cli *c, const char *s, int flags)
{
	char *t = text_sanitize(s ? s : "", s ? strlen(s) : 0, flags | (c->ascii ? TEXT_ASCII : 0));

	if (!t)
		cli_nomem();
	return cli_keep(c, t);
}

const char *print_safe(struct cli *c, const char *s)
{
	return safe_flags(c, s, 0);
}

/* The same, keeping newlines (multi-line text). */
const char *print_safe_lines(struct cli *c, const char *s)
{
	return safe_flags(c, s, TEXT_KEEP_NEWLINE);
}

const char *print_fmt(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (s = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (!s)
		cli_nomem();
	return cli_keep(c, s);
}

const char *print_time(struct cli *c, const char *iso, const char *fmt)
{
	char out[64];

	if (!iso || !*iso)
		return "";
	/* a time that is no time is shown as stored: sanitised like any text */
	time_local(iso, fmt, out, sizeof out);
	return print_safe(c, out);
}

int print_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && atoi(env) > 0)
		return atoi(env);
	return 80;
}

/* Write a buffer to stdout. */
void print_buf(const struct buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, stdout);
}

/* What an add command prints: the new id, or the store's failure. */
int print_id(struct cli *c, int status, int64_t id)
{
	if (status != COPSE_OK)
		return cli_fail(c, status);
	printf("%lld\n", (long long)id);
	return 0;
}

/* A JSON document into b (pretty-printed), ended by print_json_end. */
void print_json_start(struct json *j, struct buf *b)
{
	buf_init(b);
	json_init(j, b, 1);
}

int print_json_end(struct json *j, struct buf *b)
{
	if (json_finish(j) != 0) {
		buf_done(b);
		return cli_fail_msg(COPSE_NOMEM, "out of memory writing JSON");
	}
	print_buf(b);
	buf_done(b);
	return 0;
}

/* One record as fn writes it in JSON, a whole value (caller frees; NULL when out of
 * memory): the same before and after an edit's options, the edit
 * changes nothing. */
char *print_snapshot(void (*fn)(struct json *j, const void *rec), const void *rec)
{
	struct buf b;
	struct json j;

	buf_init(&b);
	json_init(&j, &b, 0);
	fn(&j, rec);
	if (json_finish(&j) != 0) {
		buf_done(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* Two snapshots (print_snapshot) that are the same, neither missing. */
int print_same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* ---- tables ----
 * Columns padded by display width; two spaces between columns; the last
 * column is never padded and may hold several lines (indented under it).
 * On a terminal the last column is clipped to the screen width.
 */
void print_table_init(struct print_table *t, const char *indent, int ncols, ...)
{
	va_list ap;

	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->indent = indent ? indent : "";
	va_start(ap, ncols);
	for (int i = 0; i < ncols; i++) {
		const char *h = va_arg(ap, const char *);
		/* ">ID" right-aligns */
		t->align[i] = 'l';
		t->head[i] = h;
		if (h[0] == '>') {
			t->align[i] = 'r';
			t->head[i] = h + 1;
		}
	}
	va_end(ap);
}

void print_table_row(struct print_table *t, ...)
{
	va_list ap;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		const char **v = realloc(t->cells, cap * (size_t)t->ncols * sizeof *v);
		if (!v)
			cli_nomem();
		t->cells = v;
		t->cap = cap;
	}
	va_start(ap, t);
	for (int i = 0; i < t->ncols; i++) {
		const char *s = va_arg(ap, const char *);
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = s ? s : "";
	}
	va_end(ap);
	t->nrows++;
}

static int cell_width(const char *s)
{
	return text_width(s, strlen(s));
}

static void pad(struct buf *b, int n)
{
	while (n-- > 0)
		buf_putc(b, ' ');
}

void print_table_out(struct cli *c, struct print_table *t, int header)
{
	int w[8] = { 0 };
	int last = t->ncols - 1, used = 0, screen = c->tty ? print_width() : 0;
	struct buf line;

	if (t->nrows == 0) {
		if (t->empty)
			printf("%s\n", t->empty);
		free(t->cells);
		return;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int i = 0; i < last; i++) {
			const char **cell = &t->cells[r * (size_t)t->ncols + (size_t)i];
			int cw = cell_width(*cell);
			if (t->maxw[i] && cw > t->maxw[i]) {
				*cell = cli_keep(c, text_clip(*cell, t->maxw[i], 0, c->ascii));
				cw = cell_width(*cell);
			}
			if (cw > w[i])
				w[i] = cw;
		}
	}
	if (header)
		for (int i = 0; i < last; i++)
			if (cell_width(t->head[i]) > w[i])
				w[i] = cell_width(t->head[i]);
	for (int i = 0; i < last; i++)
		used += w[i] + 2;
	used += cell_width(t->indent);
	buf_init(&line);
	for (size_t r = header ? 0 : 1; r <= t->nrows; r++) {
		const char *lastcell;
		const char *nl;

		buf_reset(&line);
		buf_puts(&line, t->indent);
		for (int i = 0; i < last; i++) {
			const char *s = r == 0 ? t->head[i] : t->cells[(r - 1) * (size_t)t->ncols + (size_t)i];
			int cw = cell_width(s);
			if (t->align[i] == 'r')
				pad(&line, w[i] - cw);
			buf_puts(&line, s);
			if (t->align[i] != 'r')
				pad(&line, w[i] - cw);
			buf_puts(&line, "  ");
		}
		lastcell = r == 0 ? t->head[last] : t->cells[(r - 1) * (size_t)t->ncols + (size_t)last];
		/* the last column, line by line */
		for (int first = 1;; first = 0) {
			size_t n;
			char *piece;

			nl = strchr(lastcell, '\n');
			n = nl ? (size_t)(nl - lastcell) : strlen(lastcell);
			if (!first) {
				buf_putc(&line, '\n');
				pad(&line, used);
			}
			piece = xstrndup(lastcell, n);
			if (piece && screen > used + 1 && cell_width(piece) > screen - used) {
				char *cl = text_clip(piece, screen - used, 0, c->ascii);
				free(piece);
				piece = cl;
			}
			if (piece)
				buf_puts(&line, piece);
			free(piece);
			if (!nl)
				break;
			lastcell = nl + 1;
		}
		/* no trailing blanks */
		while (line.len && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		buf_putc(&line, '\n');
		print_buf(&line);
	}
	buf_done(&line);
	free(t->cells);
	t->cells = NULL;
}

/* "Label:      value" lines for show commands; empty values are skipped. */
void print_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("%-11s %s\n", label, value);
}

/* Multi-line text indented by two spaces. */
void print_block(const char *text)
{
	const char *p = text;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		int n = nl ? (int)(nl - p) : (int)strlen(p);
		if (n)
			printf("  %.*s\n", n, p);
		else
			putchar('\n');
		p = nl ? nl + 1 : NULL;
	}
}

const char *print_joined(struct cli *c, const struct strv *sv)
{
	char *s = strv_join(sv, ", ");

	if (!s)
		cli_nomem();
	cli_keep(c, s);
	return print_safe(c, s);
}

int print_markdown(struct cli *c, const char *md)
{
	int ansi = c->tty && !getenv("NO_COLOR");
	struct md_opts mo = { print_width(), c->ascii };
	struct md_doc doc = { 0 };
	struct buf b;
	int rc = 0;

	buf_init(&b);
	if (md_render(md ? md : "", md ? strlen(md) : 0, &mo, &doc) != 0 ||
	    md_doc_text(&doc, ansi ? MD_ANSI : MD_PLAIN, &b) != 0)
		rc = cli_fail_msg(COPSE_NOMEM, "out of memory");
	else
		print_buf(&b);
	md_doc_free(&doc);
	buf_done(&b);
	return rc;
}

/* ---- JSON objects (SPEC §2 field names) ---- */

void print_json_member(struct json *j, const struct member *m)
{
	json_kv_int(j, "id", m->id);
	json_kv_str(j, "name", m->name);
	json_kv_str(j, "handle", m->handle);
	json_kv_str(j, "email", m->email);
	json_kv_str(j, "status", m->status);
	json_kv_str(j, "role", m->role);
	json_kv_str(j, "joined", m->joined);
	json_kv_str(j, "bio", m->bio);
	json_kv_strv(j, "expertise", &m->expertise);
	json_kv_strv(j, "interest", &m->interest);
	json_kv_str(j, "created", m->created);
	json_kv_str(j, "updated", m->updated);
	json_kv_int(j, "version", m->version);
}

void print_json_connection(struct json *j, const struct connection *k)
{
	json_begin_object(j);
	json_kv_int(j, "id", k->id);
	json_kv_int(j, "a", k->a);
	json_kv_str(j, "a_name", k->a_name);
	json_kv_int(j, "b", k->b);
	json_kv_str(j, "b_name", k->b_name);
	json_kv_str(j, "kind", k->kind);
	json_kv_str(j, "note", k->note);
	json_kv_str(j, "at", k->at);
	json_kv_str(j, "by", k->by);
	json_end_object(j);
}

void print_json_meeting(struct json *j, const struct meeting *m)
{
	json_kv_int(j, "id", m->id);
	json_kv_str(j, "title", m->title);
	json_kv_str(j, "starts", m->starts);
	json_kv_str(j, "ends", m->ends);
	json_kv_str(j, "location", m->location);
	json_kv_str(j, "agenda", m->agenda);
	json_kv_str(j, "status", m->status);
	json_kv_str(j, "created", m->created);
	json_kv_str(j, "updated", m->updated);
	json_kv_int(j, "version", m->version);
	json_kv_int(j, "attended_count", m->n_attended);
	json_kv_int(j, "note_count", m->n_notes);
}

void print_json_note(struct json *j, const struct note *n)
{
	json_begin_object(j);
	json_kv_int(j, "id", n->id);
	json_kv_int(j, "meeting_id", n->meeting_id);
	json_kv_str(j, "author", n->author);
	json_kv_str(j, "kind", n->kind);
	json_kv_str(j, "body", n->body);
	json_kv_str(j, "created", n->created);
	json_kv_str(j, "updated", n->updated);
	json_kv_int(j, "version", n->version);
	json_end_object(j);
}

void print_json_action(struct json *j, const struct action *a)
{
	json_begin_object(j);
	json_kv_int(j, "id", a->id);
	json_kv_str(j, "title", a->title);
	json_kv_id(j, "owner_id", a->owner_id);
	json_kv_str(j, "owner_name", a->owner_name);
	json_kv_str(j, "owner_handle", a->owner_handle);
	json_kv_str(j, "due", a->due);
	json_kv_str(j, "done", a->done);
	json_kv_id(j, "meeting_id", a->meeting_id);
	json_kv_id(j, "note_id", a->note_id);
	json_kv_str(j, "author", a->author);
	json_kv_str(j, "created", a->created);
	json_kv_int(j, "version", a->version);
	json_end_object(j);
}

void print_json_entry(struct json *j, const struct entry *e, int body)
{
	json_kv_int(j, "id", e->id);
	json_kv_str(j, "title", e->title);
	json_kv_str(j, "kind", e->kind);
	json_kv_str(j, "status", e->status);
	json_kv_strv(j, "tags", &e->tags);
	json_kv_str(j, "author", e->author);
	json_kv_str(j, "created", e->created);
	json_kv_str(j, "updated", e->updated);
	json_kv_int(j, "version", e->version);
	json_kv_id(j, "source_meeting_id", e->source_meeting_id);
	json_kv_id(j, "source_note_id", e->source_note_id);
	json_kv_int(j, "uses", e->uses);
	if (body)
		json_kv_str(j, "body", e->body);
}

void print_json_topic(struct json *j, const struct topic *t)
{
	json_kv_int(j, "id", t->id);
	json_kv_str(j, "title", t->title);
	json_kv_str(j, "body", t->body);
	json_kv_str(j, "status", t->status);
	json_kv_str(j, "author", t->author);
	json_kv_str(j, "created", t->created);
	json_kv_str(j, "updated", t->updated);
	json_kv_int(j, "version", t->version);
	json_kv_int(j, "votes", t->votes);
	json_kv_bool(j, "voted", t->voted);
	json_kv_int(j, "meeting_count", t->n_meetings);
	json_kv_int(j, "entry_count", t->n_entries);
}
