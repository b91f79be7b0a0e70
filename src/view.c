/* view.c - what the two generic views share: the Markdown page (load,
 * render, draw with curses attributes), kinds, the field separator and
 * times, and view_free.  The list is view-list.c, the document
 * view-doc.c.  See view.h. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/entry.h"
#include "copse/text.h"
#include "copse/view.h"

#include "view-priv.h"

const char *view_sep(void)
{
	return display_ascii() ? " - " : " · ";
}

char *view_fit(const char *title, int cols)
{
	char *clean = text_sanitize(title, strlen(title), display_ascii() ? TEXT_ASCII : 0);
	char *fit;

	if (!clean)
		return NULL;
	for (char *p = clean; *p; p++)   /* one line */
		if (*p == '\n')
			*p = ' ';
	fit = text_clip(clean, cols < 8 ? 8 : cols, 0, display_ascii());
	free(clean);
	return fit;
}

void view_time(const char *iso, char *out, size_t n)
{
	char *safe;

	if (!iso || !*iso) {
		snprintf(out, n, "-");
		return;
	}
	/* a time that is no time is shown as stored: sanitised like any text */
	time_local(iso, "%Y-%m-%d %H:%M", out, n);
	if ((safe = text_sanitize(out, strlen(out), display_ascii() ? TEXT_ASCII : 0))) {
		snprintf(out, n, "%s", safe);
		free(safe);
	}
}

void view_draw_text(const char *text, int y, int x, int h, int w, int attr)
{
	int flags = TEXT_KEEP_NEWLINE | (display_ascii() ? TEXT_ASCII : 0);
	char *clean = text_sanitize(text, text ? strlen(text) : 0, flags);
	const char *p = clean ? clean : "";

	for (int r = 0; r < h && *p && w > 0; r++) {
		size_t len = strcspn(p, "\n"), n = text_fit(p, len, w, NULL);
		char *line;

		if (n < len) {           /* wrap at the last space that fits */
			size_t sp = n;

			while (sp > 0 && p[sp - 1] != ' ')
				sp--;
			if (sp > 0)
				n = sp;
		}
		if (n == 0 && len) {     /* a character wider than w: alone */
			int cw;
			n = text_cluster(p, len, &cw);
		}
		if ((line = xstrndup(p, n)) != NULL)
			display_text(y + r, x, w, line, attr);
		free(line);
		p += n;
		if (n == len && *p == '\n')
			p++;
	}
	free(clean);
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
		&kind_action, &kind_health, &kind_history, &kind_revision,
		&kind_tags, &kind_wanted,
		&kind_assessment, &kind_suggestion,
	};

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

/* ---- pages ---- */

/* Load item id of kind k into p: its Markdown, or the error. */
int view_page_load(struct app *a, struct view_page *p, const struct kind_ops *k,
		   int64_t id)
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
int view_page_render(struct app *a, struct view_page *p, int w)
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

void view_page_done(struct view_page *p)
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

void view_draw_md(const struct md_doc *doc, int first, int y, int x, int h,
		    int w, int sel_link)
{
	for (int r = 0; r < h && first + r < (int)doc->nlines; r++)
		draw_md_line(&doc->lines[first + r], y + r, x, w, sel_link);
}

int view_draw_editing(struct app *a, const struct kind_ops *k, int64_t id, int y, int x,
		      int h, int w)
{
	char what[48], who[256];

	snprintf(what, sizeof what, "%s %lld", k->name, (long long)id);
	if (!k->rec || h <= 2 || !app_editing(a, what, who, sizeof who))
		return 0;
	display_untrusted(y, x, w, who, display_attr(ST_DIM));
	return 1;
}

void view_changed(struct view *v, unsigned what)
{
	if (!v || !what)
		return;
	if (v->ops->changed)
		v->ops->changed(v, what);
	else if (what & CHANGE_ALL)
		v->stale = 1;
}

void view_free(struct view *v)
{
	if (!v)
		return;
	if (v->ops->close)
		v->ops->close(v);
	free(v);
}
