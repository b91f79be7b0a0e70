/* view.c - the two generic views: a list with a preview, and a Markdown
 * document with links (reader, meeting screen, help).  Each keeps its own
 * state behind view->priv.  See view.h. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/view.h"

/* Width from which a list gets a preview beside it, and the list's
 * width then: 40% of the screen, but never so narrow that titles are
 * cut to nothing at 80 columns nor so wide that the preview starves on
 * a big screen. */
#define SPLIT_MIN_COLS 80
#define LIST_MIN_COLS 38
#define LIST_MAX_COLS 60

/* A Markdown page as shown: a kind's Markdown for an item (or the error
 * of loading it), its render at the last width, and which of its
 * [[links]] name an entry. */
struct page {
	char *src;                        /* Markdown; NULL after a failure */
	char *err;                        /* load failure shown instead */
	struct md_doc doc;
	int w;                            /* width of doc; 0: render again */
	struct strv have;                 /* its [[link]] titles that exist */
	int asked;                        /* the store was asked since the load */
};

/* The list's own state. */
struct list_view {
	const struct panel_ops *panel;
	struct row *rows;
	size_t nrows, cap;
	size_t *vis;                      /* indexes of rows shown (filter) */
	size_t nvis;
	int sel, top;                     /* index into vis */
	char filter[256];
	const struct kind_ops *keep_kind; /* reselect after a reload */
	int64_t keep_id;
	struct page pv;                   /* preview of the selected row */
	const struct kind_ops *pv_kind;
	int64_t pv_id;
	int pv_valid;
};

/* The document's own state. */
struct doc_view {
	const struct kind_ops *kind;
	int64_t id;
	struct page page;
	int line;                         /* first line shown */
	int follow_end;                   /* was at the end: stay there after a reload */
	int want_end;                     /* show the end after the next load */
	int link;                         /* selected link, -1 none */
	char find[256];
	int find_line, find_col, find_cols;  /* current match, line -1 none */
};

/* The view's own state, or NULL when it is the other kind of view. */
static struct list_view *as_list(const struct view *v)
{
	return v->ops == &view_list_ops ? v->priv : NULL;
}

static struct doc_view *as_doc(const struct view *v)
{
	return v->ops == &view_doc_ops ? v->priv : NULL;
}

const char *view_sep(void)
{
	return display_ascii() ? " - " : " · ";
}

void view_time(const char *iso, char *out, size_t n)
{
	if (!iso || !*iso) {
		snprintf(out, n, "-");
		return;
	}
	time_local(iso, "%Y-%m-%d %H:%M", out, n);
}

/* ---- kinds ---- */

int kind_can(const struct kind_ops *k, enum kind_op op)
{
	return k && (op == KIND_OPEN ? k->doc != NULL : op == KIND_EDIT ? k->edit != NULL
		     : k->del != NULL);
}

const struct kind_ops *kind_by_name(const char *name)
{
	static const struct kind_ops *const kinds[] = {
		&kind_member, &kind_meeting, &kind_entry, &kind_topic,
		&kind_action, &kind_health,
	};

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

/* ---- pages ---- */

/* Load item id of kind k into p: its Markdown, or the error. */
static int page_load(struct app *a, struct page *p, const struct kind_ops *k, int64_t id)
{
	struct buf md;
	int st;

	buf_init(&md);
	free(p->src);
	free(p->err);
	p->src = p->err = NULL;
	st = k->doc(a, id, &md);
	if (st != COPSE_OK) {
		p->err = xstrdup(db_error(a->db));
		buf_done(&md);
	} else {
		p->src = buf_steal(&md);
	}
	p->w = 0;        /* render again at the next draw */
	p->asked = 0;    /* and ask which [[links]] exist then */
	return st;
}

/* Render p at width w unless it is at that width already, and mark its
 * [[links]] to missing entries.  The store is asked once per load: a
 * later render at another width marks from the same answer.  1 when it
 * rendered. */
static int page_render(struct app *a, struct page *p, int w)
{
	struct md_opts o;
	const char *src = p->src ? p->src : "";

	if (p->err || p->w == w)
		return 0;
	memset(&o, 0, sizeof o);
	o.width = w;
	o.ascii = display_ascii();
	md_doc_free(&p->doc);
	memset(&p->doc, 0, sizeof p->doc);
	p->w = w;
	if (md_render(src, strlen(src), &o, &p->doc) != 0)
		return 1;
	if (!p->asked) {
		struct strv titles;

		strv_init(&titles);
		strv_done(&p->have);
		/* a failed look-up shows the links as missing */
		if (md_doc_wiki_titles(&p->doc, &titles) == 0)
			entry_titles_exist(a->db, &titles, &p->have);
		strv_done(&titles);
		p->asked = 1;
	}
	md_doc_mark_missing(&p->doc, &p->have);
	return 1;
}

static void page_done(struct page *p)
{
	free(p->src);
	free(p->err);
	md_doc_free(&p->doc);
	strv_done(&p->have);
	memset(p, 0, sizeof *p);
}

static int span_attr(const struct md_span *s, int sel_link)
{
	int at = A_NORMAL;

	if (s->attr & MD_HEADING)
		at = display_attr(ST_HEADING);
	if (s->attr & MD_CODE)
		at = display_attr(ST_CODE);
	if (s->attr & MD_QUOTE)
		at = display_attr(ST_QUOTE);
	if (s->attr & (MD_DIM | MD_RULE | MD_MARKER))
		at = display_attr(s->attr & MD_MARKER ? ST_NORMAL : ST_DIM);
	if ((s->attr & MD_LINK) && s->link >= 0) {
		if (s->link == sel_link)
			at = display_attr(ST_LINK_SEL);
		else if (s->attr & MD_MISSING)
			at = display_attr(ST_MISSING);
		else
			at = display_attr(ST_LINK);
	}
	if (s->attr & MD_BOLD)
		at |= A_BOLD;
	if (s->attr & MD_ITALIC)
		at |= A_ITALIC;
	return at;
}

static void draw_md_line(const struct md_line *l, int y, int x, int w, int sel_link)
{
	int col = 0;

	for (size_t i = 0; i < l->n && col < w; i++) {
		const struct md_span *s = &l->spans[i];
		display_text(y, x + col, w - col, s->text, span_attr(s, sel_link));
		col += s->width;
	}
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

static void draw_md(const struct md_doc *doc, int first, int y, int x, int h,
		    int w, int sel_link)
{
	for (int r = 0; r < h && first + r < (int)doc->nlines; r++)
		draw_md_line(&doc->lines[first + r], y + r, x, w, sel_link);
}

/* ---- rows ---- */

static void free_rows(struct view *v)
{
	struct list_view *l = v->priv;

	for (size_t i = 0; i < l->nrows; i++) {
		free(l->rows[i].left);
		free(l->rows[i].right);
	}
	l->nrows = 0;
	free(l->vis);
	l->vis = NULL;
	l->nvis = 0;
}

static int push_row(struct view *v, const char *left, const char *right,
		    int section, const struct kind_ops *k, int64_t id)
{
	struct list_view *l = v->priv;
	struct row *r;
	int fl = display_ascii() ? TEXT_ASCII : 0;

	if (l->nrows == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 32;
		struct row *nr = realloc(l->rows, ncap * sizeof *nr);
		if (!nr)
			return -1;
		l->rows = nr;
		l->cap = ncap;
	}
	r = &l->rows[l->nrows];
	memset(r, 0, sizeof *r);
	r->left = text_sanitize(left ? left : "", left ? strlen(left) : 0, fl);
	r->right = right ? text_sanitize(right, strlen(right), fl) : NULL;
	if (!r->left || (right && !r->right)) {
		free(r->left);
		free(r->right);
		return -1;
	}
	/* one line: newlines from the database would break the layout */
	for (char *p = r->left; *p; p++)
		if (*p == '\n')
			*p = ' ';
	r->section = section;
	r->kind = k;
	r->id = id;
	l->nrows++;
	return 0;
}

int view_add_row(struct view *v, const char *left, const char *right,
		 const struct kind_ops *k, int64_t id)
{
	return push_row(v, left, right, 0, k, id);
}

int view_add_section(struct view *v, const char *title, int plain)
{
	return push_row(v, title, NULL, plain ? 2 : 1, NULL, 0);
}

static int row_selectable(const struct view *v, int i)
{
	const struct list_view *l = v->priv;

	return i >= 0 && (size_t)i < l->nvis && l->rows[l->vis[i]].section == 0;
}

const struct row *view_selected(const struct view *v)
{
	const struct list_view *l = as_list(v);

	if (!l || !l->rows || !row_selectable(v, l->sel))
		return NULL;
	return &l->rows[l->vis[l->sel]];
}

int view_select(struct view *v, const struct kind_ops *k, int64_t id)
{
	struct list_view *l = as_list(v);

	if (!l)
		return -1;
	for (size_t i = 0; i < l->nvis; i++) {
		const struct row *r = &l->rows[l->vis[i]];
		if (r->kind == k && r->id == id && !r->section) {
			l->sel = (int)i;
			return 0;
		}
	}
	return -1;
}

static int row_matches(const struct row *r, const char *f)
{
	if (!*f)
		return 1;
	if (r->section)
		return 0;
	return text_find(r->left, f) >= 0 || (r->right && text_find(r->right, f) >= 0);
}

static void build_vis(struct view *v)
{
	struct list_view *l = v->priv;

	free(l->vis);
	l->vis = malloc((l->nrows ? l->nrows : 1) * sizeof *l->vis);
	l->nvis = 0;
	if (!l->vis)
		return;
	for (size_t i = 0; i < l->nrows; i++)
		if (row_matches(&l->rows[i], l->filter))
			l->vis[l->nvis++] = i;
}

/* Select index i, or the nearest selectable row in direction dir then
 * the other way. */
static void select_near(struct view *v, int i, int dir)
{
	struct list_view *l = v->priv;

	if (l->nvis == 0) {
		l->sel = 0;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= (int)l->nvis)
		i = (int)l->nvis - 1;
	for (int j = i; j >= 0 && j < (int)l->nvis; j += dir)
		if (row_selectable(v, j)) {
			l->sel = j;
			return;
		}
	for (int j = i; j >= 0 && j < (int)l->nvis; j -= dir)
		if (row_selectable(v, j)) {
			l->sel = j;
			return;
		}
	l->sel = i;
}

static void remember_selection(struct view *v)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);

	l->keep_kind = r ? r->kind : NULL;
	l->keep_id = r ? r->id : 0;
}

static void restore_selection(struct view *v)
{
	struct list_view *l = v->priv;

	if (l->keep_kind)
		for (size_t i = 0; i < l->nvis; i++) {
			const struct row *r = &l->rows[l->vis[i]];
			if (r->kind == l->keep_kind && r->id == l->keep_id && !r->section) {
				l->sel = (int)i;
				return;
			}
		}
	select_near(v, l->sel, 1);
}

/* ---- the views ---- */

struct view *view_new_list(const struct panel_ops *p)
{
	struct view *v = calloc(1, sizeof *v);
	struct list_view *l = calloc(1, sizeof *l);

	if (!v || !l) {
		free(v);
		free(l);
		return NULL;
	}
	l->panel = p;
	v->ops = &view_list_ops;
	v->priv = l;
	v->stale = 1;
	return v;
}

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

void view_free(struct view *v)
{
	if (!v)
		return;
	if (v->ops->close)
		v->ops->close(v);
	free(v);
}

const struct panel_ops *view_panel(const struct view *v)
{
	const struct list_view *l = as_list(v);

	return l ? l->panel : NULL;
}

const struct kind_ops *view_kind(const struct view *v)
{
	const struct doc_view *d = as_doc(v);

	return d ? d->kind : NULL;
}

int view_kinds_with(const struct view *v, enum kind_op op, const struct kind_ops **one)
{
	const struct list_view *l = as_list(v);
	const struct kind_ops *found = NULL;

	if (one)
		*one = NULL;
	if (!l) {
		found = view_kind(v);
		if (!kind_can(found, op))
			return 0;
		if (one)
			*one = found;
		return 1;
	}
	for (size_t i = 0; i < l->nrows; i++) {
		const struct kind_ops *k = l->rows[i].kind;

		if (l->rows[i].section || !kind_can(k, op))
			continue;
		if (found && found != k)
			return 2;
		found = k;
	}
	if (one)
		*one = found;
	return found != NULL;
}

void view_show_end(struct view *v)
{
	struct doc_view *d = as_doc(v);

	if (d)
		d->want_end = 1;
}

int view_failed(const struct view *v)
{
	const struct doc_view *d = as_doc(v);

	return d && d->page.err != NULL;
}

/* ---- list view ---- */

static int list_load(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	int st;

	if (l->rows)
		remember_selection(v);
	free_rows(v);
	l->pv_valid = 0;
	st = l->panel->load(a, v);
	build_vis(v);
	restore_selection(v);
	if (st != COPSE_OK)
		app_db_error(a, st);
	return st;
}

static void list_close(struct view *v)
{
	struct list_view *l = v->priv;

	free_rows(v);
	free(l->rows);
	page_done(&l->pv);
	free(l);
}

static int list_scope(const struct view *v)
{
	(void)v;
	return KEYS_LIST;
}

static void draw_preview(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);
	int pw = w - 2;

	if (!r || !r->kind || !r->kind->doc || pw < 10)
		return;
	/* a move loads the item; a resize renders it again */
	if (!l->pv_valid || l->pv_kind != r->kind || l->pv_id != r->id) {
		page_load(a, &l->pv, r->kind, r->id);
		l->pv_kind = r->kind;
		l->pv_id = r->id;
		l->pv_valid = 1;
	}
	page_render(a, &l->pv, pw);
	if (l->pv.err)
		display_untrusted(y, x + 1, pw, l->pv.err, display_attr(ST_ERROR));
	else
		draw_md(&l->pv.doc, 0, y, x + 1, h, pw, -1);
}

static void list_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct list_view *l = v->priv;
	int lw = w;

	v->body_h = h;
	if (w >= SPLIT_MIN_COLS) {
		lw = w * 2 / 5;
		if (lw < LIST_MIN_COLS)
			lw = LIST_MIN_COLS;
		if (lw > LIST_MAX_COLS)
			lw = LIST_MAX_COLS;
		for (int r = 0; r < h; r++)
			display_text(y + r, x + lw, 1, display_ascii() ? "|" : "│",
				     display_attr(ST_BORDER));
		draw_preview(a, v, y, x + lw + 1, h, w - lw - 1);
	}
	if (l->nvis == 0) {
		const char *msg = l->filter[0] ? "no match" : l->panel->empty;
		display_text(y, x + 1, lw - 1, msg ? msg : "(empty)", display_attr(ST_DIM));
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > 0 && l->top + h > (int)l->nvis)
		l->top = (int)l->nvis - h > 0 ? (int)l->nvis - h : 0;
	/* keep a section heading above the first row in sight */
	if (l->top > 0 && l->top == l->sel && l->rows[l->vis[l->top - 1]].section == 1)
		l->top--;
	for (int r = 0; r < h && l->top + r < (int)l->nvis; r++) {
		int i = l->top + r;
		const struct row *row = &l->rows[l->vis[i]];
		int sel = i == l->sel && !row->section;
		int at = sel ? display_attr(ST_SELECTED) : (int)A_NORMAL;
		int rw = 0, tx = x + 1, avail = lw - 2;

		if (row->section == 1)
			at = display_attr(ST_SECTION);
		else if (row->section == 2)
			at = display_attr(ST_DIM);
		if (sel)
			display_fill(y + r, x, lw, at);
		if (row->section != 1)
			tx += 1, avail -= 1;
		if (row->right && *row->right) {
			/* the title matters more than the date or kind */
			rw = text_width(row->right, strlen(row->right));
			if (rw > avail / 3)
				rw = avail / 3;
			display_text(y + r, x + lw - 1 - rw, rw, row->right,
				     sel ? at : (at | display_attr(ST_DIM)));
			avail -= rw + 1;
		}
		if (avail > 0) {
			char *clip = text_clip(row->left, avail, 0, display_ascii());
			display_text(y + r, tx, avail, clip ? clip : "", at);
			free(clip);
		}
	}
}

static void move_sel(struct view *v, int delta)
{
	struct list_view *l = v->priv;
	int dir = delta >= 0 ? 1 : -1;
	int target = l->sel + delta;

	if (delta == 1 || delta == -1) {
		/* step over headings */
		target = l->sel + dir;
		while (target >= 0 && target < (int)l->nvis && !row_selectable(v, target))
			target += dir;
		if (target < 0 || target >= (int)l->nvis)
			return;
	}
	select_near(v, target, dir);
}

static void filter_changed(struct app *a, const char *text, void *ctx)
{
	struct view *v = ctx;
	struct list_view *l = v->priv;

	(void)a;
	snprintf(l->filter, sizeof l->filter, "%s", text);
	build_vis(v);
	select_near(v, 0, 1);
	l->top = 0;
}

static int list_search(struct app *a, struct view *v)
{
	struct list_view *l = v->priv;
	char text[256];

	remember_selection(v);
	snprintf(text, sizeof text, "%s", l->filter);
	if (app_prompt(a, "/", text, sizeof text, filter_changed, v)) {
		filter_changed(a, text, v);
		if (l->filter[0])
			app_message(a, "filter '%s': %zu match%s (Esc clears)", l->filter,
				    l->nvis, l->nvis == 1 ? "" : "es");
	} else {
		l->filter[0] = '\0';
		build_vis(v);
		restore_selection(v);
	}
	return VR_REDRAW;
}

static int list_next_match(struct app *a, struct view *v, int dir)
{
	struct list_view *l = v->priv;
	int n = (int)l->nvis;

	if (!l->filter[0]) {
		app_message(a, "no filter: press / to filter the list");
		return VR_REDRAW;
	}
	for (int k = 1; k <= n; k++) {
		int i = ((l->sel + dir * k) % n + n) % n;
		if (row_selectable(v, i)) {
			if ((dir > 0 && i <= l->sel) || (dir < 0 && i >= l->sel))
				app_message(a, "search wrapped");
			l->sel = i;
			break;
		}
	}
	return VR_REDRAW;
}

static int list_key(struct app *a, struct view *v, int req, int key)
{
	struct list_view *l = v->priv;
	const struct row *r = view_selected(v);
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	(void)key;
	switch (req) {
	case REQ_MOVE_DOWN: move_sel(v, 1); return VR_REDRAW;
	case REQ_MOVE_UP: move_sel(v, -1); return VR_REDRAW;
	case REQ_MOVE_FIRST: select_near(v, 0, 1); return VR_REDRAW;
	case REQ_MOVE_LAST: select_near(v, (int)l->nvis - 1, -1); return VR_REDRAW;
	case REQ_PAGE_DOWN: move_sel(v, page); return VR_REDRAW;
	case REQ_PAGE_UP: move_sel(v, -page); return VR_REDRAW;
	case REQ_HALF_DOWN: move_sel(v, page / 2 ? page / 2 : 1); return VR_REDRAW;
	case REQ_HALF_UP: move_sel(v, -(page / 2 ? page / 2 : 1)); return VR_REDRAW;
	case REQ_OPEN:
		if (r && r->kind)
			app_open(a, r->kind, r->id);
		return VR_REDRAW;
	case REQ_BACK:
		if (l->filter[0]) {
			remember_selection(v);
			l->filter[0] = '\0';
			build_vis(v);
			restore_selection(v);
			app_message(a, "filter cleared");
		}
		return VR_REDRAW;
	case REQ_SEARCH:
		return list_search(a, v);
	case REQ_NEXT_MATCH: return list_next_match(a, v, 1);
	case REQ_PREV_MATCH: return list_next_match(a, v, -1);
	case REQ_ADD:
		if (l->panel->add_kind && l->panel->add_kind->add)
			return l->panel->add_kind->add(a);
		app_message(a, "nothing to add here: switch to Members, Meetings, Repertoire or Topics");
		return VR_REDRAW;
	case REQ_EDIT:
		if (r && r->kind && r->kind->edit)
			return r->kind->edit(a, r->id);
		app_message(a, "nothing to edit here");
		return VR_REDRAW;
	case REQ_DELETE:
		if (r && r->kind && r->kind->del)
			return r->kind->del(a, r->id);
		app_message(a, "nothing to delete here");
		return VR_REDRAW;
	default:
		return VR_UNHANDLED;
	}
}

static size_t count_selectable(const struct view *v, int upto, int *pos)
{
	const struct list_view *l = v->priv;
	size_t n = 0;

	*pos = 0;
	for (size_t i = 0; i < l->nvis; i++)
		if (l->rows[l->vis[i]].section == 0) {
			n++;
			if ((int)i <= upto)
				*pos = (int)n;
		}
	return n;
}

static void list_status(struct app *a, struct view *v, char *hints, size_t n,
			char *pos, size_t pn)
{
	struct list_view *l = v->priv;
	int p;
	size_t total = count_selectable(v, l->sel, &p);

	(void)a;
	if (l->filter[0])
		snprintf(hints, n, "/%s  Esc clear  n/N next/prev  Enter open  ? help", l->filter);
	else
		/* only the keys that do something here */
		snprintf(hints, n, "Enter open  / filter%s%s%s  ? help  q quit",
			 l->panel->add_kind && l->panel->add_kind->add ? "  a add" : "",
			 view_kinds_with(v, KIND_EDIT, NULL) ? "  e edit" : "",
			 view_kinds_with(v, KIND_DELETE, NULL) ? "  d delete" : "");
	if (total)
		snprintf(pos, pn, "%d/%zu", p, total);
	else
		pos[0] = '\0';
}

const struct view_ops view_list_ops = {
	.load = list_load,
	.draw = list_draw,
	.key = list_key,
	.close = list_close,
	.scope = list_scope,
	.status = list_status,
};

/* ---- document view ---- */

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
	return page_load(a, &d->page, d->kind, d->id);
}

static void doc_close(struct view *v)
{
	struct doc_view *d = v->priv;

	page_done(&d->page);
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

static void doc_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct doc_view *d = v->priv;
	int dw = w - 2;

	v->body_h = h;
	if (dw < 10)
		dw = 10;
	if (d->page.err) {
		display_untrusted(y, x + 1, w - 2, d->page.err, display_attr(ST_ERROR));
		return;
	}
	if (page_render(a, &d->page, dw)) {
		if (d->link >= (int)d->page.doc.nlinks)
			d->link = -1;
		if (d->find_line >= 0)
			doc_find(a, v, d->find_line, 1, 1);
		if (d->follow_end)
			d->line = doc_max_line(v);
		d->follow_end = 0;
	}
	doc_clamp(v);
	draw_md(&d->page.doc, d->line, y, x + 1, h, w - 2, d->link);
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
		if (st == COPSE_OK)
			app_open(a, &kind_entry, e.id);
		else if (st == COPSE_NOTFOUND)
			app_error(a, "no entry titled '%s' yet (press a in Repertoire to write it)",
				  l->target);
		else
			app_db_error(a, st);
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
	switch (req) {
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
	case REQ_NOTE_LINE:
		if (d->kind->doc_add)
			return d->kind->doc_add(a, d->id);
		return VR_UNHANDLED;
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
		return VR_UNHANDLED;
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
};

