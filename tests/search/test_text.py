"""Chinese as people type it: folding, tokens, parsing, highlighting."""

from anwei.search import text


def test_folding_meets_full_width_simplified_and_case():
    assert text.fold("ＡＢＣ１２３") == text.fold("abc123")
    assert text.fold("门禁") == text.fold("門禁")
    assert text.fold("销毁") == text.fold("銷毀")


def test_tokens_are_characters_and_pairs_within_runs():
    assert sorted(text.tokens(text.fold("門禁管制"))) == sorted(["门", "门禁", "禁", "禁管", "管", "管制", "制"])
    assert "禁、" not in text.tokens(text.fold("門禁、管制"))  # pairs never cross punctuation
    assert text.query_tokens(text.fold("門")) == ["门"]
    assert text.query_tokens(text.fold("監視錄影")) == ["监视", "视录", "录影"]


def test_parse_words_and_quoted_phrase():
    q = text.parse('門禁  "監視 錄影"  銷毀')
    assert q.usable and q.terms == (text.fold("監視 錄影"), text.fold("門禁"), text.fold("銷毀"))
    assert text.parse("「監視錄影」").terms == (text.fold("監視錄影"),)


def test_unusable_queries_say_why():
    assert not text.parse("").usable and not text.parse("").error  # nothing typed: no complaint
    assert "太長" in text.parse("門" * 1000).error
    assert "文字或數字" in text.parse("😀 * - ( )").error
    for raw in ['門禁 OR 監視', 'NEAR(門禁)', '-門禁*', '𠀀𠀁', '門禁"']:
        q = text.parse(raw)
        assert q.usable, raw  # FTS syntax is just text here


def test_highlight_escapes_and_marks_the_original_characters():
    html = str(text.highlight("<b>门禁</b>與Ａ棟門禁", (text.fold("門禁"), text.fold("a"))))
    assert html == "&lt;b&gt;<mark>门禁</mark>&lt;/b&gt;與<mark>Ａ</mark>棟<mark>門禁</mark>"


def test_snippet_centres_on_the_first_match():
    body = "甲" * 200 + "門禁管制" + "乙" * 200
    s = str(text.snippet(body, (text.fold("門禁"),), width=40))
    assert s.startswith("…") and s.endswith("…") and "<mark>門禁</mark>" in s


def test_highlight_marks_the_original_characters_where_folding_changes_lengths():
    """㈱ folds to three characters and ﬁ to two: the marks still fall on the characters as written."""
    html = str(text.highlight("㈱門禁ﬁle監視", (text.fold("門禁"), text.fold("監視"))))
    assert html == "㈱<mark>門禁</mark>ﬁle<mark>監視</mark>"
    html = str(text.highlight("門禁與監視", (text.fold("监视"),)))  # the fast path: every character folds to one
    assert html == "門禁與<mark>監視</mark>"
