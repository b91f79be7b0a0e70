/* view-floor.c - the meeting floor: the meeting screen where a group
 * types the minutes together, each in their own session.
 *
 * Top to bottom: the title, the time and who is here now; the agenda
 * (A hides it); attendance; open actions carried over from earlier
 * meetings; actions given here outside the minutes; then the minutes as
 * a log in time order (time, author, kind, text), newest at the bottom
 * and kept in view.  Below it, while the meeting is on (meeting_is_on)
 * or once `a` is pressed, the input line: the focus starts there and
 * every key that is not a line-editing key is text (keys.h, scope
 * INPUT), so a stray d or e can never act on the meeting.  Enter stores
 * the line (note_add_line: d: decision, a: @who action, ? question,
 * else a note); a line the store refuses stays, with the reason as its
 * label.  Esc moves the focus to the log, where the keys of scope
 * MEETING act on the selected line; `a` goes back to the input.
 *
 * The input line stays open until its user leaves it, whatever happens
 * to the meeting meanwhile: if the meeting is deleted, the screen says
 * so and the line stays.  Leaving the screen (or the terminal going
 * away) with text typed keeps it as a private draft (draft.h), offered
 * back the next time this meeting is opened.
 *
 * The page is laid out as lines of styled spans (md.h) in blocks: each
 * attendee, action and minutes line is a block the log can select; the
 * agenda and note bodies are Markdown rendered to the width left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copse/activity.h"
#include "copse/display.h"
#include "copse/draft.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/lineedit.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/noteline.h"
#include "copse/template.h"
#include "copse/trash.h"
#include "copse/text.h"
#include "copse/view.h"

#include "view-priv.h"

#define INPUT_MAX 4000           /* bytes a minutes line may have */
#define BODY_MIN 16              /* narrower: a note's text goes under its prefix */

/* ---- notes, for the editor ---- */

static void n_init(void *r) { note_init(r); }
static void n_done(void *r) { note_done(r); }
static int n_get(struct db *db, int64_t id, void *r) { note_done(r); return note_get(db, id, r); }
static int n_format(const void *r, int hints, struct buf *b) { return template_format_note(r, hints, b); }
static int n_parse(const char *t, void *r, char *e, size_t n) { return template_parse_note(t, r, e, n); }
static int n_add(struct db *db, void *r) { return note_add(db, r); }
static int n_update(struct db *db, void *r) { return note_update(db, r); }
static int64_t n_id(const void *r) { return ((const struct note *)r)->id; }
static int n_version(const void *r) { return ((const struct note *)r)->version; }
static void n_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct note *)r)->body;
	*created = ((const struct note *)r)->created;
}

static const struct rec_ops note_rec = {
	sizeof(struct note), n_init, n_done, n_get, n_format,
	n_parse, n_add, n_update, n_id, n_version, n_about, NULL, NULL,
};

/* A minutes line, edited from the floor's log. */
const struct kind_ops kind_note = {
	.name = "note",
	.scope = KEYS_MEETING,
	.rec = &note_rec,
};

/* ---- the floor's state ---- */

enum item { IT_NONE, IT_MEETING, IT_ATTENDEE, IT_ACTION, IT_NOTE };

/* A stretch of the page's lines; the log selects those with an item. */
struct block {
	int item;                         /* enum item */
	int64_t id;                       /* member, action or note id */
	const struct attendance *at;      /* IT_ATTENDEE */
	const struct action *act;         /* IT_ACTION, or a note's action */
	const struct note *note;          /* IT_NOTE */
	int first, n;                     /* its lines */
};

struct floor {
	struct app *app;
	int64_t id;
	char place[32];                   /* "meeting 12" */
	/* what was loaded */
	int loaded;
	struct meeting m;
	char *err;                        /* the meeting is gone: said instead */
	struct attendance *at;
	size_t nat;
	struct action *carried, *acts;
	size_t ncarried, nacts;
	struct note *notes;
	size_t nnotes;
	/* each note's body as rendered, at width w of each (0: not yet):
	 * a line changed, added or restored is read and rendered alone */
	struct note_render {
		struct md_doc doc;
		int w;
	} *renders;
	int nrendered;                    /* bodies rendered by the last layout */
	/* laid out at width w (0: lay out again) */
	int w, agenda_open;
	struct md_doc page;               /* lines only, no links */
	size_t lcap;
	struct block *blocks;
	size_t nblocks, bcap;
	int top, sel;                     /* first line shown; selected block or -1 */
	int sel_item;                     /* the selection, kept across reloads */
	int64_t sel_id;
	int follow;                       /* keep the end in view */
	int reveal;                       /* bring the selection into view */
	/* the input line */
	int input_open, input_focus;
	struct lineedit le;
	char *draft;                      /* its kept draft, or NULL */
	char *input_err;                  /* why the store refused it */
	/* e on an action: the line edits it ("@zoe book the room due
	 * 2025-03-15"); what was typed before waits in stash */
	int64_t edit_action;
	int edit_version;
	int edit_from_log;                /* back to the log when it ends */
	char *stash;
	/* lines marked for harvest (m), by note id, kept across reloads */
	int64_t *marked;
	size_t nmarked, capmarked;
};

static int is_marked(const struct floor *f, int64_t id)
{
	for (size_t i = 0; i < f->nmarked; i++)
		if (f->marked[i] == id)
			return 1;
	return 0;
}

/* ---- building the page ---- */

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

static void clear_page(struct floor *f)
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
	buf_puts(&md, "\n\n");
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

static const struct action *action_of_note(const struct floor *f, int64_t note_id)
{
	for (size_t i = 0; i < f->nacts; i++)
		if (f->acts[i].note_id == note_id)
			return &f->acts[i];
	return NULL;
}

static const char *kind_label(const struct floor *f, const struct note *n)
{
	if (action_of_note(f, n->id))
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

static void lay_minutes(struct floor *f, int w)
{
	int aw = 8, kw = 4, pw, mw;
	char day[11] = "";

	add_blank(f);
	add_heading(f, "Minutes", w);
	if (!f->nnotes) {
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
		const struct action *act = action_of_note(f, n->id);
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
}

static int block_at(const struct floor *f, int item, int64_t id)
{
	for (size_t i = 0; i < f->nblocks; i++)
		if (f->blocks[i].item == item && f->blocks[i].id == id)
			return (int)i;
	return -1;
}

static void layout(struct floor *f, int w)
{
	struct block *b;

	clear_page(f);
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

/* ---- loading ---- */

static void free_notes(struct note *notes, struct note_render *renders, size_t n)
{
	for (size_t i = 0; renders && i < n; i++)
		md_doc_free(&renders[i].doc);
	free(renders);
	note_list_free(notes, n);
}

static void free_data(struct floor *f)
{
	meeting_done(&f->m);
	attendance_list_free(f->at, f->nat);
	action_list_free(f->carried, f->ncarried);
	action_list_free(f->acts, f->nacts);
	free_notes(f->notes, f->renders, f->nnotes);
	f->at = NULL;
	f->carried = f->acts = NULL;
	f->notes = NULL;
	f->renders = NULL;
	f->nat = f->ncarried = f->nacts = f->nnotes = 0;
	free(f->err);
	f->err = NULL;
	clear_page(f);
}

static int cmp_note_id(const void *x, const void *y)
{
	const struct note *a = *(struct note *const *)x, *b = *(struct note *const *)y;

	return (a->id > b->id) - (a->id < b->id);
}

/* The minutes as they are now, applied by id and version: a line new,
 * edited or restored is read (and later rendered) alone, a line gone is
 * dropped, the others stay as read and rendered.  On failure f keeps
 * what it had. */
static int sync_notes(struct app *a, struct floor *f)
{
	struct note_version *ver = NULL;
	struct note *notes, **byid = NULL;
	struct note_render *renders;
	size_t nv = 0, n = 0, added = 0, edited = 0, kept = 0;
	int st;

	if (!f->loaded && !f->nnotes) {
		/* the first time: all at once */
		if ((st = note_list(a->db, f->id, &f->notes, &f->nnotes)) != COPSE_OK)
			return st;
		f->renders = calloc(f->nnotes ? f->nnotes : 1, sizeof *f->renders);
		app_trace(a, "load floor %lld: %zu lines read", (long long)f->id, f->nnotes);
		return f->renders ? COPSE_OK : COPSE_NOMEM;
	}
	if ((st = note_versions(a->db, f->id, &ver, &nv)) != COPSE_OK)
		return st;
	notes = calloc(nv ? nv : 1, sizeof *notes);
	renders = calloc(nv ? nv : 1, sizeof *renders);
	byid = malloc((f->nnotes ? f->nnotes : 1) * sizeof *byid);
	if (!notes || !renders || !byid) {
		free(ver);
		free(notes);
		free(renders);
		free(byid);
		return COPSE_NOMEM;
	}
	for (size_t i = 0; i < f->nnotes; i++)
		byid[i] = &f->notes[i];
	if (f->nnotes)
		qsort(byid, f->nnotes, sizeof *byid, cmp_note_id);
	for (size_t i = 0; i < nv && st == COPSE_OK; i++) {
		struct note key = { .id = ver[i].id }, *kp = &key, **hit;

		hit = f->nnotes ? bsearch(&kp, byid, f->nnotes, sizeof *byid, cmp_note_id) : NULL;
		if (hit && (*hit)->version == ver[i].version) {
			size_t j = (size_t)(*hit - f->notes);

			/* as read and rendered: moved over, not copied */
			notes[n] = f->notes[j];
			renders[n++] = f->renders[j];
			note_init(&f->notes[j]);
			memset(&f->renders[j], 0, sizeof f->renders[j]);
			kept++;
			continue;
		}
		st = note_get(a->db, ver[i].id, &notes[n]);
		if (st == COPSE_NOTFOUND) {     /* gone since: as if not listed */
			st = COPSE_OK;
			continue;
		}
		if (st == COPSE_OK) {
			n++;
			if (hit)
				edited++;
			else
				added++;
		}
	}
	free(ver);
	free(byid);
	if (st != COPSE_OK) {
		free_notes(notes, renders, n);
		return st;
	}
	app_trace(a, "load floor %lld: %zu new, %zu changed, %zu gone, %zu kept",
		  (long long)f->id, added, edited, f->nnotes - kept - edited, kept);
	free_notes(f->notes, f->renders, f->nnotes);
	f->notes = notes;
	f->renders = renders;
	f->nnotes = n;
	return COPSE_OK;
}

/* The line typed in this meeting and kept when its session ended (or
 * when this session left the screen): its draft, not one that another
 * running session is still typing. */
static void take_draft(struct app *a, struct floor *f)
{
	struct draft *v = NULL;
	size_t n = 0;
	char err[256], context[64];

	snprintf(context, sizeof context, "meeting %lld", (long long)f->id);
	if (draft_list(db_path(a->db), &v, &n, err, sizeof err) != COPSE_OK)
		return;
	for (size_t i = n; i-- > 0;) {   /* newest first */
		const struct draft *d = &v[i];

		if ((d->live && d->pid != (long)getpid()) || !d->kind || strcmp(d->kind, "note") ||
		    !d->context || strcmp(d->context, context) || str_empty(d->text))
			continue;
		/* a line of another meeting that had this id never comes here */
		if (draft_is_for(d, db_path(a->db), "meeting", f->id, f->m.created) == 0)
			continue;
		lineedit_set(&f->le, d->text);
		f->draft = xstrdup(d->id);
		f->input_open = f->input_focus = 1;
		app_message(a, "your unsent line is back: Enter stores it, C-u clears it");
		break;
	}
	draft_list_free(v, n);
}

static int floor_load(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	struct action_filter af;
	struct meeting m;
	struct attendance *at = NULL;
	struct action *carried = NULL, *acts = NULL;
	size_t nat = 0, ncarried = 0, nacts = 0;
	int st, was_end = f->nblocks && f->top >= (int)f->page.nlines - v->body_h;

	f->app = a;
	memset(&m, 0, sizeof m);
	st = meeting_get(a->db, f->id, &m);
	if (st != COPSE_OK) {
		struct buf b;

		meeting_done(&m);
		free_data(f);
		f->loaded = 0;
		buf_init(&b);
		if (st == COPSE_NOTFOUND)
			buf_printf(&b, "Meeting %lld was deleted meanwhile; your line stays.",
				   (long long)f->id);
		else
			buf_puts(&b, db_error(a->db));
		f->err = buf_steal(&b);
		/* an open line stays open whatever happens to the meeting */
		if (f->input_open && (f->input_focus || !lineedit_empty(&f->le)))
			return COPSE_OK;
		return st;
	}
	/* the meeting, who attends and the actions are a few rows, read
	 * again; the minutes are applied line by line (sync_notes) */
	memset(&af, 0, sizeof af);
	af.carried_to = f->id;
	if ((st = attend_list(a->db, f->id, &at, &nat)) != COPSE_OK ||
	    (st = action_list(a->db, &af, &carried, &ncarried)) != COPSE_OK)
		goto fail;
	memset(&af, 0, sizeof af);
	af.meeting_id = f->id;
	if ((st = action_list(a->db, &af, &acts, &nacts)) != COPSE_OK ||
	    (st = sync_notes(a, f)) != COPSE_OK)
		goto fail;
	meeting_done(&f->m);
	attendance_list_free(f->at, f->nat);
	action_list_free(f->carried, f->ncarried);
	action_list_free(f->acts, f->nacts);
	f->m = m;
	f->at = at;
	f->nat = nat;
	f->carried = carried;
	f->ncarried = ncarried;
	f->acts = acts;
	f->nacts = nacts;
	free(f->err);
	f->err = NULL;
	clear_page(f);                  /* laid out again at the next draw */
	f->loaded = 1;
	/* a marked line someone deleted meanwhile is no longer marked */
	for (size_t i = 0; i < f->nmarked;) {
		int there = 0;

		for (size_t k = 0; k < f->nnotes && !there; k++)
			there = f->notes[k].id == f->marked[i];
		if (there)
			i++;
		else
			f->marked[i] = f->marked[--f->nmarked];
	}
	/* someone who may only read gets no line to type into */
	if (meeting_is_on(&f->m, copse_now()) && !a->readonly)
		f->input_open = 1;
	if (!f->place[0]) {
		/* first load: during the meeting the focus is on the line and
		 * the newest minutes in view; otherwise it reads from the top */
		snprintf(f->place, sizeof f->place, "meeting %lld", (long long)f->id);
		f->input_focus = f->input_open;
		f->follow = f->input_open;
		if (!a->readonly)
			take_draft(a, f);
		f->follow |= f->input_open;
	} else if (was_end) {
		f->follow = 1;
	}
	app_set_place(a, f->place);
	return COPSE_OK;
fail:
	meeting_done(&m);
	attendance_list_free(at, nat);
	action_list_free(carried, ncarried);
	action_list_free(acts, nacts);
	free_data(f);
	f->loaded = 0;
	f->err = xstrdup(db_error(a->db));
	return COPSE_OK;
}

/* Others changed what: the floor reads again (the minutes line by line)
 * when it shows that; who is here only lays it out again. */
static void floor_changed(struct view *v, unsigned what)
{
	struct floor *f = v->priv;

	if (what & VIEW_CHANGE_PRESENCE)
		f->w = 0;
	if (what & (CHANGE_MEETINGS | CHANGE_MEMBERS | CHANGE_NOTES | CHANGE_ACTIONS))
		v->stale = 1;
}

/* ---- moving in the log ---- */

static int max_top(const struct view *v)
{
	const struct floor *f = v->priv;
	int m = (int)f->page.nlines - v->body_h;

	return m > 0 ? m : 0;
}

static void clamp(struct view *v)
{
	struct floor *f = v->priv;

	if (f->top > max_top(v))
		f->top = max_top(v);
	if (f->top < 0)
		f->top = 0;
}

static void select_block(struct view *v, int s)
{
	struct floor *f = v->priv;
	const struct block *b;

	if (s < 0 || s >= (int)f->nblocks)
		return;
	f->sel = s;
	b = &f->blocks[s];
	f->sel_item = b->item;
	f->sel_id = b->id;
	if (b->first < f->top)
		f->top = b->first;
	else if (b->first + b->n > f->top + v->body_h)
		f->top = b->first + b->n - v->body_h;
	clamp(v);
	f->follow = f->top >= max_top(v);
}

/* The next selectable block from s in direction dir, or -1. */
static int next_block(const struct floor *f, int s, int dir)
{
	for (int i = s + dir; i >= 0 && i < (int)f->nblocks; i += dir)
		if (f->blocks[i].item != IT_NONE && f->blocks[i].n > 0)
			return i;
	return -1;
}

/* The first (dir 1) or last (dir -1) selectable block shown. */
static int shown_block(const struct view *v, int dir)
{
	const struct floor *f = v->priv;
	int best = -1;

	for (int i = 0; i < (int)f->nblocks; i++) {
		const struct block *b = &f->blocks[i];

		if (b->item == IT_NONE || b->n == 0 || b->first < f->top ||
		    b->first + b->n > f->top + v->body_h)
			continue;
		if (best < 0 || dir < 0)
			best = i;
		if (dir > 0)
			break;
	}
	return best;
}

static int sel_shown(const struct view *v)
{
	const struct floor *f = v->priv;
	const struct block *b;

	if (f->sel < 0 || f->sel >= (int)f->nblocks)
		return 0;
	b = &f->blocks[f->sel];
	return b->first >= f->top && b->first < f->top + v->body_h;
}

static void scroll(struct view *v, int lines)
{
	struct floor *f = v->priv;

	f->top += lines;
	clamp(v);
	f->follow = f->top >= max_top(v);
	if (!f->input_focus && !sel_shown(v)) {
		int s = shown_block(v, lines > 0 ? 1 : -1);

		if (s >= 0) {
			f->sel = s;
			f->sel_item = f->blocks[s].item;
			f->sel_id = f->blocks[s].id;
		}
	}
}

static int move_key(struct view *v, int req)
{
	struct floor *f = v->priv;
	int page = v->body_h > 1 ? v->body_h - 1 : 1;
	int s;

	switch (req) {
	case REQ_MOVE_DOWN:
		s = next_block(f, f->sel, 1);
		if (s >= 0 && f->sel >= 0)
			select_block(v, s);
		else if (f->sel < 0 && (s = shown_block(v, 1)) >= 0)
			select_block(v, s);
		else
			scroll(v, 1);
		return 1;
	case REQ_MOVE_UP:
		s = f->sel >= 0 ? next_block(f, f->sel, -1) : shown_block(v, -1);
		if (s >= 0)
			select_block(v, s);
		else
			scroll(v, -1);
		return 1;
	case REQ_MOVE_FIRST:
		f->top = 0;
		select_block(v, next_block(f, -1, 1));
		f->top = 0;
		return 1;
	case REQ_MOVE_LAST:
		select_block(v, next_block(f, (int)f->nblocks, -1));
		f->top = max_top(v);
		f->follow = 1;
		return 1;
	case REQ_PAGE_DOWN: scroll(v, page); return 1;
	case REQ_PAGE_UP: scroll(v, -page); return 1;
	case REQ_HALF_DOWN: scroll(v, page / 2 ? page / 2 : 1); return 1;
	case REQ_HALF_UP: scroll(v, -(page / 2 ? page / 2 : 1)); return 1;
	default:
		return 0;
	}
}

/* ---- what the keys do ---- */

static const struct block *selected(const struct floor *f)
{
	if (f->sel < 0 || f->sel >= (int)f->nblocks)
		return NULL;
	return &f->blocks[f->sel];
}

/* The focus to the log; reselect: on the newest line (the one just typed
 * or heard) unless the log was scrolled back. */
static void focus_log(struct view *v, int reselect)
{
	struct floor *f = v->priv;

	f->input_focus = 0;
	if (!meeting_is_on(&f->m, copse_now()) && lineedit_empty(&f->le))
		f->input_open = 0;
	f->w = 0;                       /* the input row may come or go */
	if (reselect && (f->sel < 0 || f->follow))
		select_block(v, next_block(f, (int)f->nblocks, -1));
}

static void set_input_err(struct floor *f, const char *msg)
{
	free(f->input_err);
	f->input_err = msg ? xstrdup(msg) : NULL;
}

/* The end of an action's edit on the input line: what was typed before
 * comes back. */
static void end_action_edit(struct floor *f)
{
	f->edit_action = 0;
	lineedit_set(&f->le, f->stash ? f->stash : "");
	free(f->stash);
	f->stash = NULL;
	set_input_err(f, NULL);
}

/* "@zoe book the room due 2025-03-15": an action as the line edits it. */
static char *action_line(const struct action *act)
{
	struct buf b;

	buf_init(&b);
	if (act->owner_handle && *act->owner_handle)
		buf_printf(&b, "@%s ", act->owner_handle);
	buf_puts(&b, act->title);
	if (act->due && *act->due)
		buf_printf(&b, " due %s", act->due);
	return buf_steal(&b);
}

/* e on an action: its owner, title and due date on the input line. */
static int edit_action(struct app *a, struct view *v, int64_t id)
{
	struct floor *f = v->priv;
	struct action act;
	char *line;
	int st;

	action_init(&act);
	if ((st = action_get(a->db, id, &act)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	line = action_line(&act);
	free(f->stash);
	f->stash = xstrdup(lineedit_text(&f->le));
	lineedit_set(&f->le, line ? line : "");
	free(line);
	f->edit_action = id;
	f->edit_version = act.version;
	f->edit_from_log = !f->input_focus;
	set_input_err(f, NULL);
	f->input_open = f->input_focus = 1;
	f->w = 0;
	action_done(&act);
	app_message(a, "Enter saves the action, Esc leaves it as it was");
	return VR_REDRAW;
}

/* Enter while an action is edited: save it (version-checked); its line
 * in the minutes says the same.  Changed by someone else meanwhile: the
 * label shows their version, the line keeps mine, and a second Enter
 * saves mine over theirs. */
static int save_action(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	struct noteline nl;
	struct action act;
	const char *text;
	char err[256], *line;
	int st;

	noteline_init(&nl);
	text = lineedit_text(&f->le);
	line = malloc(strlen(text) + 4);
	/* "@zoe …" as shown, or "a: @zoe …" as an action is added */
	while (*text == ' ')
		text++;
	if (line)
		sprintf(line, "%s%s", strncmp(text, "a:", 2) == 0 ? "" : "a: ", text);
	st = line ? noteline_parse(line, copse_now(), &nl, err, sizeof err) : COPSE_NOMEM;
	free(line);
	if (st != COPSE_OK || strcmp(nl.kind, "action") != 0) {
		set_input_err(f, st == COPSE_OK ? "an action needs its owner: @handle what to do"
			      : err);
		noteline_done(&nl);
		return VR_REDRAW;
	}
	action_init(&act);
	act.id = f->edit_action;
	act.version = f->edit_version;
	act.title = xstrdup(nl.text);
	act.owner_handle = xstrdup(nl.handle);
	act.due = nl.due[0] ? xstrdup(nl.due) : NULL;
	st = action_update(a->db, &act);
	action_done(&act);
	if (st == COPSE_CONFLICT) {
		struct action theirs;
		char *t;

		action_init(&theirs);
		if (action_get(a->db, f->edit_action, &theirs) == COPSE_OK) {
			t = action_line(&theirs);
			app_error(a, "theirs: %s", t ? t : "");
			free(t);
			f->edit_version = theirs.version;
			set_input_err(f, "Enter saves yours over theirs");
		} else {
			set_input_err(f, db_error(a->db));
		}
		action_done(&theirs);
		noteline_done(&nl);
		return VR_RELOAD;
	}
	if (st != COPSE_OK) {
		set_input_err(f, db_error(a->db));
		noteline_done(&nl);
		return VR_REDRAW;
	}
	/* its line in the minutes says the same (action_update) */
	app_message(a, "action %lld saved", (long long)f->edit_action);
	noteline_done(&nl);
	end_action_edit(f);
	if (f->edit_from_log)
		focus_log(v, 0);
	return VR_RELOAD;
}

static int send_line(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	int64_t nid = 0, aid = 0;
	char err[256];
	int st;

	if (f->edit_action)
		return save_action(a, v);
	if (str_empty(lineedit_text(&f->le))) {
		app_message(a, "type a line first (d: decision, a: @who action, ? question)");
		return VR_REDRAW;
	}
	st = note_add_line(a->db, f->id, lineedit_text(&f->le), &nid, &aid);
	if (st != COPSE_OK) {
		/* nothing typed is lost: the line stays, the reason is its label */
		set_input_err(f, db_error(a->db));
		return VR_REDRAW;
	}
	lineedit_clear(&f->le);
	set_input_err(f, NULL);
	if (f->draft) {
		draft_discard(f->draft, err, sizeof err);
		free(f->draft);
		f->draft = NULL;
	}
	if (aid)
		app_message(a, "action %lld added", (long long)aid);
	else
		app_message(a, "line added");
	f->follow = 1;
	return VR_RELOAD;
}

static int input_key(struct app *a, struct view *v, int req, int key)
{
	struct floor *f = v->priv;
	int page = v->body_h > 1 ? v->body_h - 1 : 1;

	switch (req) {
	case REQ_INPUT_SEND:
		return send_line(a, v);
	case REQ_INPUT_LEAVE:
		if (f->edit_action) {
			int back = f->edit_from_log;

			end_action_edit(f);
			app_message(a, "the action is left as it was");
			if (back) {
				focus_log(v, 0);
				return VR_REDRAW;
			}
		}
		focus_log(v, 1);
		return VR_REDRAW;
	case REQ_LOG_PAGE_UP:
		scroll(v, -page);
		return VR_REDRAW;
	case REQ_LOG_PAGE_DOWN:
		scroll(v, page);
		return VR_REDRAW;
	default:
		if (!app_line_key(&f->le, req, key))
			return VR_NONE;
		if (lineedit_empty(&f->le) && !f->edit_action)
			set_input_err(f, NULL);
		return VR_REDRAW;
	}
}

static int toggle(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);
	int st;

	if (b && b->item == IT_ATTENDEE) {
		const char *now = strcmp(b->at->status, "attended") == 0 ? "absent" : "attended";
		char *name = xstrdup(b->at->name);

		st = attend_set(a->db, f->id, b->id, now);
		if (st != COPSE_OK) {
			app_db_error(a, st);
			free(name);
			return VR_REDRAW;
		}
		app_message(a, "%s: %s", name ? name : "member", now);
		free(name);
		return VR_RELOAD;
	}
	if (b && b->act) {
		int64_t id = b->act->id;
		int done = b->act->done == NULL;

		st = action_set_done(a->db, id, done);
		if (st != COPSE_OK) {
			app_db_error(a, st);
			return VR_REDRAW;
		}
		app_message(a, "action %lld %s", (long long)id, done ? "done" : "open again");
		return VR_RELOAD;
	}
	app_message(a, "Space marks an attendee present or absent, an action done or open");
	return VR_REDRAW;
}

static int open_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (b && b->item == IT_ATTENDEE) {
		app_open(a, &kind_member, b->id);
		return VR_REDRAW;
	}
	if (b && b->act) {
		app_open(a, &kind_action, b->act->id);
		return VR_REDRAW;
	}
	app_message(a, "Enter opens the selected member or action");
	return VR_REDRAW;
}

static int edit_selected(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	const struct block *b = selected(f);

	if (f->err) {
		app_error(a, "%s", f->err);
		return VR_REDRAW;
	}
	/* an action, or the minutes line that gave it: on the input line */
	if (b && b->act)
		return edit_action(a, v, b->act->id);
	if (b && b->item == IT_NOTE)
		return view_rec_edit(a, &kind_note, b->id);
	if (b && b->item == IT_ATTENDEE) {
		app_message(a, "Space marks %s present or absent", b->at->name);
		return VR_REDRAW;
	}
	if (b && b->item == IT_MEETING)
		return view_rec_edit(a, &kind_meeting, f->id);
	app_message(a, "select a line with j/k first (the title: the meeting itself);"
		    " a types a line");
	return VR_REDRAW;
}

/* d: a minutes line (with the action it gave) or an action goes to the
 * trash after a y/n naming it; u brings it back. */
static int delete_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (b && b->item == IT_NOTE)
		return view_confirm_trash(a, "note", b->id, note_delete);
	if (b && b->item == IT_ACTION)
		return view_confirm_trash(a, "action", b->id, action_delete);
	app_message(a, b && b->item == IT_ATTENDEE ? "Space marks an attendee present or absent"
		    : "select a line of the minutes to delete it (the meeting: in the Meetings list)");
	return VR_REDRAW;
}

/* m: mark the selected minutes line for harvest, or unmark it. */
static int mark_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (!b || b->item != IT_NOTE) {
		app_message(a, "select a line of the minutes to mark it for harvest");
		return VR_REDRAW;
	}
	for (size_t i = 0; i < f->nmarked; i++)
		if (f->marked[i] == b->id) {
			f->marked[i] = f->marked[--f->nmarked];
			f->w = 0;
			app_message(a, "%zu line%s marked for harvest", f->nmarked,
				    f->nmarked == 1 ? "" : "s");
			return VR_REDRAW;
		}
	if (f->nmarked == f->capmarked) {
		size_t cap = f->capmarked ? f->capmarked * 2 : 8;
		int64_t *v = realloc(f->marked, cap * sizeof *v);

		if (!v)
			return VR_REDRAW;
		f->marked = v;
		f->capmarked = cap;
	}
	f->marked[f->nmarked++] = b->id;
	f->w = 0;
	app_message(a, "%zu line%s marked: M harvests them into a draft entry", f->nmarked,
		    f->nmarked == 1 ? "" : "s");
	return VR_REDRAW;
}

/* M: the marked lines (else the selected one) become a draft entry that
 * remembers them; the reader opens on it. */
static int harvest_marked(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);
	int64_t id = 0, one;
	const int64_t *notes = f->marked;
	size_t n = f->nmarked;
	char title[256] = "";
	int st;

	if (!n && b && b->item == IT_NOTE) {
		one = b->id;
		notes = &one;
		n = 1;
	}
	if (!n) {
		app_message(a, "mark lines with m first, then M harvests them");
		return VR_REDRAW;
	}
	if (!app_prompt(a, "Title of the draft (Enter: the first line's): ", title, sizeof title,
			NULL, NULL)) {
		app_message(a, "nothing harvested");
		return VR_REDRAW;
	}
	if ((st = entry_harvest(a->db, f->id, notes, n, title, &id)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	f->nmarked = 0;
	f->w = 0;
	app_message(a, "draft entry %lld harvested from %zu line%s: e edits it", (long long)id, n,
		    n == 1 ? "" : "s");
	app_open(a, &kind_entry, id);
	return VR_RELOAD;
}

/* R: my answer to my invitation. */
static int rsvp(struct app *a, struct floor *f)
{
	struct member me;
	char q[400];
	const char *answer;
	int st, key;

	member_init(&me);
	st = member_find(a->db, db_login(a->db), &me);
	if (st != COPSE_OK) {
		if (st == COPSE_NOTFOUND)
			app_error(a, "no member has your login (%s) as handle, so there is no"
				  " invitation of yours to answer", db_login(a->db));
		else
			app_db_error(a, st);
		member_done(&me);
		return VR_REDRAW;
	}
	/* present or absent is what happened, not an answer to change: a
	 * stray R, then the a that goes back to typing, must not undo it */
	for (size_t i = 0; i < f->nat; i++) {
		const char *was = f->at[i].status;

		if (f->at[i].member_id != me.id ||
		    (strcmp(was, "attended") != 0 && strcmp(was, "absent") != 0))
			continue;
		app_message(a, "you are marked %s here: Space on your line changes that", was);
		member_done(&me);
		return VR_REDRAW;
	}
	snprintf(q, sizeof q, "Answer '%s': a accept, d decline (other keys: no change) ",
		 f->m.title);
	key = app_ask_key(a, q);
	answer = key == 'a' ? "accepted" : key == 'd' ? "declined" : NULL;
	if (!answer) {
		if (!a->quit)
			app_message(a, "nothing changed");
		member_done(&me);
		return VR_REDRAW;
	}
	st = attend_set(a->db, f->id, me.id, answer);
	if (st == COPSE_OK)
		app_message(a, "you %s", answer);
	else
		app_db_error(a, st);
	member_done(&me);
	return st == COPSE_OK ? VR_RELOAD : VR_REDRAW;
}

/* i: invite members by handle or id, all or none. */
static int invite(struct app *a, struct floor *f)
{
	char line[512] = "";
	struct strv keys;
	int st = COPSE_OK, added = 0;

	if (!app_prompt(a, "Invite (handles, comma-separated): ", line, sizeof line, NULL, NULL) ||
	    str_empty(line)) {
		if (!a->quit)
			app_message(a, "nobody invited");
		return VR_REDRAW;
	}
	strv_init(&keys);
	strv_split(&keys, line, ',');
	if ((st = db_begin(a->db)) == COPSE_OK) {
		for (size_t i = 0; i < keys.n && st == COPSE_OK; i++) {
			struct member m;
			int known = 0;

			member_init(&m);
			st = member_find(a->db, keys.v[i], &m);
			for (size_t j = 0; st == COPSE_OK && j < f->nat; j++)
				known |= f->at[j].member_id == m.id;
			/* someone already on the list keeps their answer */
			if (st == COPSE_OK && !known) {
				st = attend_set(a->db, f->id, m.id, "invited");
				added++;
			}
			member_done(&m);
		}
		if (st == COPSE_OK)
			st = db_commit(a->db);
		else
			db_rollback(a->db);
	}
	strv_done(&keys);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, added ? "%d invited" : "all of them were on the list already", added);
	return VR_RELOAD;
}

/* ---- its ops ---- */

static int floor_key(struct app *a, struct view *v, int req, int key)
{
	struct floor *f = v->priv;

	f->app = a;
	if (f->input_focus)
		return input_key(a, v, req, key);
	if (move_key(v, req))
		return VR_REDRAW;
	switch (req) {
	case REQ_NOTE_LINE:
		f->input_open = f->input_focus = 1;
		f->follow = 1;
		f->w = 0;
		return VR_REDRAW;
	case REQ_LOG_TOGGLE:
		return toggle(a, f);
	case REQ_LOG_OPEN:
		return open_selected(a, f);
	case REQ_LOG_EDIT:
		return edit_selected(a, v);
	case REQ_LOG_DELETE:
		return delete_selected(a, f);
	case REQ_RSVP:
		return f->err ? VR_NONE : rsvp(a, f);
	case REQ_INVITE:
		return f->err ? VR_NONE : invite(a, f);
	case REQ_AGENDA:
		f->agenda_open = !f->agenda_open;
		f->w = 0;
		return VR_REDRAW;
	case REQ_MARK:
		return f->err ? VR_NONE : mark_selected(a, f);
	case REQ_HARVEST:
		return f->err ? VR_NONE : harvest_marked(a, f);
	case REQ_BACK:
		return VR_BACK;
	default:
		return VR_UNHANDLED;
	}
}

static void floor_draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	struct floor *f = v->priv;
	int bh = h - (f->input_open ? 1 : 0), row = 0;

	f->app = a;
	if (bh < 1)
		bh = 1;
	if (f->err) {
		display_untrusted(y, x + 1, w - 2, f->err, display_attr(ST_ERROR));
		row = 2;
	} else {
		v->body_h = bh;
		if (f->w != w - 2)
			layout(f, w - 2);
		if (f->reveal && f->sel >= 0)
			select_block(v, f->sel);
		f->reveal = 0;
		if (f->follow)
			f->top = max_top(v);
		clamp(v);
		view_draw_md(&f->page, f->top, y, x + 1, bh, w - 2, -1);
		if (!f->input_focus && sel_shown(v)) {
			const struct block *b = &f->blocks[f->sel];

			for (int i = 0; i < b->n; i++) {
				int r = b->first + i - f->top;

				if (r >= 0 && r < bh)
					display_chattr(y + r, x, w, display_attr(ST_SELECTED));
			}
		}
	}
	(void)row;
	if (f->input_open) {
		char label[320];

		if (f->input_err && f->edit_action)
			snprintf(label, sizeof label, "action %lld: %s> ", (long long)f->edit_action,
				 f->input_err);
		else if (f->input_err)
			snprintf(label, sizeof label, "%s; fix it or C-u: ", f->input_err);
		else if (f->edit_action)
			snprintf(label, sizeof label, "action %lld> ", (long long)f->edit_action);
		else
			snprintf(label, sizeof label, "%s", "> ");
		app_draw_line(y + h - 1, x, w, label, &f->le,
			      display_attr(f->input_focus ? ST_NORMAL : ST_DIM), f->input_focus);
	}
}

static void floor_close(struct view *v)
{
	struct floor *f = v->priv;
	char err[256], context[64];

	/* a line typed and not sent is kept, and offered back here (an
	 * action's edit is not: the line before it is) */
	if (f->edit_action)
		end_action_edit(f);
	if (f->app && !str_empty(lineedit_text(&f->le))) {
		/* the line belongs to this meeting for good (draft.h) */
		struct draft_meta m = {
			.kind = "note", .context = context, .db_path = db_path(f->app->db),
			.record = "meeting", .record_id = f->id,
			.record_created = f->m.created, .title = f->m.title,
		};

		snprintf(context, sizeof context, "meeting %lld", (long long)f->id);
		if (draft_save_meta(&m, lineedit_text(&f->le), &f->draft, err,
				    sizeof err) == COPSE_OK)
			app_message(f->app, "your unsent line is kept: it is back when you open"
				    " this meeting again");
		else
			app_error(f->app, "your unsent line could not be kept: %s", err);
	} else if (f->draft) {
		draft_discard(f->draft, err, sizeof err);
	}
	if (f->app && f->place[0] && strcmp(f->app->place, f->place) == 0)
		app_set_place(f->app, NULL);
	free_data(f);
	lineedit_done(&f->le);
	free(f->draft);
	free(f->input_err);
	free(f->stash);
	free(f->blocks);
	free(f->marked);
	free(f);
}

static int floor_scope(const struct view *v)
{
	const struct floor *f = v->priv;

	return f->input_focus ? KEYS_INPUT : KEYS_MEETING;
}

static void floor_status(struct app *a, struct view *v, char *hints, size_t n,
			 char *pos, size_t pn)
{
	struct floor *f = v->priv;
	int total = (int)f->page.nlines;

	(void)a;
	if (f->input_focus)
		snprintf(hints, n, "Enter adds  d: decision  a: @who action  ? question"
			 "  Esc log");
	else if (f->nmarked)
		snprintf(hints, n, "%zu marked: M harvests them  m mark or unmark  q back  ? help",
			 f->nmarked);
	else
		snprintf(hints, n, "a type  Space mark  e edit  d delete  R answer  i invite"
			 "  A agenda  q back  ? help");
	if (f->err || total <= v->body_h)
		snprintf(pos, pn, "all");
	else if (f->top == 0)
		snprintf(pos, pn, "top");
	else if (f->top >= max_top(v))
		snprintf(pos, pn, "end");
	else
		snprintf(pos, pn, "%d%%", (f->top * 100) / (total - v->body_h));
}

static const struct view_ops floor_ops = {
	.load = floor_load,
	.draw = floor_draw,
	.key = floor_key,
	.close = floor_close,
	.scope = floor_scope,
	.status = floor_status,
	.changed = floor_changed,
};

void view_floor_show_note(struct view *v, int64_t note_id)
{
	struct floor *f;

	if (v->ops != &floor_ops)
		return;
	f = v->priv;
	f->sel = -1;
	f->sel_item = IT_NOTE;
	f->sel_id = note_id;
	f->input_focus = 0;
	f->follow = 0;
	f->reveal = 1;
	f->w = 0;                         /* lay out again: the selection is found */
}

struct view *view_new_floor(const struct kind_ops *k, int64_t id)
{
	struct view *v = calloc(1, sizeof *v);
	struct floor *f = calloc(1, sizeof *f);

	(void)k;
	if (!v || !f || lineedit_init(&f->le, INPUT_MAX) != 0) {
		free(v);
		free(f);
		return NULL;
	}
	f->id = id;
	f->sel = -1;
	f->agenda_open = 1;
	v->ops = &floor_ops;
	v->priv = f;
	v->stale = 1;
	return v;
}
