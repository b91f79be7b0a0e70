/* view-floor-page.c - the meeting floor's page: its lines of styled
 * spans (md.h) in blocks, laid out w columns wide.
 *
 * Top to bottom: the title, the time and who is here now (the header,
 * which the screen pins); the agenda (A hides it); attendance; open
 * actions carried over from earlier meetings; actions given here outside
 * the minutes; then the minutes as a log in time order (time, author,
 * kind, text).  Each attendee, action and minutes line is a block the
 * log can select; the agenda and note bodies are Markdown rendered to the
 * width left, a note's body only when it is new, changed or the width is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/meeting.h"
#include "copse/text.h"
#include "copse/view.h"

#include "view-floor-priv.h"

#define BODY_MIN 16              /* narrower: a note's text goes under its prefix */

static int is_marked(const struct floor *f, int64_t id)
{
	for (size_t i = 0; i < f->nmarked; i++)
		if (f->marked[i] == id)
			return 1;
	return 0;
}

static char *san(const char *s)
{
	return text_sanitize(s ? s : "", s ? strlen(s) : 0, display_ascii() ? TEXT_ASCII : 0);
}

static struct md_line *new_line(struct floor *f)
{
	struct md_line *l;

	if (f->page.nlines == f->lcap) {
		size_t nc = f->lcap ? f->lcap * 2 : 64;
		struct md_line *nl = realloc(f->page.lines, nc * sizeof *nl);

		if (!nl)
			return NULL;
		f->page.lines = nl;
		f->lcap = nc;
	}
	l = &f->page.lines[f->page.nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

/* Add span text (untrusted: sanitised here) at the end of l, or at its
 * start with front set. */
static void add_span(struct md_line *l, const char *text, int attr, int front)
{
	struct md_span *sp, *v;
	char *t;

	if (!l || !(t = san(text)))
		return;
	v = realloc(l->spans, (l->n + 1) * sizeof *v);
	if (!v) {
		free(t);
		return;
	}
	l->spans = v;
	if (front)
		memmove(v + 1, v, l->n * sizeof *v);
	sp = front ? &v[0] : &v[l->n];
	memset(sp, 0, sizeof *sp);
	sp->text = t;
	sp->width = text_width(t, strlen(t));
	sp->attr = attr;
	sp->link = -1;
	l->n++;
	l->width += sp->width;
}

static void add_blank(struct floor *f)
{
	new_line(f);
}

/* Markdown rendered w columns wide, each line behind indent spaces; the
 * first line behind first (NULL: the indent) instead.  The lines move
 * into the page; links stay styled but are not followed here. */
static void add_md(struct floor *f, const char *src, int w, int indent, const struct md_line *first)
{
	struct md_opts o;
	struct md_doc doc;
	char pad[64];

	memset(&o, 0, sizeof o);
	o.width = w - indent;
	o.ascii = display_ascii();
	if (indent > (int)sizeof pad - 1)
		indent = (int)sizeof pad - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	memset(&doc, 0, sizeof doc);
	if (md_render(src ? src : "", src ? strlen(src) : 0, &o, &doc) != 0)
		return;
	for (size_t i = 0; i < doc.nlines; i++) {
		struct md_line *l = new_line(f);

		if (!l)
			break;
		*l = doc.lines[i];
		memset(&doc.lines[i], 0, sizeof doc.lines[i]);
		for (size_t j = 0; j < l->n; j++)
			l->spans[j].link = -1;
		if (i == 0 && first) {
			for (size_t j = first->n; j-- > 0;)
				add_span(l, first->spans[j].text, first->spans[j].attr, 1);
		} else if (indent) {
			add_span(l, pad, 0, 1);
		}
	}
	md_doc_free(&doc);
}

/* A note's body w columns wide, each line behind indent spaces or first
 * (as add_md), rendered only when r has it at another width. */
static void add_note_md(struct floor *f, struct note_render *r, const char *src, int w,
			int indent, const struct md_line *first)
{
	struct md_opts o;
	char pad[64];

	if (r->w != w - indent) {
		md_doc_free(&r->doc);
		memset(&o, 0, sizeof o);
		o.width = w - indent;
		o.ascii = display_ascii();
		r->w = 0;
		if (md_render(src ? src : "", src ? strlen(src) : 0, &o, &r->doc) != 0)
			return;
		r->w = w - indent;
		f->nrendered++;
	}
	if (indent > (int)sizeof pad - 1)
		indent = (int)sizeof pad - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	for (size_t i = 0; i < r->doc.nlines; i++) {
		const struct md_line *src_line = &r->doc.lines[i];
		struct md_line *l = new_line(f);

		if (!l)
			break;
		if (i == 0 && first)
			for (size_t j = 0; j < first->n; j++)
				add_span(l, first->spans[j].text, first->spans[j].attr, 0);
		else if (indent)
			add_span(l, pad, 0, 0);
		/* copies, sanitised again (harmless: they were) */
		for (size_t j = 0; j < src_line->n; j++)
			add_span(l, src_line->spans[j].text, src_line->spans[j].attr, 0);
	}
}

static struct block *add_block(struct floor *f, int item, int64_t id)
{
	struct block *b;

	if (f->nblocks == f->bcap) {
		size_t nc = f->bcap ? f->bcap * 2 : 32;
		struct block *nb = realloc(f->blocks, nc * sizeof *nb);

		if (!nb)
			return NULL;
		f->blocks = nb;
		f->bcap = nc;
	}
	b = &f->blocks[f->nblocks++];
	memset(b, 0, sizeof *b);
	b->item = item;
	b->id = id;
	b->first = (int)f->page.nlines;
	return b;
}

static void end_block(struct floor *f, struct block *b)
{
	if (b)
		b->n = (int)f->page.nlines - b->first;
}

void floor_clear_page(struct floor *f)
{
	md_doc_free(&f->page);
	f->lcap = 0;
	f->nblocks = 0;
	f->w = 0;
}

static const char *mark(int on)
{
	return on ? "[x] " : "[ ] ";
}

/* "HH:MM" of a stored time in local time. */
static void hhmm(const char *iso, char *out, size_t n)
{
	char when[32];

	view_time(iso, when, sizeof when);
	snprintf(out, n, "%.5s", strlen(when) > 11 ? when + 11 : when);
}

/* The one who has record what open in the editor: a dim line. */
static void add_editing(struct floor *f, const char *kind, int64_t id, int indent)
{
	char what[48], who[256], pad[64];

	snprintf(what, sizeof what, "%s %lld", kind, (long long)id);
	if (!app_editing(f->app, what, who, sizeof who))
		return;
	if (indent > (int)sizeof pad - 1)
		indent = (int)sizeof pad - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	{
		struct md_line *l = new_line(f);

		add_span(l, pad, 0, 0);
		add_span(l, who, MD_DIM, 0);
	}
}

static void add_heading(struct floor *f, const char *title, int w)
{
	struct buf md;

	buf_init(&md);
	buf_puts(&md, "## ");
	md_put_text(&md, title);
	add_md(f, md.s, w, 0, NULL);
	buf_done(&md);
}

static void lay_header(struct floor *f, int w)
{
	const struct meeting *m = &f->m;
	struct buf md, who;
	char when[32], end[32];
	int others = 0;

	buf_init(&md);
	buf_puts(&md, "# ");
	md_put_text(&md, m->title);
	buf_puts(&md, "\n\n");
	view_time(m->starts, when, sizeof when);
	buf_puts(&md, when);
	if (m->ends && *m->ends) {
		view_time(m->ends, end, sizeof end);
		buf_printf(&md, "-%s", strncmp(end, when, 10) == 0 ? end + 11 : end);
	}
	if (m->location && *m->location) {
		buf_puts(&md, view_sep());
		md_put_text(&md, m->location);
	}
	buf_puts(&md, view_sep());
	md_put_text(&md, m->status);
	if (meeting_is_on(m, copse_now()))
		buf_printf(&md, "%son now", view_sep());
	/* the next line at once: the header is pinned, every row counts */
	buf_puts(&md, "\\\n");
	/* who is here now: the sessions in this meeting, me first */
	buf_init(&who);
	buf_puts(&who, "you");
	for (size_t i = 0; i < f->app->nsessions; i++) {
		const struct presence *p = &f->app->sessions[i];

		if (p->mine || !p->place || strcmp(p->place, f->place) != 0 ||
		    strcmp(p->login, db_login(f->app->db)) == 0)
			continue;
		if (i > 0 && strcmp(f->app->sessions[i - 1].login, p->login) == 0 &&
		    f->app->sessions[i - 1].place &&
		    strcmp(f->app->sessions[i - 1].place, f->place) == 0)
			continue;   /* one login with two sessions here */
		buf_puts(&who, ", ");
		buf_puts(&who, p->login);
		others++;
	}
	buf_puts(&md, "Here now: ");
	md_put_text(&md, who.s);
	buf_putc(&md, '\n');
	buf_done(&who);
	add_md(f, md.s, w, 0, NULL);
	buf_done(&md);
	add_editing(f, "meeting", f->id, 0);
	(void)others;
}

static void lay_agenda(struct floor *f, int w)
{
	const char *ag = f->m.agenda;

	if (str_empty(ag))
		return;
	while (*ag == '\n' || *ag == ' ')
		ag++;
	add_blank(f);
	if (!f->agenda_open) {
		add_heading(f, "Agenda (A shows it)", w);
		return;
	}
	if (*ag != '#') {   /* the agenda has no heading of its own */
		add_heading(f, "Agenda", w);
		add_blank(f);
	}
	add_md(f, ag, w, 0, NULL);
}

/* A row of the attendance or the actions: "[x] " then Markdown, wrapped
 * under itself. */
static void lay_row(struct floor *f, int w, int on, const char *md)
{
	struct md_line first;

	memset(&first, 0, sizeof first);
	add_span(&first, mark(on), 0, 0);
	add_md(f, md, w, first.width, &first);
	for (size_t j = 0; j < first.n; j++)
		free(first.spans[j].text);
	free(first.spans);
}

static void lay_attendance(struct floor *f, int w)
{
	char title[64];
	int here = 0;

	if (!f->nat)
		return;
	for (size_t i = 0; i < f->nat; i++)
		here += strcmp(f->at[i].status, "attended") == 0;
	snprintf(title, sizeof title, "Attendance (%d of %zu present)", here, f->nat);
	add_blank(f);
	add_heading(f, title, w);
	for (size_t i = 0; i < f->nat; i++) {
		const struct attendance *at = &f->at[i];
		struct block *b = add_block(f, IT_ATTENDEE, at->member_id);
		struct buf md;

		if (b)
			b->at = at;
		buf_init(&md);
		md_put_text(&md, at->name);
		buf_puts(&md, view_sep());
		buf_puts(&md, "*");
		md_put_text(&md, at->status);
		buf_puts(&md, "*");
		lay_row(f, w, strcmp(at->status, "attended") == 0, md.s);
		buf_done(&md);
		end_block(f, b);
	}
}

/* One action: "[ ] title · Owner, due DATE". */
static void lay_action(struct floor *f, int w, const struct action *act)
{
	struct block *b = add_block(f, IT_ACTION, act->id);
	struct buf md;

	if (b)
		b->act = act;
	buf_init(&md);
	md_put_text(&md, act->title);
	buf_puts(&md, view_sep());
	buf_puts(&md, "*");
	md_put_text(&md, act->owner_id ? act->owner_name : "no owner");
	if (act->due && *act->due) {
		buf_puts(&md, ", due ");
		md_put_text(&md, act->due);
	}
	if (act->done)
		buf_puts(&md, ", done");
	buf_puts(&md, "*");
	lay_row(f, w, act->done != NULL, md.s);
	buf_done(&md);
	end_block(f, b);
	add_editing(f, "action", act->id, 4);
}

static void lay_actions(struct floor *f, int w)
{
	size_t loose = 0;

	if (f->ncarried) {
		add_blank(f);
		add_heading(f, "Carried over", w);
		for (size_t i = 0; i < f->ncarried; i++)
			lay_action(f, w, &f->carried[i]);
	}
	for (size_t i = 0; i < f->nacts; i++)
		loose += f->acts[i].note_id == 0;
	if (!loose)
		return;
	add_blank(f);
	add_heading(f, "Actions", w);
	for (size_t i = 0; i < f->nacts; i++)
		if (f->acts[i].note_id == 0)
			lay_action(f, w, &f->acts[i]);
}

static const char *kind_label(const struct floor *f, const struct note *n)
{
	if (action_of_note(f->acts, f->nacts, n->id))
		return "action";
	return n->kind;
}

/* text padded with spaces to cols columns (text sanitised first). */
static char *padded(const char *text, int cols)
{
	char *s = san(text), *out;

	if (!s)
		return NULL;
	out = text_clip(s, cols, 1, display_ascii());
	free(s);
	return out;
}

/* The lines sent and not stored yet (another process holds the write
 * lock), dimmed, in their order, under the minutes: "sending… text". */
static void lay_pending(struct floor *f, int w)
{
	const char *tag = display_ascii() ? "sending... " : "sending… ";

	for (size_t i = 0; i < f->npending; i++) {
		struct md_line *l = new_line(f);
		char *s, *clip;

		if (!l)
			return;
		add_span(l, "      ", 0, 0);
		add_span(l, tag, MD_DIM | MD_ITALIC, 0);
		s = san(f->pending[i]);
		clip = s ? text_clip(s, w - l->width > 1 ? w - l->width : 1, 0,
				     display_ascii()) : NULL;
		add_span(l, clip ? clip : "", MD_DIM, 0);
		free(clip);
		free(s);
	}
}

static void lay_minutes(struct floor *f, int w)
{
	int aw = 8, kw = 4, pw, mw;
	char day[11] = "";

	add_blank(f);
	add_heading(f, "Minutes", w);
	if (!f->nnotes && !f->npending) {
		add_md(f, f->input_open ? "*No lines yet: type one below and press Enter.*"
		       : "*No lines yet: press a to type one.*", w, 0, NULL);
		return;
	}
	/* columns: time, author (8 to 10 columns: most logins fit, and the
	 * text starts in the same column for most groups), kind */
	for (size_t i = 0; i < f->nnotes; i++) {
		char *s = san(f->notes[i].author);
		int tw = s ? text_width(s, strlen(s)) : 0;

		if (tw > aw)
			aw = tw;
		free(s);
		tw = (int)strlen(kind_label(f, &f->notes[i]));
		if (tw > kw)
			kw = tw;
	}
	if (aw > 10)
		aw = 10;
	/* while lines are marked for harvest, a column shows which */
	mw = f->nmarked ? 2 : 0;
	pw = mw + 5 + 1 + aw + 1 + kw + 1;
	time_local(f->m.starts, "%Y-%m-%d", day, sizeof day);
	for (size_t i = 0; i < f->nnotes; i++) {
		const struct note *n = &f->notes[i];
		const struct action *act = action_of_note(f->acts, f->nacts, n->id);
		struct block *b = add_block(f, IT_NOTE, n->id);
		struct md_line first;
		char t[16], nday[11];
		char *au = padded(n->author, aw), *kd = padded(kind_label(f, n), kw);

		if (b) {
			b->note = n;
			b->act = act;
		}
		/* the time, or the date when written on another day */
		time_local(n->created, "%Y-%m-%d", nday, sizeof nday);
		if (strcmp(nday, day) == 0)
			hhmm(n->created, t, sizeof t);
		else
			snprintf(t, sizeof t, "%.5s", nday + 5);
		memset(&first, 0, sizeof first);
		if (mw)
			add_span(&first, is_marked(f, n->id) ? (display_ascii() ? "* " : "✓ ") : "  ",
				 MD_BOLD, 0);
		add_span(&first, t, MD_DIM, 0);
		add_span(&first, " ", 0, 0);
		add_span(&first, au ? au : "", MD_BOLD, 0);
		add_span(&first, " ", 0, 0);
		add_span(&first, kd ? kd : "", strcmp(n->kind, "note") ? MD_ITALIC : MD_DIM, 0);
		add_span(&first, " ", 0, 0);
		if (act)
			add_span(&first, mark(act->done != NULL), 0, 0);
		if (w - pw >= BODY_MIN) {
			add_note_md(f, &f->renders[i], n->body, w, first.width, &first);
		} else {
			/* narrow: the prefix alone, the text under it */
			struct md_line *l = new_line(f);

			if (l) {
				*l = first;
				memset(&first, 0, sizeof first);
			}
			add_note_md(f, &f->renders[i], n->body, w, 2, NULL);
		}
		for (size_t j = 0; j < first.n; j++)
			free(first.spans[j].text);
		free(first.spans);
		free(au);
		free(kd);
		end_block(f, b);
		add_editing(f, "note", n->id, pw < w / 2 ? pw : 2);
	}
	lay_pending(f, w);
}

static int block_at(const struct floor *f, int item, int64_t id)
{
	for (size_t i = 0; i < f->nblocks; i++)
		if (f->blocks[i].item == item && f->blocks[i].id == id)
			return (int)i;
	return -1;
}

void floor_layout(struct floor *f, int w)
{
	struct block *b;

	floor_clear_page(f);
	f->w = w;
	f->nrendered = 0;
	if (!f->loaded)
		return;
	b = add_block(f, IT_MEETING, f->id);
	lay_header(f, w);
	end_block(f, b);
	lay_agenda(f, w);
	lay_attendance(f, w);
	lay_actions(f, w);
	lay_minutes(f, w);
	app_trace(f->app, "lay out floor %lld: %d of %zu lines rendered", (long long)f->id,
		  f->nrendered, f->nnotes);
	/* the selection stays on its item */
	if (f->sel >= 0 || f->sel_item) {
		int s = block_at(f, f->sel_item, f->sel_id);

		if (s >= 0)
			f->sel = s;
		else if (f->sel >= (int)f->nblocks)
			f->sel = (int)f->nblocks - 1;
	}
}
