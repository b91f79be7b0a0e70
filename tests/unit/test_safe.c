/* test_safe.c - the one list of unsafe code points and who honours it:
 * the sanitiser, both JSON writers, the screen's check; NUL lines; the
 * string set that keeps many distinct [[links]] linear. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "copse/json.h"
#include "copse/md.h"
#include "copse/text.h"
#include "copse/util.h"

TEST(unsafe_code_points)
{
	static const uint32_t bad[] = { 0x00, 0x1b, 0x7f, 0x80, 0x9b, 0x9f, 0x061c, 0x200e,
					0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029 };
	static const uint32_t good[] = { 0x20, 'a', 0xa0, 0xe9, 0x200d, 0x2070, 0x4e16, 0xfffd,
					 0x1f642 };

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (!text_cp_unsafe(bad[i]))
			FAILF("U+%04X passes", (unsigned)bad[i]);
	for (size_t i = 0; i < ARRAY_SIZE(good); i++)
		if (text_cp_unsafe(good[i]))
			FAILF("U+%04X is refused", (unsigned)good[i]);
}

TEST(sanitiser_shows_every_bidi_control)
{
	/* LRM, RLM, ALM and the separators were let through before */
	static const char s[] = "a\xe2\x80\x8f" "b\xd8\x9c" "c\xe2\x80\xa8" "d\xe2\x80\xae" "e";
	char *t = text_sanitize(s, sizeof s - 1, 0);

	CHECK_STR(t, "a<U+200F>b<U+061C>c<U+2028>d<U+202E>e");
	free(t);
}

TEST(text_is_safe_says_when_to_sanitise)
{
#define SAFE(s) text_is_safe(s, sizeof(s) - 1)
	CHECK(SAFE("plain ASCII"));
	CHECK(SAFE("Zo\xc3\xab \xe5\xb1\xb1\xe7\x94\xb0 \xf0\x9f\x99\x82"));
	CHECK(!SAFE("tab\there"));
	CHECK(!SAFE("esc\x1b[2J"));
	CHECK(!SAFE("csi\xc2\x9b" "2J"));
	CHECK(!SAFE("raw\x9b"));
	CHECK(!SAFE("bidi\xe2\x80\xae"));
	CHECK(!SAFE("nl\n"));
#undef SAFE
}

TEST(json_writer_escapes_what_the_sanitiser_shows)
{
	struct buf b;
	struct json j;

	buf_init(&b);
	json_init(&j, &b, 0);
	json_begin_array(&j);
	json_string(&j, "x\xe2\x80\xaey\xe2\x81\xa6z\xe2\x80\x8f\xc2\x9b\x1b\x7f\xff\xe5\xb1\xb1");
	json_end_array(&j);
	CHECK_INT(json_finish(&j), 0);
	CHECK_STR(b.s, "[\"x\\u202ey\\u2066z\\u200f\\u009b\\u001b\\u007f\\ufffd\xe5\xb1\xb1\"]");
	buf_done(&b);
}

TEST(json_make_safe_rewrites_only_strings)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "prefix kept as is \xff ");
	buf_puts(&b, "{\"a\": \"ok \xe5\xb1\xb1\", \"b\": \"raw \x9b csi \xc2\x9b c1"
		 " \xe2\x80\xae bidi \xed\xa0\x80 surrogate \x7f del\"}");
	CHECK_INT(json_make_safe(&b, 21), 0);
	CHECK_STR(b.s, "prefix kept as is \xff {\"a\": \"ok \xe5\xb1\xb1\", \"b\": \"raw \\ufffd csi"
		  " \\u009b c1 \\u202e bidi \\ufffd\\ufffd\\ufffd surrogate \\u007f del\"}");
	/* nothing to do: the same buffer */
	buf_reset(&b);
	buf_puts(&b, "{\"a\": [1, 2, \"\\u001b\"]}");
	CHECK_INT(json_make_safe(&b, 0), 0);
	CHECK_STR(b.s, "{\"a\": [1, 2, \"\\u001b\"]}");
	buf_done(&b);
}

TEST(nul_lines)
{
	CHECK_INT(str_nul_line("no nul", 6), 0);
	CHECK_INT(str_nul_line("\0", 1), 1);
	CHECK_INT(str_nul_line("a\nb\nc\0d", 7), 3);
	CHECK_INT(str_nul_line("", 0), 0);
}

TEST(string_set)
{
	struct strset s;
	char key[32];

	strset_init(&s, 1);
	CHECK(!strset_has(&s, "x"));
	CHECK_INT(strset_add(&s, "Title"), 1);
	CHECK_INT(strset_add(&s, "title"), 0);
	CHECK(strset_has(&s, "TITLE"));
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "Key %d", i);
		if (strset_add(&s, key) != 1)
			FAILF("%s not added", key);
	}
	CHECK_INT(s.n, 5001);
	CHECK(strset_has(&s, "key 4999"));
	CHECK(!strset_has(&s, "key 5000"));
	strset_done(&s);
	CHECK_INT(s.n, 0);
	strset_init(&s, 0);
	CHECK_INT(strset_add(&s, "A"), 1);
	CHECK_INT(strset_add(&s, "a"), 1);
	strset_done(&s);
}

TEST(many_distinct_links_each_once)
{
	/* 20 000 distinct [[links]], every one twice in two spellings */
	struct buf b;
	struct strv t;
	struct md_doc d;

	buf_init(&b);
	for (int i = 0; i < 20000; i++)
		buf_printf(&b, "[[Title %d]] [[title %d]] ", i, i);
	strv_init(&t);
	CHECK_INT(md_wiki_links(b.s, &t), 0);
	CHECK_INT(t.n, 20000);
	CHECK_STR(t.v[19999], "Title 19999");
	strv_done(&t);
	strv_init(&t);
	CHECK_INT(md_render(b.s, b.len, &(struct md_opts){ 80, 0 }, &d), 0);
	CHECK_INT(md_doc_wiki_titles(&d, &t), 0);
	CHECK_INT(t.n, 40000);     /* as rendered: exact strings */
	strv_done(&t);
	/* half of them exist */
	strv_init(&t);
	for (int i = 0; i < 20000; i++) {
		char k[32];
		snprintf(k, sizeof k, "Title %d", i);
		strv_push(&t, k);
	}
	md_doc_mark_missing(&d, &t);
	CHECK(!d.links[0].missing);
	CHECK(d.links[1].missing);
	strv_done(&t);
	md_doc_free(&d);
	buf_done(&b);
}

int main(void)
{
	harness_init();
	RUN(unsafe_code_points);
	RUN(sanitiser_shows_every_bidi_control);
	RUN(text_is_safe_says_when_to_sanitise);
	RUN(json_writer_escapes_what_the_sanitiser_shows);
	RUN(json_make_safe_rewrites_only_strings);
	RUN(nul_lines);
	RUN(string_set);
	RUN(many_distinct_links_each_once);
	return harness_done();
}
