/* cli-entry.c - the repertoire commands: entry add, list, show, edit,
 * history, diff, restore, wanted, harvest, used; tag list and rename. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/diff.h"
#include "copse/entry.h"
#include "copse/tag.h"
#include "copse/md.h"
#include "copse/status.h"
#include "copse/text.h"
#include "cli-cmd.h"
#include "cli-print.h"

static int entry_apply(struct cli *c, struct entry *e)
{
	const char *v;
	int rc;

	if ((v = cli_opt(c, "title")))
		cli_set_str(&e->title, v);
	if ((v = cli_opt(c, "kind")))
		cli_set_str(&e->kind, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&e->status, v);
	if ((v = cli_opt(c, "tags")) && (rc = cli_set_tags(&e->tags, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "file")) && (rc = cli_read_field(&e->body, v)) != 0)
		return rc;
	return 0;
}

static int get_entry(struct cli *c, const char *arg, struct entry *e)
{
	int64_t id;
	int rc, status;

	entry_init(e);
	if ((rc = cli_parse_id(arg, "entry", &id)) != 0)
		return rc;
	if ((status = entry_get(c->db, id, e)) != COPSE_OK)
		return cli_fail(c, status);
	return 0;
}

int cmd_entry_add(struct cli *c)
{
	struct entry e;
	int rc;

	entry_init(&e);
	cli_set_str(&e.title, c->pos[0]);
	if ((rc = entry_apply(c, &e)) == 0) {
		int status = entry_add(c->db, &e);
		rc = print_id(c, status, e.id);
	}
	entry_done(&e);
	return rc;
}

static void snap_entry(struct json *j, const void *e)
{
	json_begin_object(j);
	print_json_entry(j, e, 1);
	json_end_object(j);
}

int cmd_entry_edit(struct cli *c)
{
	struct cli_edit ed;
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) == 0) {
		cli_edit_start(&ed, "entry", e.id, print_snapshot(snap_entry, &e), e.body);
		if ((rc = entry_apply(c, &e)) == 0 &&
		    cli_edit_save(c, &ed, print_snapshot(snap_entry, &e), e.body, "file", &rc))
			rc = cli_check(c, entry_update(c->db, &e));
		cli_edit_done(&ed);
	}
	entry_done(&e);
	return rc;
}

/* --sort's word as enum entry_sort; -1 (message printed) when unknown. */
static int parse_sort(const char *v)
{
	static const char *const sorts[] = { ENTRY_SORTS };

	for (size_t i = 0; v && i < ARRAY_SIZE(sorts); i++)
		if (strcmp(v, sorts[i]) == 0)
			return (int)i;
	if (!v)
		return ENTRY_SORT_TITLE;
	return -1;
}

int cmd_entry_list(struct cli *c)
{
	struct entry_filter f = { .tag = cli_opt(c, "tag"), .kind = cli_opt(c, "kind"),
				  .status = cli_opt(c, "status"), .orphans = cli_flag(c, "orphans"),
				  .no_body = 1 };
	struct entry *v;
	size_t n;
	int status;

	if ((f.sort = parse_sort(cli_opt(c, "sort"))) < 0)
		return cli_usage("entry list: --sort '%s': must be title, updated or used",
				 cli_opt(c, "sort"));
	if ((status = entry_list(c->db, &f, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_entry(&j, &v[i], 0);
			json_end_object(&j);
		}
		json_end_array(&j);
		entry_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 7, ">ID", "STATUS", "KIND", "UPDATED", ">USED", "TITLE",
			 "TAGS");
	t.empty = "no entries";
	t.maxw[5] = 40;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_safe(c, v[i].status), print_safe(c, v[i].kind),
				print_time(c, v[i].updated, "%Y-%m-%d"),
				print_fmt(c, "%d", v[i].uses),
				print_safe(c, v[i].title), print_joined(c, &v[i].tags));
	print_table_out(c, &t, 1);
	entry_list_free(v, n);
	return 0;
}

/* What the reader shows around an entry's text: where it was harvested
 * from, who used it, who links to it.  Loaded once for show. */
struct entry_around {
	struct entry_provenance prov;
	struct entry_use *uses;
	size_t nuses;
	struct entry *back;
	size_t nback;
};

static int around_load(struct cli *c, const struct entry *e, struct entry_around *x)
{
	int status;

	memset(x, 0, sizeof *x);
	entry_provenance_init(&x->prov);
	if ((status = entry_provenance(c->db, e->id, &x->prov)) == COPSE_OK &&
	    (status = entry_use_list(c->db, e->id, &x->uses, &x->nuses)) == COPSE_OK)
		status = entry_backlinks(c->db, e->title, &x->back, &x->nback);
	return status;
}

static void around_done(struct entry_around *x)
{
	entry_provenance_done(&x->prov);
	entry_use_list_free(x->uses, x->nuses);
	entry_list_free(x->back, x->nback);
}

static void around_json(struct json *j, const struct entry_around *x)
{
	json_key(j, "harvested_from");
	if (!x->prov.meeting_id && !x->prov.nnotes) {
		json_null(j);
	} else {
		json_begin_object(j);
		json_kv_id(j, "meeting_id", x->prov.meeting_id);
		json_kv_str(j, "meeting", x->prov.meeting_title);
		json_kv_str(j, "meeting_starts", x->prov.meeting_starts);
		json_key(j, "notes");
		json_begin_array(j);
		for (size_t i = 0; i < x->prov.nnotes; i++)
			if (x->prov.notes[i])
				json_int(j, x->prov.notes[i]);
			else
				json_null(j);
		json_end_array(j);
		json_kv_strv(j, "authors", &x->prov.authors);
		json_end_object(j);
	}
	json_key(j, "used");
	json_begin_array(j);
	for (size_t i = 0; i < x->nuses; i++) {
		json_begin_object(j);
		json_kv_str(j, "login", x->uses[i].login);
		json_kv_str(j, "outcome", x->uses[i].outcome);
		json_kv_str(j, "at", x->uses[i].at);
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "backlinks");
	json_begin_array(j);
	for (size_t i = 0; i < x->nback; i++) {
		json_begin_object(j);
		json_kv_int(j, "id", x->back[i].id);
		json_kv_str(j, "title", x->back[i].title);
		json_end_object(j);
	}
	json_end_array(j);
}

/* "alice (2), bob": who used it, most reports first. */
static const char *users_line(struct cli *c, const struct entry_use *u, size_t n)
{
	struct buf b;
	char *done = calloc(n ? n : 1, 1);

	if (!done)
		cli_nomem();
	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++) {
		int k = 0;

		if (done[i])
			continue;
		for (size_t m = i; m < n; m++)
			if (strcmp(u[m].login, u[i].login) == 0) {
				done[m] = 1;
				k++;
			}
		buf_printf(&b, "%s%s", b.len ? ", " : "", u[i].login);
		if (k > 1)
			buf_printf(&b, " (%d)", k);
	}
	free(done);
	return print_safe(c, cli_keep(c, buf_steal(&b)));
}

static void around_text(struct cli *c, const struct entry_around *x)
{
	int said = 0;

	if (x->prov.meeting_id || x->prov.nnotes) {
		printf("\nHarvested from %s", x->prov.meeting_id
		       ? print_fmt(c, "meeting %lld '%s' (%s)", (long long)x->prov.meeting_id,
				   print_safe(c, x->prov.meeting_title),
				   print_time(c, x->prov.meeting_starts, "%Y-%m-%d"))
		       : "a meeting since deleted");
		if (x->prov.nnotes)
			printf(", %zu note%s by %s", x->prov.nnotes, x->prov.nnotes == 1 ? "" : "s",
			       print_joined(c, &x->prov.authors));
		printf("\n");
		said = 1;
	}
	if (x->nuses) {
		printf("%sUsed %zu time%s by %s\n", said ? "" : "\n", x->nuses,
		       x->nuses == 1 ? "" : "s", users_line(c, x->uses, x->nuses));
		for (size_t i = 0; i < x->nuses; i++)
			if (*x->uses[i].outcome)
				printf("  %s %s: %s\n", print_time(c, x->uses[i].at, "%Y-%m-%d"),
				       print_safe(c, x->uses[i].login),
				       print_safe(c, x->uses[i].outcome));
		said = 1;
	}
	if (x->nback) {
		printf("%sLinked from:", said ? "" : "\n");
		for (size_t i = 0; i < x->nback; i++)
			printf("%s %s (%lld)", i ? "," : "", print_safe(c, x->back[i].title),
			       (long long)x->back[i].id);
		printf("\n");
	}
}

int cmd_entry_show(struct cli *c)
{
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) != 0)
		return rc;
	if (cli_flag(c, "raw") && !c->tty) {
		fwrite(e.body ? e.body : "", 1, e.body ? strlen(e.body) : 0, stdout);
	} else if (cli_flag(c, "raw")) {
		/* The stored bytes, exactly, go to pipes and files; a terminal
		 * gets them with control characters made visible, so nothing
		 * from the database is ever sent to it as an escape sequence. */
		char *safe = text_sanitize(e.body, e.body ? strlen(e.body) : 0,
					   TEXT_KEEP_NEWLINE);
		if (!safe)
			cli_nomem();
		fputs(safe, stdout);
		free(safe);
	} else if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;
		struct entry_around x;
		int status = around_load(c, &e, &x);

		if (status != COPSE_OK) {
			around_done(&x);
			entry_done(&e);
			return cli_fail(c, status);
		}
		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_entry(&j, &e, 1);
		around_json(&j, &x);
		json_end_object(&j);
		around_done(&x);
		rc = print_json_end(&j, &b);
	} else {
		int ansi = c->tty && !getenv("NO_COLOR");
		struct md_opts mo = { print_width(), c->ascii };
		struct md_doc doc = { 0 };
		struct strv titles, existing;
		struct buf b;
		const char *tags = print_joined(c, &e.tags);
		struct entry_around x;
		int rendered, status = around_load(c, &e, &x);

		if (status != COPSE_OK) {
			around_done(&x);
			entry_done(&e);
			return cli_fail(c, status);
		}
		buf_init(&b);
		strv_init(&titles);
		strv_init(&existing);
		/* a body that starts with its own "# Title" shows it once, as
		 * in the reader */
		const char *body = md_skip_title(e.body, e.title);

		rendered = md_render(body, strlen(body), &mo, &doc) == 0 && md_doc_wiki_titles(&doc, &titles) == 0;
		if (rendered) {
			/* a failed look-up shows the links as missing */
			entry_titles_exist(c->db, &titles, &existing);
			md_doc_mark_missing(&doc, &existing);
		}
		strv_done(&titles);
		strv_done(&existing);
		if (!rendered || md_doc_text(&doc, ansi ? MD_ANSI : MD_PLAIN, &b) != 0) {
			around_done(&x);
			md_doc_free(&doc);
			buf_done(&b);
			entry_done(&e);
			return cli_fail_msg(COPSE_NOMEM, "out of memory rendering entry %lld",
					    (long long)e.id);
		}
		md_doc_free(&doc);
		printf(ansi ? "\033[1m%s\033[0m\n" : "%s\n", print_safe(c, e.title));
		printf("%s%s%s%s · %s · %s · version %d%s%s\n\n", ansi ? "\033[2m" : "",
		       strcmp(e.status, "published") ? print_fmt(c, "%s · ", print_safe(c, e.status))
		       : "", print_safe(c, e.kind), *tags ? print_fmt(c, " · %s", tags) : "",
		       print_safe(c, e.author), print_time(c, e.updated, "%Y-%m-%d"), e.version,
		       e.uses ? print_fmt(c, " · used %d time%s", e.uses, e.uses == 1 ? "" : "s")
		       : "", ansi ? "\033[0m" : "");
		print_buf(&b);
		buf_done(&b);
		around_text(c, &x);
		around_done(&x);
	}
	entry_done(&e);
	return rc;
}

int cmd_entry_history(struct cli *c)
{
	struct revision *v;
	size_t n;
	int64_t id;
	int rc, status;

	/* entry_history of an unknown id is an empty list: say so instead. */
	{
		struct entry e;

		rc = get_entry(c, c->pos[0], &e);
		id = e.id;
		entry_done(&e);
		if (rc)
			return rc;
	}
	if ((status = entry_history(c->db, id, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			struct strv tags;

			strv_init(&tags);
			strv_split(&tags, v[i].tags, ',');
			json_begin_object(&j);
			json_kv_int(&j, "entry_id", v[i].entry_id);
			json_kv_int(&j, "version", v[i].version);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "kind", v[i].kind);
			json_kv_strv(&j, "tags", &tags);
			json_kv_str(&j, "author", v[i].author);
			json_kv_str(&j, "at", v[i].at);
			json_kv_str(&j, "body", v[i].body);
			json_end_object(&j);
			strv_done(&tags);
		}
		json_end_array(&j);
		revision_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">VERSION", "WHEN", "AUTHOR", ">BYTES", "TITLE");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%d", v[i].version),
				print_time(c, v[i].at, PRINT_WHEN), print_safe(c, v[i].author),
				print_fmt(c, "%zu", strlen(v[i].body ? v[i].body : "")),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	revision_list_free(v, n);
	return 0;
}

/* A revision number argument; 0 with a usage message when it is none. */
static int parse_rev(const char *s, int *rev)
{
	int64_t v;

	if (str_to_id(s, &v) != 0 || v > 1000000000) {
		cli_usage("revision '%s': not a revision number", s);
		return 0;
	}
	*rev = (int)v;
	return 1;
}

/* The text diff compares: the fields a revision keeps, then the body. */
static char *rev_text(struct cli *c, const char *title, const char *kind, const char *tags,
		      const char *body)
{
	struct buf b;

	buf_init(&b);
	if (buf_printf(&b, "Title: %s\nKind: %s\nTags: %s\n\n%s", title, kind, tags, body) != 0)
		cli_nomem();
	return cli_keep(c, buf_steal(&b));
}

int cmd_entry_diff(struct cli *c)
{
	struct entry e;
	struct revision ra, rb;
	struct buf out;
	int a = 0, b = 0, rc, status;
	const char *ta, *tb;

	if ((c->npos > 1 && !parse_rev(c->pos[1], &a)) || (c->npos > 2 && !parse_rev(c->pos[2], &b)))
		return 2;
	if ((rc = get_entry(c, c->pos[0], &e)) != 0)
		return rc;
	/* no REV: the one before the current; one REV: it against now */
	if (c->npos == 1)
		a = e.version > 1 ? e.version - 1 : 1;
	if (c->npos < 3)
		b = e.version;
	revision_init(&ra);
	revision_init(&rb);
	if ((status = entry_revision(c->db, e.id, a, &ra)) != COPSE_OK ||
	    (status = entry_revision(c->db, e.id, b, &rb)) != COPSE_OK) {
		entry_done(&e);
		revision_done(&ra);
		return cli_fail(c, status);
	}
	ta = rev_text(c, ra.title, ra.kind, ra.tags, ra.body);
	tb = rev_text(c, rb.title, rb.kind, rb.tags, rb.body);
	buf_init(&out);
	if (diff_unified(ta, tb, print_fmt(c, "entry %lld revision %d", (long long)e.id, a),
			 print_fmt(c, "entry %lld revision %d", (long long)e.id, b), 3, &out) < 0)
		cli_nomem();
	if (out.len)
		fputs(print_safe_lines(c, out.s), stdout);
	else
		printf("revisions %d and %d are the same\n", a, b);
	buf_done(&out);
	revision_done(&ra);
	revision_done(&rb);
	entry_done(&e);
	return 0;
}

int cmd_entry_restore(struct cli *c)
{
	int64_t id;
	int rev, now, status;

	if (!parse_rev(c->pos[1], &rev))
		return 2;
	cli_parse_id(c->pos[0], "entry", &id);
	if ((status = entry_restore(c->db, id, rev, &now)) != COPSE_OK)
		return cli_fail(c, status);
	printf("%d\n", now);
	return 0;
}

int cmd_entry_wanted(struct cli *c)
{
	struct entry_wanted *v;
	size_t n;
	int status = entry_wanted(c->db, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_str(&j, "title", v[i].title);
			json_key(&j, "linked_from");
			json_begin_array(&j);
			for (size_t k = 0; k < v[i].from.n; k++) {
				json_begin_object(&j);
				json_kv_int(&j, "id", v[i].from_ids[k]);
				json_kv_str(&j, "title", v[i].from.v[k]);
				json_end_object(&j);
			}
			json_end_array(&j);
			json_end_object(&j);
		}
		json_end_array(&j);
		entry_wanted_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 2, "WANTED", "LINKED FROM");
	t.empty = "no wanted entries";
	t.maxw[0] = 40;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_safe(c, v[i].title), print_joined(c, &v[i].from));
	print_table_out(c, &t, 1);
	entry_wanted_list_free(v, n);
	return 0;
}

int cmd_entry_harvest(struct cli *c)
{
	int64_t meeting, *notes = NULL, id = 0;
	size_t n = c->npos > 1 ? (size_t)c->npos - 1 : 0;
	int status;

	cli_parse_id(c->pos[0], "meeting", &meeting);
	if (n && !(notes = cli_keep(c, calloc(n, sizeof *notes))))
		cli_nomem();
	for (size_t i = 0; i < n; i++)
		cli_parse_id(c->pos[i + 1], "note", &notes[i]);
	status = entry_harvest(c->db, meeting, notes, n, cli_opt(c, "title"), &id);
	return print_id(c, status, id);
}

int cmd_entry_used(struct cli *c)
{
	int64_t id;

	cli_parse_id(c->pos[0], "entry", &id);
	return cli_check(c, entry_use_add(c->db, id, cli_opt(c, "outcome"), NULL));
}

int cmd_tag_list(struct cli *c)
{
	struct tag_count *v;
	size_t n;
	int status = tag_list(c->db, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_str(&j, "tag", v[i].tag);
			json_kv_int(&j, "entries", v[i].entries);
			json_kv_int(&j, "expertise", v[i].expertise);
			json_kv_int(&j, "interest", v[i].interest);
			json_end_object(&j);
		}
		json_end_array(&j);
		tag_count_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 4, ">ENTRIES", ">EXPERTISE", ">INTEREST", "TAG");
	t.empty = "no tags";
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%d", v[i].entries),
				print_fmt(c, "%d", v[i].expertise), print_fmt(c, "%d", v[i].interest),
				print_safe(c, v[i].tag));
	print_table_out(c, &t, 1);
	tag_count_list_free(v, n);
	return 0;
}

int cmd_tag_rename(struct cli *c)
{
	int ne = 0, nm = 0, status = tag_rename(c->db, c->pos[0], c->pos[1], &ne, &nm);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	printf("%d entr%s, %d member%s\n", ne, ne == 1 ? "y" : "ies", nm, nm == 1 ? "" : "s");
	return 0;
}
