/* view-search.c - the search screen: a line to type the query into and
 * the hits below it, grouped by kind (entries, topics, members, notes),
 * each with its matching words highlighted in a snippet.  The hits
 * follow the typing (search.h, QUERY_TYPING: the last word also finds
 * the longer words it begins).  Enter opens the selected hit: an entry,
 * topic or member in the reader at the match, a note in its meeting with
 * the note selected; Backspace there comes back here, query and
 * selection kept.  Opened by s from any screen and by / on Home (app.c).
 * See view.h. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/display.h"
#include "copse/keys.h"
#include "copse/lineedit.h"
#include "copse/search.h"
#include "copse/text.h"
#include "copse/view.h"

#define QUERY_MAX 256          /* bytes of a query */
#define HITS_PER_KIND 25

struct search_view {
	struct lineedit le;
	char *query;                 /* what the hits are for (NULL: none yet) */
	struct search_hit *hits;
	size_t n;
	char *err;                   /* why the query could not be searched */
	int sel, top;                /* selected hit; first line of the list shown */
	int page;                    /* hits that fit (for PgUp/PgDn) */
};

/* ---- loading ---- */

static void clear_hits(struct search_view *s)
{
	search_hit_list_free(s->hits, s->n);
	s->hits = NULL;
	s->n = 0;
	free(s->err);
	s->err = NULL;
}

static int search_load(struct app *a, struct view *v)
{
	struct search_view *s = v->priv;
	const char *q = lineedit_text(&s->le);
	struct search_opts o = { .limit = HITS_PER_KIND, .typing = 1 };
	int kind = -1, st, same = s->query && strcmp(s->query, q) == 0;
	int64_t id = 0;

	/* the same query again (another session changed something): the
	 * selection stays on its hit */
	if (same && s->sel >= 0 && (size_t)s->sel < s->n) {
		kind = s->hits[s->sel].kind;
		id = s->hits[s->sel].id;
	}
	clear_hits(s);
	free(s->query);
	s->query = xstrdup(q);
	if (!same)
		s->sel = s->top = 0;
	st = search_run(a->db, q, &o, &s->hits, &s->n);
	if (st != COPSE_OK) {
		s->err = xstrdup(db_error(a->db));
		return COPSE_OK;       /* shown in place of the hits */
	}
	for (size_t i = 0; kind >= 0 && i < s->n; i++)
		if (s->hits[i].kind == kind && s->hits[i].id == id)
			s->sel = (int)i;
	if (s->sel >= (int)s->n)
		s->sel = s->n ? (int)s->n - 1 : 0;
	return COPSE_OK;
}

/* ---- drawing ---- */

/* What the list shows, line by line: a kind's heading or a hit's two
 * lines (its title, its snippet). */
struct line {
	int hit;                     /* index into hits; -1 a heading */
	int part;                    /* 0 title, 1 snippet; a heading's kind */
};

static const char *kind_heading(int kind)
{
	switch (kind) {
	case SEARCH_ENTRY: return "Entries";
	case SEARCH_TOPIC: return "Topics";
	case SEARCH_MEMBER: return "Members";
	default: return "Notes in the minutes";
	}
}

/* The list's lines into *out (caller frees); their number, -1 on ENOMEM. */
static int lay_lines(const struct search_view *s, struct line **out)
{
	struct line *l = malloc((s->n * 3 + 1) * sizeof *l);
	int n = 0;

	*out = l;
	if (!l)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		if (i == 0 || s->hits[i].kind != s->hits[i - 1].kind)
			l[n++] = (struct line){ -1, s->hits[i].kind };
		l[n++] = (struct line){ (int)i, 0 };
		l[n++] = (struct line){ (int)i, 1 };
	}
	return n;
}

/* Draw text at y, x within w columns in attr, the spans in mattr;
 * returns the columns used.  Each piece is sanitised on its own, so a
 * span stays on its word whatever the text holds. */
static int draw_marked(int y, int x, int w, const char *text, const struct search_span *sp,
		       size_t n, int attr, int mattr)
{
	size_t at = 0, len = strlen(text);
	int used = 0;

	for (size_t i = 0; i <= n && used < w; i++) {
		size_t end = i < n ? sp[i].off : len;
		char *piece;

		if (end > len || end < at)
			break;
		piece = malloc(end - at + 1);
		if (!piece)
			break;
		memcpy(piece, text + at, end - at);
		piece[end - at] = '\0';
		used += display_untrusted(y, x + used, w - used, piece, attr);
		free(piece);
		if (i == n || used >= w)
			break;
		at = sp[i].off + sp[i].len > len ? len : sp[i].off + sp[i].len;
		piece = malloc(at - sp[i].off + 1);
		if (!piece)
			break;
		memcpy(piece, text + sp[i].off, at - sp[i].off);
		piece[at - sp[i].off] = '\0';
		used += display_untrusted(y, x + used, w - used, piece, mattr);
		free(piece);
	}
	return used;
}

/* " · draft", " · open", " · 2025-03-03 · decision": what follows a
 * hit's title, dim. */
static void hit_after(const struct search_hit *h, char *out, size_t n)
{
	const char *sep = view_sep();

	out[0] = '\0';
	switch (h->kind) {
	case SEARCH_ENTRY:
		if (strcmp(h->status, "published") != 0)
			snprintf(out, n, "%s%s", sep, h->status);
		break;
	case SEARCH_NOTE: {
		char when[32];

		view_time(h->when, when, sizeof when);
		when[10] = '\0';
		snprintf(out, n, "%s%s%s%s", sep, when, strcmp(h->status, "note") ? sep : "",
			 strcmp(h->status, "note") ? h->status : "");
		break;
	}
	default:
		snprintf(out, n, "%s%s", sep, h->status);
		break;
	}
}

static void draw_hit_line(const struct search_hit *h, int part, int sel, int y, int x, int w)
{
	int base = display_attr(sel ? ST_SELECTED : ST_NORMAL);
	int dim = sel ? base : display_attr(ST_DIM);
	int match = sel ? base | (int)(A_BOLD | A_UNDERLINE) : display_attr(ST_MATCH);
	char after[128];
	int used;

	if (sel)
		display_fill(y, x, w, base);
	if (part == 0) {
		used = draw_marked(y, x + 2, w - 3, h->title, h->tspans, h->ntspans,
				   base | A_BOLD, match);
		hit_after(h, after, sizeof after);
		if (after[0] && used < w - 3)
			display_untrusted(y, x + 2 + used, w - 3 - used, after, dim);
	} else {
		draw_marked(y, x + 4, w - 5, h->snippet, h->spans, h->nspans, dim, match);
	}
}

static void search_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct search_view *s = v->priv;
	struct line *l = NULL;
	int nl = 0, body = h - 2, sel_first = -1;
	char summary[128];

	(void)a;
	app_draw_line(y, x, w, " Search: ", &s->le, display_attr(ST_NORMAL), 1);
	if (s->err) {
		display_untrusted(y + 1, x + 1, w - 2, s->err, display_attr(ST_ERROR));
	} else if (!s->query || !s->query[0]) {
		display_text(y + 1, x + 1, w - 2, "Words, \"a phrase\", prefix*, OR, NOT:"
			     " entries, topics, members, minutes",
			     display_attr(ST_DIM));
	} else {
		static const char *const plural[SEARCH_NKINDS] = {
			[SEARCH_ENTRY] = "entries", [SEARCH_TOPIC] = "topics",
			[SEARCH_MEMBER] = "members", [SEARCH_NOTE] = "notes",
		};
		size_t count[SEARCH_NKINDS] = { 0 };
		size_t o = 0;

		for (size_t i = 0; i < s->n; i++)
			count[s->hits[i].kind]++;
		summary[0] = '\0';
		for (int k = 0; k < SEARCH_NKINDS; k++)
			if (count[k])
				o += (size_t)snprintf(summary + o, sizeof summary - o, "%s%zu %s",
						      o ? ", " : "", count[k], count[k] > 1 ?
						      plural[k] : search_kind_name(k));
		display_text(y + 1, x + 1, w - 2, s->n ? summary : "no matches",
			     display_attr(ST_DIM));
	}
	if (body < 1 || (nl = lay_lines(s, &l)) <= 0) {
		if (body >= 1 && nl < 0)
			app_error(a, "out of memory");
		free(l);
		v->body_h = body > 0 ? body : 0;
		s->page = 1;
		return;
	}
	v->body_h = body;
	s->page = body / 2 > 1 ? body / 2 - 1 : 1;
	/* keep the selected hit (with its heading, when it starts a
	 * group) in view */
	for (int i = 0; i < nl; i++)
		if (l[i].hit == s->sel) {
			sel_first = i;
			break;
		}
	if (sel_first >= 0) {
		int from = sel_first > 0 && l[sel_first - 1].hit < 0 ? sel_first - 1 : sel_first;

		if (from < s->top)
			s->top = from;
		if (sel_first + 2 > s->top + body)
			s->top = sel_first + 2 - body;
	}
	if (s->top > nl - body)
		s->top = nl - body;
	if (s->top < 0)
		s->top = 0;
	for (int r = 0; r < body && s->top + r < nl; r++) {
		const struct line *ln = &l[s->top + r];

		if (ln->hit < 0)
			display_text(y + 2 + r, x + 1, w - 2, kind_heading(ln->part),
				     display_attr(ST_SECTION));
		else
			draw_hit_line(&s->hits[ln->hit], ln->part, ln->hit == s->sel, y + 2 + r, x, w);
	}
	free(l);
}

/* ---- keys ---- */

static int open_hit(struct app *a, struct search_view *s)
{
	const struct search_hit *h;
	char word[256];
	int depth = a->depth;

	if (s->err) {
		app_error(a, "%s", s->err);
		return VR_REDRAW;
	}
	if (s->n == 0) {
		app_message(a, s->query && s->query[0] ? "no matches" : "type what to search for");
		return VR_REDRAW;
	}
	h = &s->hits[s->sel];
	search_hit_word(h, word, sizeof word);
	switch (h->kind) {
	case SEARCH_ENTRY: app_open(a, &kind_entry, h->id); break;
	case SEARCH_TOPIC: app_open(a, &kind_topic, h->id); break;
	case SEARCH_MEMBER: app_open(a, &kind_member, h->id); break;
	default: app_open(a, &kind_meeting, h->meeting_id); break;
	}
	if (a->depth <= depth)
		return VR_REDRAW;       /* it could not open: said why */
	if (h->kind == SEARCH_NOTE)
		view_floor_show_note(a->stack[a->depth - 1], h->id);
	else
		view_doc_find(a->stack[a->depth - 1], word);
	return VR_REDRAW;
}

static int search_key(struct app *a, struct view *v, int req, int key)
{
	struct search_view *s = v->priv;
	int last = s->n ? (int)s->n - 1 : 0;

	switch (req) {
	case REQ_HIT_OPEN:
		return open_hit(a, s);
	case REQ_HIT_NEXT:
		s->sel = s->sel < last ? s->sel + 1 : last;
		return VR_REDRAW;
	case REQ_HIT_PREV:
		s->sel = s->sel > 0 ? s->sel - 1 : 0;
		return VR_REDRAW;
	case REQ_HIT_PAGE_DOWN:
		s->sel = s->sel + s->page < last ? s->sel + s->page : last;
		return VR_REDRAW;
	case REQ_HIT_PAGE_UP:
		s->sel = s->sel - s->page > 0 ? s->sel - s->page : 0;
		return VR_REDRAW;
	case REQ_SEARCH_BACK:
		return VR_BACK;
	case REQ_LINE_BACKSPACE:
		if (lineedit_empty(&s->le))
			return VR_BACK;
		break;
	default:
		break;
	}
	if (app_line_key(&s->le, req, key)) {
		/* searched again when next drawn: keys already waiting are
		 * typed first */
		if (!s->query || strcmp(s->query, lineedit_text(&s->le)) != 0)
			v->stale = 1;
		return VR_REDRAW;
	}
	return VR_UNHANDLED;
}

static void search_close(struct view *v)
{
	struct search_view *s = v->priv;

	clear_hits(s);
	free(s->query);
	lineedit_done(&s->le);
	free(s);
}

static int search_scope(const struct view *v)
{
	(void)v;
	return KEYS_SEARCH;
}

static void search_status(struct app *a, struct view *v, char *hints, size_t n,
			  char *pos, size_t pn)
{
	struct search_view *s = v->priv;

	(void)a;
	snprintf(hints, n, "Enter open  Up/Down select  Esc back  F1 help");
	if (s->n)
		snprintf(pos, pn, "%d/%zu", s->sel + 1, s->n);
}

/* Hits are entries, topics, members and notes (under their meetings'
 * titles): another session's change to any of those searches again. */
static void search_changed(struct view *v, unsigned what)
{
	if (what & (CHANGE_ENTRIES | CHANGE_TOPICS | CHANGE_MEMBERS | CHANGE_NOTES |
		    CHANGE_MEETINGS))
		v->stale = 1;
}

static const struct view_ops search_ops = {
	.load = search_load,
	.draw = search_draw,
	.key = search_key,
	.close = search_close,
	.scope = search_scope,
	.status = search_status,
	.changed = search_changed,
};

struct view *view_new_search(void)
{
	struct view *v = calloc(1, sizeof *v);
	struct search_view *s = calloc(1, sizeof *s);

	if (!v || !s || lineedit_init(&s->le, QUERY_MAX) != 0) {
		free(v);
		free(s);
		return NULL;
	}
	v->ops = &search_ops;
	v->priv = s;
	v->stale = 1;
	return v;
}
