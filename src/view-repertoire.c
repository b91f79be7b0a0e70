/* view-repertoire.c - the Repertoire panel and the entry reader. */
#include <stdlib.h>
#include <string.h>

#include "copse/diff.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/tag.h"
#include "copse/template.h"
#include "copse/view.h"

/* ---- the record, for the editor ---- */

static void r_init(void *r) { entry_init(r); }
static void r_done(void *r) { entry_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { entry_done(r); entry_init(r); return entry_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_entry(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_entry(t, r, e, n); }
static int r_add(struct db *db, void *r) { return entry_add(db, r); }
static int r_update(struct db *db, void *r) { return entry_update(db, r); }
static int64_t r_id(const void *r) { return ((const struct entry *)r)->id; }
static int r_version(const void *r) { return ((const struct entry *)r)->version; }
static void r_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct entry *)r)->title;
	*created = ((const struct entry *)r)->created;
}

static const char *r_body(const void *r) { return ((const struct entry *)r)->body; }

static const struct rec_ops entry_rec = {
	sizeof(struct entry), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, r_about, "entry history", r_body,
};

/* ---- the reader ---- */

/* "Harvested from MEETING (date), 2 notes by zoe, sam". */
static void provenance_md(struct app *a, int64_t id, struct buf *md)
{
	struct entry_provenance p;
	char when[32];

	entry_provenance_init(&p);
	if (entry_provenance(a->db, id, &p) == COPSE_OK && (p.meeting_id || p.nnotes)) {
		buf_puts(md, "Harvested from ");
		if (p.meeting_id) {
			view_time(p.meeting_starts, when, sizeof when);
			md_put_link(md, p.meeting_title, "meeting", p.meeting_id);
			buf_printf(md, " (%.10s)", when);
		} else {
			buf_puts(md, "a meeting since deleted");
		}
		if (p.nnotes) {
			buf_printf(md, ", %zu note%s by ", p.nnotes, p.nnotes == 1 ? "" : "s");
			for (size_t i = 0; i < p.authors.n; i++) {
				buf_puts(md, i ? ", " : "");
				md_put_text(md, p.authors.v[i]);
			}
		}
		buf_puts(md, "\n\n");
	}
	entry_provenance_done(&p);
}

/* "## Used" with how often, by whom and the outcomes. */
static void uses_md(struct app *a, int64_t id, struct buf *md)
{
	struct entry_use *u = NULL;
	size_t n = 0;

	if (entry_use_list(a->db, id, &u, &n) == COPSE_OK && n) {
		struct strv who;

		strv_init(&who);
		for (size_t i = 0; i < n; i++)
			if (!strv_contains(&who, u[i].login))
				strv_push(&who, u[i].login);
		buf_printf(md, "## Used %zu time%s\n\nBy ", n, n == 1 ? "" : "s");
		for (size_t i = 0; i < who.n; i++) {
			size_t k = 0;

			for (size_t m = 0; m < n; m++)
				k += strcmp(u[m].login, who.v[i]) == 0;
			buf_puts(md, i ? ", " : "");
			md_put_text(md, who.v[i]);
			if (k > 1)
				buf_printf(md, " (%zu)", k);
		}
		buf_puts(md, ".\n\n");
		for (size_t i = 0; i < n; i++) {
			char when[32];

			if (!*u[i].outcome)
				continue;
			view_time(u[i].at, when, sizeof when);
			buf_printf(md, "- %.10s ", when);
			md_put_text(md, u[i].login);
			buf_puts(md, ": ");
			md_put_text(md, u[i].outcome);
			buf_putc(md, '\n');
		}
		buf_puts(md, "\n");
		strv_done(&who);
	}
	entry_use_list_free(u, n);
}

static int entry_doc(struct app *a, int64_t id, struct buf *md)
{
	struct entry e, *back = NULL;
	size_t nb = 0;
	char when[32];
	int st;

	entry_init(&e);
	st = entry_get(a->db, id, &e);
	if (st != COPSE_OK) {
		entry_done(&e);
		return st;
	}
	view_time(e.updated, when, sizeof when);
	buf_puts(md, "# ");
	md_put_text(md, e.title);
	buf_puts(md, "\n\n*");
	md_put_text(md, e.kind);
	if (strcmp(e.status, "published") != 0) {
		buf_puts(md, view_sep());
		md_put_text(md, e.status);
	}
	buf_puts(md, view_sep());
	buf_puts(md, "by ");
	md_put_text(md, e.author);
	buf_puts(md, view_sep());
	buf_printf(md, "%.10s", when);
	buf_puts(md, view_sep());
	buf_printf(md, "%d revision%s", e.version, e.version == 1 ? "" : "s");
	if (e.uses) {
		buf_puts(md, view_sep());
		buf_printf(md, "used %d time%s", e.uses, e.uses == 1 ? "" : "s");
	}
	buf_puts(md, "*\n\n");
	if (e.tags.n) {
		buf_puts(md, "Tags: ");
		for (size_t i = 0; i < e.tags.n; i++) {
			buf_puts(md, i ? ", " : "");
			md_put_text(md, e.tags.v[i]);
		}
		buf_puts(md, "\n\n");
	}
	if (strcmp(e.status, "retired") == 0)
		buf_puts(md, "> Retired: kept for reference, no longer current.\n\n");
	if (e.source_meeting_id || e.source_note_id)
		provenance_md(a, id, md);
	buf_puts(md, md_skip_title(e.body, e.title));
	buf_puts(md, "\n\n");
	uses_md(a, id, md);
	if (entry_backlinks(a->db, e.title, &back, &nb) == COPSE_OK && nb) {
		buf_puts(md, "## Linked from\n\n");
		for (size_t i = 0; i < nb; i++) {
			buf_puts(md, "- ");
			md_put_wiki(md, back[i].title);
			if (strcmp(back[i].status, "published") != 0)
				buf_printf(md, " (%s)", back[i].status);
			buf_putc(md, '\n');
		}
	}
	entry_list_free(back, nb);
	entry_done(&e);
	return COPSE_OK;
}

static void entry_opened(struct app *a, int64_t id)
{
	entry_mark_read(a->db, id);
}

static int entry_add_ui(struct app *a)
{
	char title[256];
	struct entry *e;

	if (!view_ask_title(a, "New entry's title: ", "entry", title, sizeof title))
		return VR_REDRAW;
	e = malloc(sizeof *e);
	if (!e)
		return VR_REDRAW;
	entry_init(e);
	e->title = xstrdup(title);
	e->kind = xstrdup("lesson");
	e->status = xstrdup("published");
	e->body = xstrdup("");
	return view_rec_add(a, &kind_entry, e);
}

static int entry_edit_ui(struct app *a, int64_t id)
{
	return view_rec_edit(a, &kind_entry, id);
}

/* d moves an entry to the trash like every other delete (u undoes);
 * retiring one is an edit of its status. */
static int entry_del_ui(struct app *a, int64_t id)
{
	return view_confirm_trash(a, "entry", id, entry_delete);
}

/* U: "I used this", with what came of it (optional). */
static int entry_used_ui(struct app *a, int64_t id)
{
	char outcome[256] = "";
	int st;

	if (!app_prompt(a, "I used this. What came of it? (Enter to skip) ", outcome,
			sizeof outcome, NULL, NULL)) {
		app_message(a, "nothing reported");
		return VR_REDRAW;
	}
	str_trim(outcome);
	if ((st = entry_use_add(a->db, id, outcome, NULL)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "thank you: your use of entry %lld is counted", (long long)id);
	return VR_RELOAD;
}

static int entry_reader_key(struct app *a, int64_t id, int req)
{
	switch (req) {
	case REQ_HISTORY:
		app_open(a, &kind_history, id);
		return VR_REDRAW;
	case REQ_USED:
		return entry_used_ui(a, id);
	default:
		return VR_UNHANDLED;
	}
}

int view_entry_write(struct app *a, const char *title)
{
	struct entry *e = malloc(sizeof *e);

	if (!e)
		return VR_REDRAW;
	entry_init(e);
	e->title = xstrdup(title);
	e->kind = xstrdup("lesson");
	e->status = xstrdup("published");
	e->body = xstrdup("");
	return view_rec_add(a, &kind_entry, e);
}

/* ---- the history: every revision, each shown against now ---- */

/* A revision's id in a copse:revision/ID link: the entry and the
 * version in one number. */
#define REV_BITS 20
#define REV_KEY(entry, version) (((int64_t)(entry) << REV_BITS) | (int64_t)(version))
#define REV_ENTRY(key) ((key) >> REV_BITS)
#define REV_VERSION(key) ((int)((key) & ((1 << REV_BITS) - 1)))

static int history_doc(struct app *a, int64_t id, struct buf *md)
{
	struct revision *v = NULL;
	size_t n = 0;
	int st = entry_history(a->db, id, &v, &n);

	if (st != COPSE_OK)
		return st;
	buf_puts(md, "# History of ");
	md_put_text(md, n ? v[0].title : "");
	buf_puts(md, "\n\nEach revision opens as a diff against the current text;"
		 " there `r` makes it current again.\n\n");
	for (size_t i = 0; i < n; i++) {
		char when[32], label[32];

		view_time(v[i].at, when, sizeof when);
		snprintf(label, sizeof label, "revision %d", v[i].version);
		buf_puts(md, "- ");
		md_put_link(md, label, "revision", REV_KEY(id, v[i].version));
		buf_printf(md, "%s%s%sby ", view_sep(), when, view_sep());
		md_put_text(md, v[i].author);
		buf_puts(md, view_sep());
		md_put_text(md, v[i].title);
		if (i == 0)
			buf_puts(md, " (current)");
		buf_putc(md, '\n');
	}
	revision_list_free(v, n);
	return COPSE_OK;
}

const struct kind_ops kind_history = {
	.name = "history",
	.scope = KEYS_READER,
	.doc = history_doc,
	.shows = CHANGE_ENTRIES,
	.hints = "Tab revisions  Enter open  Bksp back  ? help",
};

/* The text compared: what a revision keeps, then the body. */
static char *revision_text(const char *title, const char *kind, const char *tags,
			   const char *body)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "Title: %s\nKind: %s\nTags: %s\n\n%s", title, kind, tags, body);
	return buf_steal(&b);
}

/* The longest run of c in s. */
static size_t longest_run(const char *s, char c)
{
	size_t best = 0, run = 0;

	for (; *s; s++) {
		run = *s == c ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

static int revision_doc(struct app *a, int64_t key, struct buf *md)
{
	struct revision r;
	struct entry e;
	struct diff_line *v = NULL;
	char *was = NULL, *now = NULL, *tags = NULL, when[32];
	size_t n = 0, fence;
	int st;

	entry_init(&e);
	if ((st = entry_revision(a->db, REV_ENTRY(key), REV_VERSION(key), &r)) != COPSE_OK)
		return st;
	if ((st = entry_get(a->db, REV_ENTRY(key), &e)) != COPSE_OK) {
		revision_done(&r);
		return st;
	}
	tags = strv_join(&e.tags, ",");
	was = revision_text(r.title, r.kind, r.tags, r.body);
	now = revision_text(e.title, e.kind, tags ? tags : "", e.body);
	view_time(r.at, when, sizeof when);
	buf_printf(md, "# Revision %d of ", r.version);
	md_put_text(md, e.title);
	buf_printf(md, "\n\n*%s%sby ", when, view_sep());
	md_put_text(md, r.author);
	buf_printf(md, "%snow version %d*\n\n", view_sep(), e.version);
	if (r.version == e.version) {
		buf_puts(md, "This is the current text.\n\n");
	} else if (was && now && strcmp(was, now) == 0) {
		buf_printf(md, "The same as the current text (version %d).\n\n", e.version);
	} else {
		buf_printf(md, "Against the current text: `-` lines are only in revision %d,"
			   " `+` lines only in version %d. `r` makes revision %d current"
			   " again.\n\n", r.version, e.version, r.version);
	}
	if (was && now && diff_lines(was, now, &v, &n) == 0) {
		/* a fence longer than any in the text */
		fence = longest_run(was, '`');
		if (longest_run(now, '`') > fence)
			fence = longest_run(now, '`');
		fence = fence < 3 ? 3 : fence + 1;
		for (size_t i = 0; i < fence; i++)
			buf_putc(md, '`');
		buf_puts(md, "diff\n");     /* long lines wrap, marked (md.c) */
		for (size_t i = 0; i < n; i++)
			buf_printf(md, "%c %.*s\n", v[i].op, (int)v[i].len, v[i].s);
		for (size_t i = 0; i < fence; i++)
			buf_putc(md, '`');
		buf_putc(md, '\n');
	}
	free(v);
	free(was);
	free(now);
	free(tags);
	revision_done(&r);
	entry_done(&e);
	return COPSE_OK;
}

static int revision_key(struct app *a, int64_t key, int req)
{
	char q[300];
	int st, version = 0;

	if (req != REQ_RESTORE)
		return VR_UNHANDLED;
	snprintf(q, sizeof q, "Make revision %d the current text again (a new revision)?",
		 REV_VERSION(key));
	if (!app_confirm(a, q))
		return VR_REDRAW;
	if ((st = entry_restore(a->db, REV_ENTRY(key), REV_VERSION(key), &version)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "revision %d restored: now version %d", REV_VERSION(key), version);
	return VR_RELOAD;
}

const struct kind_ops kind_revision = {
	.name = "revision",
	.scope = KEYS_HISTORY,
	.doc = revision_doc,
	.key = revision_key,
	.shows = CHANGE_ENTRIES,
	.hints = "r restore this revision  Bksp back  ? help",
};

/* ---- tags and wanted entries: pages of the Repertoire ---- */

static int tags_doc(struct app *a, int64_t id, struct buf *md)
{
	struct tag_count *t = NULL;
	size_t n = 0;
	int st = tag_list(a->db, &t, &n);

	(void)id;
	if (st != COPSE_OK)
		return st;
	buf_printf(md, "# Tags\n\n%zu tag%s: entries, then members who know about it or"
		   " are interested.\n\n", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		struct entry_filter f = { .tag = t[i].tag, .status = "all", .no_body = 1 };
		struct entry *e = NULL;
		size_t ne = 0;

		buf_puts(md, "## ");
		md_put_text(md, t[i].tag);
		buf_printf(md, "\n\n%d entr%s%s%d expertise%s%d interest\n\n", t[i].entries,
			   t[i].entries == 1 ? "y" : "ies", view_sep(), t[i].expertise, view_sep(),
			   t[i].interest);
		if (t[i].entries && entry_list(a->db, &f, &e, &ne) == COPSE_OK) {
			for (size_t k = 0; k < ne; k++) {
				buf_puts(md, "- ");
				md_put_wiki(md, e[k].title);
				if (strcmp(e[k].status, "published") != 0) {
					buf_puts(md, " (");
					md_put_text(md, e[k].status);
					buf_putc(md, ')');
				}
				buf_putc(md, '\n');
			}
			buf_putc(md, '\n');
		}
		entry_list_free(e, ne);
	}
	tag_count_list_free(t, n);
	return COPSE_OK;
}

const struct kind_ops kind_tags = {
	.name = "tags",
	.scope = KEYS_READER,
	.doc = tags_doc,
	.shows = CHANGE_ENTRIES | CHANGE_MEMBERS,
};

static int wanted_doc(struct app *a, int64_t id, struct buf *md)
{
	static const struct entry_filter orphans = { .orphans = 1, .status = "all", .no_body = 1 };
	struct entry_wanted *w = NULL;
	struct entry *e = NULL;
	size_t n = 0, ne = 0;
	int st = entry_wanted(a->db, &w, &n);

	(void)id;
	if (st != COPSE_OK)
		return st;
	buf_puts(md, "# Wanted entries\n\nTitles that links name and nobody has written"
		 " yet: follow one to write it.\n\n");
	if (!n)
		buf_puts(md, "None: every link leads to an entry.\n\n");
	for (size_t i = 0; i < n; i++) {
		buf_puts(md, "- ");
		md_put_wiki(md, w[i].title);
		buf_puts(md, ", linked from ");
		for (size_t k = 0; k < w[i].from.n; k++) {
			buf_puts(md, k ? ", " : "");
			md_put_wiki(md, w[i].from.v[k]);
		}
		buf_putc(md, '\n');
	}
	entry_wanted_list_free(w, n);
	if ((st = entry_list(a->db, &orphans, &e, &ne)) != COPSE_OK)
		return st;
	buf_puts(md, "\n## Orphans\n\nEntries no link leads to or from.\n\n");
	if (!ne)
		buf_puts(md, "None.\n");
	for (size_t i = 0; i < ne; i++) {
		buf_puts(md, "- ");
		md_put_wiki(md, e[i].title);
		buf_putc(md, '\n');
	}
	entry_list_free(e, ne);
	return COPSE_OK;
}

const struct kind_ops kind_wanted = {
	.name = "wanted",
	.scope = KEYS_READER,
	.doc = wanted_doc,
	.shows = CHANGE_ENTRIES,
};

const struct kind_ops kind_entry = {
	.name = "entry",
	.scope = KEYS_READER,
	.doc = entry_doc,
	.opened = entry_opened,
	.add = entry_add_ui,
	.edit = entry_edit_ui,
	.del = entry_del_ui,
	.del_help = "move the entry to the trash",
	.key = entry_reader_key,
	.rec = &entry_rec,
	/* the entry, its backlinks, the meeting it was harvested from */
	.shows = CHANGE_ENTRIES | CHANGE_MEETINGS,
};

/* ---- panel ---- */

/* The Repertoire's order (o cycles through them). */
static int repertoire_sort = ENTRY_SORT_TITLE;

/* What the Repertoire lists: every entry, retired ones too (findable,
 * marked), in its order, narrowed by the filter (title, kind, "#tag",
 * "@author": the store's work). */
static struct entry_filter repertoire_filter(const char *filter)
{
	struct entry_filter f = { .query = filter, .status = "all", .sort = repertoire_sort };

	return f;
}

/* Each entry marked with its status when it is not published (else its
 * kind); ordered by use, with its count. */
static int repertoire_rows(struct app *a, struct view *v, const char *filter,
			   const struct page_req *r)
{
	struct entry_filter f = repertoire_filter(filter);
	struct entry *e = NULL;
	size_t n = 0;
	int st = entry_page(a->db, &f, r, &e, &n);

	for (size_t i = 0; i < n; i++) {
		struct page_key k;
		char right[48];
		const char *mark = strcmp(e[i].status, "published") ? e[i].status : e[i].kind;

		if (repertoire_sort == ENTRY_SORT_USED)
			snprintf(right, sizeof right, "%s %d×", mark, e[i].uses);
		else
			snprintf(right, sizeof right, "%s", mark);
		page_key_init(&k);
		if (entry_key(&f, &e[i], &k) == 0)
			view_add_keyed(v, e[i].title, right, e[i].id, &k);
		page_key_done(&k);
	}
	entry_list_free(e, n);
	return st;
}

static int repertoire_count(struct app *a, const char *filter, const struct page_key *k,
			    int64_t *n)
{
	struct entry_filter f = repertoire_filter(filter);

	return entry_count(a->db, &f, k, n);
}

static int repertoire_key(struct app *a, int64_t id, struct page_key *k)
{
	struct entry_filter f = repertoire_filter(NULL);
	struct entry e;
	int st = entry_get(a->db, id, &e);

	if (st == COPSE_OK && entry_key(&f, &e, k) != 0)
		st = COPSE_NOMEM;
	entry_done(&e);
	return st;
}

static const struct list_part repertoire_parts[] = {
	{ NULL, &kind_entry, repertoire_rows, repertoire_count, repertoire_key },
};

/* t, W and o: the Repertoire's own keys. */
static int repertoire_panel_key(struct app *a, struct view *v, int req)
{
	static const char *const names[] = { "title", "last change", "most used" };

	switch (req) {
	case REQ_TAGS:
		app_open(a, &kind_tags, 1);
		return VR_REDRAW;
	case REQ_WANTED:
		app_open(a, &kind_wanted, 1);
		return VR_REDRAW;
	case REQ_SORT: {
		/* the entry selected stays selected, wherever it now stands */
		const struct row *r = view_selected(v);

		repertoire_sort = (repertoire_sort + 1) % 3;
		if (r && r->kind)
			app_reselect(a, r->kind, r->id);
		app_message(a, "ordered by %s", names[repertoire_sort]);
		return VR_RELOAD;
	}
	default:
		return VR_UNHANDLED;
	}
}

const struct panel_ops panel_repertoire = {
	.name = "Repertoire",
	.parts = repertoire_parts,
	.nparts = ARRAY_SIZE(repertoire_parts),
	.add_kind = &kind_entry,
	.key = repertoire_panel_key,
	.empty = "No entries yet: press a to write the first lesson.",
	.shows = CHANGE_ENTRIES,
};
