/* cli-db.c - the commands on the community's file as a whole: init,
 * search, export, import, backup. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/db.h"
#include "copse/demo.h"
#include "copse/entry.h"
#include "copse/exchange.h"
#include "copse/health.h"
#include "copse/mirror.h"
#include "copse/search.h"
#include "copse/status.h"
#include "cli-cmd.h"
#include "cli-print.h"

int cmd_init(struct cli *c)
{
	const char *name = cli_opt(c, "name"), *group = cli_opt(c, "group");
	char note[512];
	int status;
	char *cname;

	if (name && str_empty(name))
		return cli_usage("init: --name must not be empty");
	if (group && str_empty(group))
		return cli_usage("init: --group must not be empty");
	if (group && (status = db_share_group(c->db, group, note, sizeof note)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "demo")) {
		if (!db_is_empty(c->db))
			return cli_fail_msg(COPSE_INVALID, "%s: the database is not empty; "
					    "--demo needs a new database", db_path(c->db));
		if ((status = demo_populate(c->db)) != COPSE_OK)
			return cli_fail(c, status);
	}
	if (name && (status = db_meta_set(c->db, "name", name)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_opt(c, "window")) {
		const char *w = cli_opt(c, "window");
		char *end;
		long days = strtol(w, &end, 10);

		if (end == w || *end)
			return cli_usage("init: --window '%s': not a number of days", w);
		if ((status = health_set_window(c->db, days < 0 || days > 100000 ? 0 : (int)days))
		    != COPSE_OK)
			return cli_fail(c, status);
	}
	cname = db_community_name(c->db);
	printf("%s: ready (%s)%s%s\n", print_safe(c, db_path(c->db)),
	       print_safe(c, cname ? cname : "copse"), group ? ", shared with group " : "",
	       group ? print_safe(c, group) : "");
	free(cname);
	if (group && note[0])
		cli_fail_msg(COPSE_OK, "note: %s", note);
	return 0;
}

/* ---- search ---- */

/* --kind: kinds separated by commas, into a search_opts mask; 0 or an
 * exit status. */
static int search_kinds(const char *v, unsigned *mask)
{
	struct strv sv;
	int rc = 0;

	*mask = 0;
	strv_init(&sv);
	if (strv_split(&sv, v, ',') != 0)
		cli_nomem();
	for (size_t i = 0; i < sv.n && !rc; i++) {
		int k;

		for (k = 0; k < SEARCH_NKINDS && strcmp(sv.v[i], search_kind_name(k)) != 0; k++)
			;
		if (k == SEARCH_NKINDS)
			rc = cli_usage("search: --kind '%s': must be entry, topic, member or note",
				       sv.v[i]);
		else
			*mask |= 1u << k;
	}
	strv_done(&sv);
	if (!rc && !*mask)
		rc = cli_usage("search: --kind must name a kind");
	return rc;
}

/* The matching words of text as [start, end) character offsets. */
static void json_spans(struct json *j, const char *key, const char *text,
		       const struct search_span *sp, size_t n)
{
	json_key(j, key);
	json_begin_array(j);
	for (size_t i = 0; i < n; i++) {
		size_t a = 0, b;

		for (size_t k = 0; k < sp[i].off; k++)
			a += ((unsigned char)text[k] & 0xc0) != 0x80;
		b = a;
		for (size_t k = sp[i].off; k < sp[i].off + sp[i].len; k++)
			b += ((unsigned char)text[k] & 0xc0) != 0x80;
		json_begin_array(j);
		json_int(j, (int64_t)a);
		json_int(j, (int64_t)b);
		json_end_array(j);
	}
	json_end_array(j);
}

/* The snippet with its matching words in [brackets]. */
static const char *bracketed(struct cli *c, const struct search_hit *h)
{
	struct buf b;
	size_t at = 0;

	buf_init(&b);
	for (size_t i = 0; i < h->nspans; i++) {
		buf_add(&b, h->snippet + at, h->spans[i].off - at);
		buf_putc(&b, '[');
		buf_add(&b, h->snippet + h->spans[i].off, h->spans[i].len);
		buf_putc(&b, ']');
		at = h->spans[i].off + h->spans[i].len;
	}
	buf_puts(&b, h->snippet + at);
	if (!b.s)
		cli_nomem();
	cli_keep(c, b.s);
	return print_safe(c, b.s);
}

int cmd_search(struct cli *c)
{
	const char *q = cli_join_pos(c, 0), *kinds = cli_opt(c, "kind"), *lim = cli_opt(c, "limit");
	struct search_opts o = { .limit = 20 };
	struct search_hit *v;
	size_t n;
	int status, rc;

	if (str_empty(q))
		return cli_usage("search: the query is empty");
	if (kinds && (rc = search_kinds(kinds, &o.kinds)) != 0)
		return rc;
	if (lim) {
		char *end;
		long l = strtol(lim, &end, 10);

		if (end == lim || *end || l < 1 || l > 1000)
			return cli_usage("search: --limit '%s': must be a number from 1 to 1000", lim);
		o.limit = (int)l;
	}
	if ((status = search_run(c->db, q, &o, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_str(&j, "kind", search_kind_name(v[i].kind));
			json_kv_int(&j, "id", v[i].id);
			if (v[i].kind == SEARCH_NOTE) {
				json_kv_int(&j, "meeting_id", v[i].meeting_id);
				json_kv_str(&j, "meeting_starts", v[i].when);
			}
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, v[i].kind == SEARCH_NOTE ? "note_kind" : "status", v[i].status);
			json_kv_bool(&j, "in_title", v[i].head);
			json_spans(&j, "title_matches", v[i].title, v[i].tspans, v[i].ntspans);
			json_kv_str(&j, "snippet", v[i].snippet);
			json_spans(&j, "snippet_matches", v[i].snippet, v[i].spans, v[i].nspans);
			json_key(&j, "rank");
			json_double(&j, v[i].rank);
			json_end_object(&j);
		}
		json_end_array(&j);
		search_hit_list_free(v, n);
		return print_json_end(&j, &b);
	}
	if (n == 0) {
		printf("no matches\n");
		return 0;
	}
	struct print_table t;
	print_table_init(&t, NULL, 4, "KIND", ">ID", "TITLE", "MATCH");
	t.maxw[2] = 40;
	for (size_t i = 0; i < n; i++) {
		const struct search_hit *h = &v[i];
		const char *title = print_safe(c, h->title);

		if (h->kind == SEARCH_NOTE)
			title = print_fmt(c, "%s (meeting %lld)", title, (long long)h->meeting_id);
		else if (h->kind == SEARCH_ENTRY && strcmp(h->status, "published") != 0)
			title = print_fmt(c, "%s (%s)", title, print_safe(c, h->status));
		print_table_row(&t, search_kind_name(h->kind),
				print_fmt(c, "%lld", (long long)h->id), title, bracketed(c, h));
	}
	print_table_out(c, &t, 1);
	search_hit_list_free(v, n);
	return 0;
}

/* ---- export, import, backup ---- */

/* Write b to the open descriptor fd and close it: 0, or an errno. */
static int write_fd(int fd, const struct buf *b)
{
	int e = fd_write_all(fd, b->s ? b->s : "", b->len) == 0 ? 0 : errno;

	if (close(fd) != 0 && !e)
		e = errno;
	return e;
}

/* Write b to path, never through a symlink: a regular file (or a new
 * one) is replaced whole by a new file written beside it, as readable
 * as the database and no more; a device or pipe is written in place.
 * 0, or an errno (ELOOP: path is a symlink). */
static int write_export(const char *path, const char *db, const struct buf *b)
{
	struct stat sb;
	char *tmp;
	int fd, e;

	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode))
			return ELOOP;
		if (!S_ISREG(sb.st_mode)) {
			if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY)) < 0)
				return errno;
			return write_fd(fd, b);
		}
	}
	if ((fd = file_create_beside(path, db, &tmp)) < 0)
		return errno;
	if ((e = write_fd(fd, b)) == 0 && rename(tmp, path) != 0)
		e = errno;
	if (e)
		unlink(tmp);
	free(tmp);
	return e;
}

int cmd_export(struct cli *c)
{
	const char *path = cli_opt(c, "json");
	struct buf b;
	int status, e;

	if (!path)
		return cmd_export_markdown(c);

	buf_init(&b);
	if ((status = exchange_export_json(c->db, &b)) != COPSE_OK) {
		buf_done(&b);
		return cli_fail(c, status);
	}
	if (strcmp(path, "-") == 0) {
		print_buf(&b);
		buf_done(&b);
		return 0;
	}
	e = write_export(path, db_path(c->db), &b);
	buf_done(&b);
	if (e == ELOOP)
		return cli_fail_msg(COPSE_INVALID, "%s: a symbolic link; not writing through it",
				    path);
	if (e)
		return cli_fail_msg(err_from_errno(e), "%s: %s", path, err_text(e));
	return 0;
}

int cmd_import(struct cli *c)
{
	const char *path = cli_opt(c, "json");
	char *text;
	size_t len;
	int rc, status;

	if ((rc = cli_read_input(path, &text, &len)) != 0)
		return rc;
	status = exchange_import_json(c->db, text, len);
	free(text);
	return cli_check(c, status);
}

static volatile sig_atomic_t backup_stop;

static void stop_backup(int sig)
{
	(void)sig;
	backup_stop = 1;
}

/* Ctrl-C, a hang-up or kill ends the copy at the next step, and the
 * partial file goes with it. */
int cmd_backup(struct cli *c)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old[ARRAY_SIZE(sigs)];
	int status;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = stop_backup;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, &old[i]);
	status = db_backup(c->db, c->pos[0], &backup_stop);
	for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &old[i], NULL);
	return cli_check(c, status);
}

int cmd_export_markdown(struct cli *c)
{
	struct mirror_report r;
	char err[1024] = "";
	const char *dir = cli_opt(c, "markdown");
	int status;

	if (!*dir)
		return cli_usage("export: --markdown needs a directory");
	if ((status = mirror_markdown(c->db, dir, &r, err, sizeof err)) != COPSE_OK)
		return cli_fail_msg(status, "%s", err[0] ? err : status_message(status));
	printf("%s: %d written, %d unchanged, %d removed\n", print_safe(c, dir), r.written,
	       r.unchanged, r.removed);
	return 0;
}
