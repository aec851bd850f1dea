"""Reading HTML: visible text only, block structure as lines, charsets from meta or bytes."""

from __future__ import annotations

import pytest

from loaders.read.html import visible_text
from loaders.read import read

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>阳泉市人民政府</title><style>p {{ color: red }}</style></head>
<body>
<header>网站首页 | 政务公开</header>
<nav><a href="/">首页</a><a href="/gk">信息公开</a></nav>
<div class="article">
  <h1>阳泉市人民政府关于郗文保等二人任免职务的通知</h1>
  <p>&nbsp;&nbsp;各县（区）人民政府，市直各有关单位：</p>
  <p>经研究，决定：<br>任命郗文保为阳泉市
     住房和城乡建设局局长；<b>免去</b>武雪的阳泉市科技局局长职务。</p>
  <table><tr><td>组  长：</td><td>王明厚</td><td>副市长</td></tr>
         <tr><td>成  员：</td><td>田  强</td><td>市水利局局长</td></tr></table>
  <p>&lt;附件&gt; &amp; Yangquan  Municipal   Government</p>
</div>
<script>document.write("<p>脚本文字</p>")</script>
<footer>版权所有 阳泉市人民政府办公室</footer>
</body></html>"""

EXPECTED = [
    "阳泉市人民政府关于郗文保等二人任免职务的通知",
    "各县（区）人民政府，市直各有关单位：",
    "经研究，决定：",
    "任命郗文保为阳泉市住房和城乡建设局局长；免去武雪的阳泉市科技局局长职务。",
    "组 长：\t王明厚\t副市长",
    "成 员：\t田 强\t市水利局局长",
    "<附件> & Yangquan Municipal Government",
]


def test_visible_text_keeps_blocks_drops_chrome_and_decodes_entities():
    assert visible_text(PAGE.format(meta="")).split("\n") == EXPECTED


@pytest.mark.parametrize("snippet, expected", [
    ("<p>人民\n  政府</p>", "人民政府"),  # a source line break between hanzi disappears
    ("<p>Yangquan\nCity</p>", "Yangquan City"),  # between words it is a space
    ("<div>一<div>二</div>三</div>", "一\n二\n三"),
    ("<p>甲</p><p></p><p>乙</p>", "甲\n乙"),
    ("<ul><li>第一项</li><li>第二项</li></ul>", "第一项\n第二项"),
    ("<p>市<span>水利</span>局</p>", "市水利局"),  # inline elements do not break words
    ("<noscript>请启用脚本</noscript><p>正文</p>", "正文"),
])
def test_visible_text_cases(snippet, expected):
    assert visible_text(f"<html><body>{snippet}</body></html>") == expected


@pytest.mark.parametrize("meta, codec, written_as, note", [
    ('<meta charset="utf-8">', "utf-8", "utf-8", ()),
    ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030", "gbk",
     ("decoded as gb18030 (<meta> charset)",)),
    ("<meta charset='GBK'>", "gb18030", "gb18030", ("decoded as gb18030 (<meta> charset)",)),
    ('<meta charset="utf-8">', "gb18030", "gb18030",
     ("declared charset utf-8 does not fit the bytes; decoded as gb18030",)),
    ('<meta charset="iso-8859-1">', "gb18030", "gb18030",
     ("declared charset iso-8859-1 does not fit the bytes; decoded as gb18030",)),
    ("", "gb18030", "gb18030", ("decoded as gb18030",)),  # no declaration: from the bytes
    ("", "utf-16", "utf-16", ("decoded as utf-16",)),  # a byte-order mark decides
])
def test_charset_from_meta_or_bytes(tmp_path, meta, codec, written_as, note):
    path = tmp_path / "notice.html"
    path.write_bytes(PAGE.format(meta=meta).encode(written_as))
    source = read(path)
    assert (source.kind, source.encoding, source.notes) == ("html", codec, note)
    assert source.text.split("\n") == EXPECTED
    assert [(p.number, p.start, p.end) for p in source.pages] == [(1, 0, len(source.text))]


TABLE_PAGE = """<html><body><nav>首页 &gt; 政务公开</nav><div class="article">
<p>云南省人民政府关于杨光明等同志职务任免的通知</p><p>云政任〔2021〕22号</p>
<table><tr><th>姓名</th><th>任命职务</th><th>免去职务</th></tr>
<tr><td>段志鹏</td><td></td><td>云南省统计局副局长</td></tr>
<tr><td>和丽华（女，纳西族）</td><td>云南省文化和旅游厅副厅长<br>云南省文物局局长</td><td>丽江市人民政府副市长</td></tr>
</table></div></body></html>"""


def test_a_web_pages_table_keeps_empty_cells_and_a_cells_line_breaks():
    text = visible_text(TABLE_PAGE)
    assert "段志鹏\t\t云南省统计局副局长" in text
    assert "和丽华（女，纳西族）\t云南省文化和旅游厅副厅长 云南省文物局局长\t丽江市人民政府副市长" in text


def test_a_cells_paragraphs_stay_in_its_row():
    """A task table whose cells wrap their text and list their units in <p>s (a JSP export)."""
    page = ("<table><tr><th>序号</th><th>考核项目</th><th>负责考核部门</th></tr>"
            "<tr><td>6</td><td><p>1.开展河长制公益宣传，</p><p>营造良好氛围。</p></td>"
            "<td><p>县委宣传部</p><p>县教育局</p></td></tr></table>")
    lines = visible_text(page).split("\n")
    assert lines[1] == "6\t1.开展河长制公益宣传， 营造良好氛围。\t县委宣传部 县教育局"


def test_a_cell_that_lays_out_the_page_keeps_its_lines():
    """Old portals set the whole article in one cell beside a menu: its paragraphs are lines."""
    page = ("<table><tr><td><table><tr><td>首页</td></tr></table></td>"
            "<td><p>关于成立防汛指挥部的通知</p><p>总指挥：王明</p>"
            "<table><tr><td>成员</td><td>李强</td></tr></table></td></tr></table>")
    lines = visible_text(page).split("\n")
    assert "关于成立防汛指挥部的通知" in lines and "总指挥：王明" in lines


def test_an_article_set_in_one_cell_alone_keeps_its_lines():
    """gov.cn's content cell holds the whole document, with no table inside it."""
    body = "".join(f"<p>（{n}）加快项目落地，优化审批流程，实现批复文件在线打印，提升投资建设便利度。</p>" for n in "一二三四五六七八九十" * 2)
    lines = visible_text(f"<table><tr><td><p>国务院办公厅关于优化营商环境的意见</p><p>国办发〔2020〕24号</p>{body}</td></tr></table>").split("\n")
    assert lines[:2] == ["国务院办公厅关于优化营商环境的意见", "国办发〔2020〕24号"]
