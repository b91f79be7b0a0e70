/* view-doc.c - the document view: a Markdown page with selectable
 * links, find and follow-the-end (the reader, the help screen).  Its state is struct doc_view, behind view->priv.  See
 * view.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/view.h"

#include "view-priv.h"

/* The document's own state. */
struct doc_view {
	const struct kind_ops *kind;
	int64_t id;
	struct view_page page;
	int line;                         /* first line shown */
	int follow_end;                   /* was at the end: stay there after a reload */
	int want_end;                     /* show the end after the next load */
	int link;                         /* selected link, -1 none */
	char find[256];
	int find_line, find_col, find_cols;  /* current match, line -1 none */
	int toc;                          /* the table of contents is open */
	int toc_sel;                      /* ... and this heading selected */
	int find_start;                   /* find from the top at the next draw */
};

/* ---- headings ---- */

/* The heading level of line l (1-6), or 0 when it is no heading. */
static int heading_level(const struct md_doc *doc, size_t l)
{
	for (size_t i = 0; i < doc->lines[l].n; i++)
		if (doc->lines[l].spans[i].attr & MD_HEADING)
			return doc->lines[l].spans[i].level ? doc->lines[l].spans[i].level : 1;
	return 0;
}

/* The lines that start a heading (a heading wrapped on several lines
 * counts once), into out (at most max); returns how many. */
static int headings(const struct md_doc *doc, int *out, int max)
{
	int n = 0;

	for (size_t l = 0; l < doc->nlines && n < max; l++)
		if (heading_level(doc, l) && (l == 0 || !heading_level(doc, l - 1)))
			out[n++] = (int)l;
	return n;
}

/* The document's own state, or NULL when v is a list. */
static struct doc_view *as_doc(const struct view *v)
{
	return v->ops == &view_doc_ops ? v->priv : NULL;
}

/* Concatenated text of a line (caller frees). */
static char *line_text(const struct md_line *l)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < l->n; i++)
		buf_puts(&b, l->spans[i].text);
	return buf_steal(&b);
}

/* ---- the view and what others ask of it ---- */

struct view *view_new_doc(const struct kind_ops *k, int64_t id)
{
	struct view *v = calloc(1, sizeof *v);
	struct doc_view *d = calloc(1, sizeof *d);

	if (!v || !d) {
		free(v);
		free(d);
		return NULL;
	}
	d->kind = k;
	d->id = id;
	d->link = -1;
	d->find_line = -1;
	v->ops = &view_doc_ops;
	v->priv = d;
	v->stale = 1;
	return v;
}

const struct kind_ops *view_kind(const struct view *v)
{
	const struct doc_view *d = as_doc(v);

	return d ? d->kind : NULL;
}

void view_show_end(struct view *v)
{
	struct doc_view *d = as_doc(v);

	if (d)
		d->want_end = 1;
}

void view_doc_find(struct view *v, const char *text)
{
	struct doc_view *d = as_doc(v);

	if (!d || !text || !*text)
		return;
	snprintf(d->find, sizeof d->find, "%s", text);
	d->find_line = -1;
	d->find_start = 1;
}

int view_failed(const struct view *v)
{
	const struct doc_view *d = as_doc(v);

	return d && d->page.err != NULL;
}

/* ---- its ops ---- */

static int doc_max_line(const struct view *v);

static int doc_load(struct app *a, struct view *v)
{
	struct doc_view *d = v->priv;

	/* a reader at the end of the minutes keeps seeing the newest lines
	 * as others add them (tail -f); one who just added a line sees it */
	d->follow_end = d->want_end ||
			(d->page.doc.nlines > 0 && d->line >= doc_max_line(v) &&
			 (d->line > 0 || d->kind->scope == KEYS_MEETING));
	d->want_end = 0;
	app_trace(a, "load doc %s %lld", d->kind->name, (long long)d->id);
	return view_page_load(a, &d->page, d->kind, d->id);
}

/* Read again only when what changed is something the page shows. */
static void doc_changed(struct view *v, unsigned what)
{
	const struct doc_view *d = v->priv;

	if (what & (d->kind->shows ? d->kind->shows : CHANGE_ALL))
		v->stale = 1;
}

static void doc_close(struct view *v)
{
	struct doc_view *d = v->priv;

	view_page_done(&d->page);
	free(d);
}

static int doc_scope(const struct view *v)
{
	const struct doc_view *d = v->priv;

	return d->kind->scope;
}

static int doc_max_line(const struct view *v)
{
	const struct doc_view *d = v->priv;
	int m = (int)d->page.doc.nlines - v->body_h;
	return m > 0 ? m : 0;
}

static void doc_clamp(struct view *v)
{
	struct doc_view *d = v->priv;

	if (d->line > doc_max_line(v))
		d->line = doc_max_line(v);
	if (d->line < 0)
		d->line = 0;
}

static void doc_show_line(struct view *v, int l)
{
	struct doc_view *d = v->priv;

	if (l < d->line)
		d->line = l;
	else if (l >= d->line + v->body_h)
		d->line = l - v->body_h / 2;
	doc_clamp(v);
}

/* Find d->find from line `from` (inclusive) in direction dir, wrapping. */
static int doc_find(struct app *a, struct view *v, int from, int dir, int quiet)
{
	struct doc_view *d = v->priv;
	int n = (int)d->page.doc.nlines;

	if (!d->find[0] || n == 0)
		return -1;
	for (int k = 0; k < n; k++) {
		int l = ((from + dir * k) % n + n) % n;
		char *t = line_text(&d->page.doc.lines[l]);
		long off = t ? text_find(t, d->find) : -1;

		if (off >= 0) {
			d->find_line = l;
			d->find_col = text_width(t, (size_t)off);
			d->find_cols = text_width(t + off, strlen(d->find));
			free(t);
			if (!quiet && ((dir > 0 && l < from) || (dir < 0 && l > from)))
				app_message(a, "search wrapped");
			doc_show_line(v, l);
			return l;
		}
		free(t);
	}
	d->find_line = -1;
	if (!quiet)
		app_error(a, "not found: %s", d->find);
	return -1;
}

static char *line_text(const struct md_line *l);

/* The table of contents over the page: each heading indented by its
 * level, the selected one marked. */
static void toc_draw(struct view *v, int y, int x, int h, int w)
{
	struct doc_view *d = v->priv;
	int lines[256], n = headings(&d->page.doc, lines, 256), top;

	if (d->toc_sel >= n)
		d->toc_sel = n - 1;
	if (d->toc_sel < 0)
		d->toc_sel = 0;
	for (int r = 0; r < h; r++)
		display_fill(y + r, x, w, display_attr(ST_NORMAL));
	display_text(y, x + 1, w - 2, "Contents (Enter go, Esc close)", display_attr(ST_HEADING));
	top = d->toc_sel >= h - 2 ? d->toc_sel - (h - 3) : 0;
	for (int i = top, r = 2; i < n && r < h; i++, r++) {
		int level = heading_level(&d->page.doc, (size_t)lines[i]);
		char *t = line_text(&d->page.doc.lines[lines[i]]);
		int indent = 2 * (level > 1 ? level - 1 : 0);
		int attr = display_attr(i == d->toc_sel ? ST_SELECTED : ST_NORMAL);

		display_fill(y + r, x, w, attr);
		display_text(y + r, x + 1 + indent, w - 2 - indent, t ? t : "", attr);
		free(t);
	}
	if (n == 0)
		display_text(y + 2, x + 1, w - 2, "this page has no headings",
			     display_attr(ST_DIM));
}

/* Keys while the table of contents is open: it takes them all. */
static int toc_key(struct app *a, struct view *v, int req)
{
	struct doc_view *d = v->priv;
	int lines[256], n = headings(&d->page.doc, lines, 256);

	(void)a;
	switch (req) {
	case REQ_MOVE_DOWN: if (d->toc_sel + 1 < n) d->toc_sel++; break;
	case REQ_MOVE_UP: if (d->toc_sel > 0) d->toc_sel--; break;
	case REQ_MOVE_FIRST: d->toc_sel = 0; break;
	case REQ_MOVE_LAST: d->toc_sel = n - 1; break;
	case REQ_FOLLOW:
		if (n > 0 && d->toc_sel < n)
			d->line = lines[d->toc_sel];
		d->toc = 0;
		break;
	case REQ_BACK: case REQ_TOC: case REQ_QUIT:
		d->toc = 0;
		break;
	case REQ_REDRAW: case REQ_HELP:
		return VR_UNHANDLED;
	default:
		break;
	}
	return VR_REDRAW;
}

/* [ and ]: the top line goes to the previous or next heading. */
static void doc_heading(struct app *a, struct view *v, int dir)
{
	struct doc_view *d = v->priv;
	int lines[1024], n = headings(&d->page.doc, lines, 1024);

	for (int k = 0; k < n; k++) {
		int i = dir > 0 ? k : n - 1 - k;

		if ((dir > 0 && lines[i] > d->line) || (dir < 0 && lines[i] < d->line)) {
			d->line = lines[i];
			return;
		}
	}
	app_message(a, n ? (dir > 0 ? "no heading below" : "no heading above")
		    : "this page has no headings");
}

static void doc_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct doc_view *d = v->priv;
	int dw = w - 2;

	/* "✎ zoe, since 10:02": someone has this record in the editor */
	if (view_draw_editing(a, d->kind, d->id, y, x + 1, h, w - 2)) {
		y++;
		h--;
	}
	v->body_h = h;
	if (dw < 10)
		dw = 10;
	if (d->page.err) {
		display_untrusted(y, x + 1, w - 2, d->page.err, display_attr(ST_ERROR));
		return;
	}
	if (view_page_render(a, &d->page, dw)) {
		if (d->link >= (int)d->page.doc.nlinks)
			d->link = -1;
		if (d->find_line >= 0)
			doc_find(a, v, d->find_line, 1, 1);
		if (d->follow_end)
			d->line = doc_max_line(v);
		d->follow_end = 0;
	}
	if (d->find_start) {
		/* opened at a search hit: its first match, as find shows it */
		d->find_start = 0;
		doc_find(a, v, 0, 1, 1);
	}
	doc_clamp(v);
	if (d->toc) {
		toc_draw(v, y, x, h, w);
		return;
	}
	view_draw_md(&d->page.doc, d->line, y, x + 1, h, w - 2, d->link);
	if (d->find_line >= d->line && d->find_line < d->line + h && d->find_cols > 0)
		display_chattr(y + d->find_line - d->line, x + 1 + d->find_col,
			       d->find_cols, display_attr(ST_MATCH));
}

static void find_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;
	struct doc_view *d = v->priv;

	snprintf(d->find, sizeof d->find, "%s", text);
	if (!*text) {
		d->find_line = -1;
		return;
	}
	doc_find(a, v, d->line, 1, 1);
}

static int doc_follow(struct app *a, struct view *v)
{
	struct doc_view *d = v->priv;
	const struct md_link *l;

	if (d->link < 0 || d->link >= (int)d->page.doc.nlinks) {
		app_message(a, d->page.doc.nlinks ? "no link selected: Tab selects one"
				: "this page has no links");
		return VR_REDRAW;
	}
	l = &d->page.doc.links[d->link];
	if (l->wiki) {
		struct entry e;
		int st;

		entry_init(&e);
		st = entry_find_title(a->db, l->target, &e);
		if (st == COPSE_OK) {
			app_open(a, &kind_entry, e.id);
		} else if (st == COPSE_NOTFOUND && a->readonly) {
			app_error(a, "no entry titled '%s' yet", l->target);
		} else if (st == COPSE_NOTFOUND) {
			/* a missing link is an entry to write, its title given */
			char q[300], *t = view_fit(l->target, 40);

			snprintf(q, sizeof q, "No entry '%s' yet. Write it?", t ? t : "");
			free(t);
			if (app_confirm(a, q)) {
				char *title = xstrdup(l->target);
				int r = title ? view_entry_write(a, title) : VR_REDRAW;

				free(title);
				entry_done(&e);
				return r;
			}
		} else {
			app_db_error(a, st);
		}
		entry_done(&e);
		return VR_REDRAW;
	}
	if (app_open_target(a, l->target) == 0)
		return VR_REDRAW;
	app_message(a, "link: %s", l->target);
	return VR_REDRAW;
}

static int doc_key(struct app *a, struct view *v, int req, int key)
{
	struct doc_view *d = v->priv;
	int page = v->body_h > 1 ? v->body_h - 1 : 1;
	int n = (int)d->page.doc.nlinks;

	(void)key;
	if (d->toc)
		return toc_key(a, v, req);
	switch (req) {
	case REQ_PREV_HEADING: doc_heading(a, v, -1); break;
	case REQ_NEXT_HEADING: doc_heading(a, v, 1); break;
	case REQ_TOC:
		d->toc = 1;
		d->toc_sel = 0;
		{
			/* start at the heading the page is in */
			int lines[256], nh = headings(&d->page.doc, lines, 256);

			for (int i = 0; i < nh; i++)
				if (lines[i] <= d->line)
					d->toc_sel = i;
		}
		return VR_REDRAW;
	case REQ_MOVE_DOWN: d->line++; break;
	case REQ_MOVE_UP: d->line--; break;
	case REQ_MOVE_FIRST: d->line = 0; break;
	case REQ_MOVE_LAST: d->line = doc_max_line(v); break;
	case REQ_PAGE_DOWN: d->line += page; break;
	case REQ_PAGE_UP: d->line -= page; break;
	case REQ_HALF_DOWN: d->line += page / 2 ? page / 2 : 1; break;
	case REQ_HALF_UP: d->line -= page / 2 ? page / 2 : 1; break;
	case REQ_NEXT_LINK:
	case REQ_PREV_LINK:
		if (n == 0) {
			app_message(a, "this page has no links");
			return VR_REDRAW;
		}
		if (d->link < 0) {
			/* start from the first link on or after the top line
			 * (last before it going backwards) */
			int i;
			if (req == REQ_NEXT_LINK) {
				for (i = 0; i < n && d->page.doc.links[i].line < d->line; i++)
					;
				d->link = i < n ? i : 0;
			} else {
				for (i = n - 1; i >= 0 && d->page.doc.links[i].line >= d->line + v->body_h; i--)
					;
				d->link = i >= 0 ? i : n - 1;
			}
		} else {
			d->link = (d->link + (req == REQ_NEXT_LINK ? 1 : n - 1)) % n;
		}
		doc_show_line(v, d->page.doc.links[d->link].line);
		{
			const struct md_link *l = &d->page.doc.links[d->link];
			char *t = text_sanitize(l->target, strlen(l->target),
						display_ascii() ? TEXT_ASCII : 0);
			if (l->wiki)
				app_message(a, "[%d] %s%s", d->link + 1, t ? t : "",
					    l->missing ? " (no such entry yet)" : "");
			else if (strncmp(l->target, "copse:", 6) != 0)
				app_message(a, "[%d] %s", d->link + 1, t ? t : "");
			free(t);
		}
		return VR_REDRAW;
	case REQ_FOLLOW:
		return doc_follow(a, v);
	case REQ_BACK:
		return VR_BACK;
	case REQ_FIND: {
		char text[256];
		int saved = d->line;

		snprintf(text, sizeof text, "%s", d->find);
		if (app_prompt(a, "find: ", text, sizeof text, find_changed, v)) {
			find_changed(a, text, v);
			if (text[0] && d->find_line < 0)
				app_error(a, "not found: %s", text);
		} else {
			d->find[0] = '\0';
			d->find_line = -1;
			d->line = saved;
		}
		return VR_REDRAW;
	}
	case REQ_NEXT_MATCH:
	case REQ_PREV_MATCH:
		if (!d->find[0]) {
			app_message(a, "no search: press / to find text");
			return VR_REDRAW;
		}
		if (req == REQ_NEXT_MATCH)
			doc_find(a, v, (d->find_line >= 0 ? d->find_line : d->line) + 1, 1, 0);
		else
			doc_find(a, v, (d->find_line >= 0 ? d->find_line : d->line) - 1, -1, 0);
		return VR_REDRAW;
	case REQ_ADD:
		if (d->kind->add)
			return d->kind->add(a);
		return VR_UNHANDLED;
	case REQ_EDIT:
		if (d->kind->edit)
			return d->kind->edit(a, d->id);
		app_message(a, "nothing to edit here");
		return VR_REDRAW;
	case REQ_DELETE:
		if (d->kind->del)
			return d->kind->del(a, d->id);
		app_message(a, "nothing to delete here");
		return VR_REDRAW;
	default:
		return d->kind->key ? d->kind->key(a, d->id, req) : VR_UNHANDLED;
	}
	doc_clamp(v);
	return VR_REDRAW;
}

static void doc_status(struct app *a, struct view *v, char *hints, size_t n,
		       char *pos, size_t pn)
{
	struct doc_view *d = v->priv;
	int total = (int)d->page.doc.nlines;

	(void)a;
	if (d->kind->hints)
		snprintf(hints, n, "%s", d->kind->hints);
	else if (d->kind->edit)
		snprintf(hints, n, "Tab links  Enter follow  Bksp back  / find  e edit  ? help");
	else if (d->kind->del && d->kind->del_help)
		snprintf(hints, n, "Tab links  Enter follow  d %.40s  / find  Bksp back  ? help",
			 d->kind->del_help);
	else
		snprintf(hints, n, "Tab links  Enter follow  Bksp back  / find  ? help");
	if (total <= v->body_h)
		snprintf(pos, pn, "all");
	else if (d->line == 0)
		snprintf(pos, pn, "top");
	else if (d->line >= doc_max_line(v))
		snprintf(pos, pn, "end");
	else
		snprintf(pos, pn, "%d%%", (d->line * 100) / (total - v->body_h));
}

const struct view_ops view_doc_ops = {
	.load = doc_load,
	.draw = doc_draw,
	.key = doc_key,
	.close = doc_close,
	.scope = doc_scope,
	.status = doc_status,
	.changed = doc_changed,
};
