"""A page's parts and a file's pages on characters placed by hand: ruled and borderless
tables, running heads, paragraphs wrapped over lines, columns and page breaks."""

from __future__ import annotations

import pytest

from loaders.read.document import page_texts
from loaders.read.glyphs import Char, Glyphs
from loaders.read.pages import page_layout

A4 = (595.0, 842.0)
SIZE = 10.0


def chars_of(text: str, x: float, top: float, size: float = SIZE) -> list[Char]:
    """One character per cell of `size` points from x; `_` leaves a cell empty."""
    return [Char.of(ch, x + i * size, x + (i + 1) * size, top, top + size)
            for i, ch in enumerate(text) if ch != "_"]


def page(*rows: tuple[str, float, float], rulings=None):
    chars = [c for text, x, top in rows for c in chars_of(text, x, top)]
    return page_layout(Glyphs.of(chars), *A4, rulings)


def texts(*pages) -> list[list[str]]:
    return [[part.text for part in parts] for parts in page_texts(list(pages))]


def grid(xs: list[float], ys: list[float]) -> list[tuple[float, float, float, float]]:
    """Ruling lines as thin boxes (x0, x1, top, bottom): a line at each y and each x."""
    return ([(xs[0], xs[-1], y - 0.3, y + 0.3) for y in ys] + [(x - 0.3, x + 0.3, ys[0], ys[-1]) for x in xs])


PROSE = "为全面落实河长制工作切实加强对全市河湖管理保护工作的组织领导经市政府同意决定成立领导小组"  # 46


def test_a_paragraph_wrapped_over_lines_is_one_line_and_an_indent_starts_the_next():
    lines = [(" " * 0 + PROSE[:44], 64, 100), (PROSE[:44], 64, 116), ("同意决定成立领导小组。", 64, 132),
             ("二是加强监督检查。", 84, 148)]
    assert texts(page(*lines)) == [[PROSE[:44] * 2 + "同意决定成立领导小组。", "二是加强监督检查。"]]


def test_a_ruled_table_reads_row_by_row_its_wrapped_cells_joined():
    xs, ys = [60, 100, 300, 420, 540], [100, 114, 142, 156]
    rows = [("序号", 62, 102), ("重点工作", 102, 102), ("牵头单位", 302, 102), ("配合单位", 422, 102),
            ("1", 62, 116), ("开展河湖清四乱专项", 102, 116), ("市水利局", 302, 116), ("市公安局", 422, 116),
            ("行动", 102, 128), ("2", 62, 144), ("推进排污口整治", 102, 144), ("市生态环境局", 302, 144)]
    (parts,) = texts(page(*rows, rulings=grid(xs, ys)))
    assert parts == ["序号\t重点工作\t牵头单位\t配合单位\n1\t开展河湖清四乱专项行动\t市水利局\t市公安局\n"
                     "2\t推进排污口整治\t市生态环境局"]


def test_a_ruled_row_cut_by_a_page_break_goes_on_overleaf_without_the_repeated_header():
    xs = [60, 100, 300, 420]
    first = page(("序号", 62, 102), ("重点工作", 102, 102), ("牵头单位", 302, 102),
                 ("1", 62, 116), ("开展河湖清四乱", 102, 116), ("市水利局", 302, 116), rulings=grid(xs, [100, 114, 128]))
    second = page(("序号", 62, 102), ("重点工作", 102, 102), ("牵头单位", 302, 102),
                  ("专项行动", 102, 116), ("市公安局", 302, 116),
                  ("2", 62, 130), ("推进排污口整治", 102, 130), ("市生态环境局", 302, 130), rulings=grid(xs, [100, 114, 128, 142]))
    assert texts(first, second) == [["序号\t重点工作\t牵头单位\n1\t开展河湖清四乱专项行动\t市水利局市公安局\n"
                                     "2\t推进排污口整治\t市生态环境局"], []]


NAMES = [("组长:李文兵", "副市长", "张小军", "市人社局副局长"), ("副组长:梁爱卿", "市政府副秘书长", "闫晓鹏", "市工信局调研员"),
         ("王耀东", "市医保局局长", "董_锁", "市商务局副局长")]


def test_a_name_table_reads_column_by_column_one_entry_a_line():
    rows = [(cell, x, 100 + 16 * k) for k, row in enumerate(NAMES) for cell, x in zip(row, (60, 160, 330, 400))]
    rows.append(("兼秘书长", 160, 148))  # a title wrapped under an empty name cell
    ((table,),) = texts(page(*rows))
    assert table.split("\n") == ["组长:李文兵\t副市长", "副组长:梁爱卿\t市政府副秘书长", "王耀东\t市医保局局长兼秘书长",
                                  "张小军\t市人社局副局长", "闫晓鹏\t市工信局调研员", "董 锁\t市商务局副局长"]


def test_a_borderless_table_of_other_cells_reads_row_by_row_with_its_empty_cells():
    rows = [("一", 60, 100), ("开展排查", 120, 100), ("市水利局", 300, 100),
            ("二", 60, 116), ("推进整治", 120, 116), ("市生态环境局", 420, 116)]
    (parts,) = texts(page(*rows))
    assert parts == ["一\t开展排查\t市水利局\n二\t推进整治\t\t市生态环境局"]


def test_running_heads_and_page_numbers_go_and_a_paragraph_goes_on_overleaf():
    head = ("阳泉市人民政府公报______2020年第2期", 64, 40)
    first = page(head, (PROSE[:44], 64, 100), (PROSE[:44], 64, 780), ("-_1_-", 290, 810))
    second = page(head, ("同意决定成立领导小组。", 64, 100), ("二是加强监督检查。", 84, 116), ("-_2_-", 290, 810))
    assert texts(first, second) == [[PROSE[:44], PROSE[:44] + "同意决定成立领导小组。"], ["二是加强监督检查。"]]


def test_a_title_larger_than_the_body_is_joined_over_its_centred_lines():
    title = [Char.of(ch, 100 + 16 * i, 116 + 16 * i, 60, 76) for i, ch in enumerate("阳泉市人民政府关于郗文保等二人")] + \
            [Char.of(ch, 164 + 16 * i, 180 + 16 * i, 84, 100) for i, ch in enumerate("任免职务的通知")]  # centred
    body = [c for k in range(3) for c in chars_of(PROSE[:40], 64, 120 + 16 * k)]
    parts = page_texts([page_layout(Glyphs.of(title + body), *A4)])[0]
    assert parts[0].text == "阳泉市人民政府关于郗文保等二人任免职务的通知"


@pytest.mark.parametrize("right", [["各县区人民政府市直各单位:", "现将有关事项通知如下。"], ["市人民政府办公室"]])
def test_two_columns_of_text_read_left_then_right_though_the_right_one_ends_early(right):
    """A document that ends a line or two into the right column is still two columns."""
    left = [(PROSE[:22], 64, 100 + 16 * k) for k in range(6)]
    (parts,) = texts(page(*left, *[(text, 320, 100 + 16 * k) for k, text in enumerate(right)]))
    assert "".join(parts) == PROSE[:22] * 6 + "".join(right)


def test_a_right_column_of_one_short_line_is_found_though_the_white_beside_it_is_wider():
    """The gutter is narrower than the white right of a right column's only line (a notice
    ending in `(此件公开发布)`): every wide stretch of least ink is a candidate gutter."""
    left = [(PROSE[:22], 64, 100 + 16 * k) for k in range(6)]
    (parts,) = texts(page(*left, ("此件公开发布的通知", 304, 100)))
    assert "".join(parts) == PROSE[:22] * 6 + "此件公开发布的通知"


def test_a_word_space_in_a_large_title_is_no_gutter():
    """A space half an em wide between two words of a 16-point title, above short lines and
    full-width ones: the title's tail is no right column of one line."""
    words = "文号平政办二〇一三第十一号索引号"
    first = [Char.of(ch, 64 + 16 * i + (8 if i >= 17 else 0), 80 + 16 * i + (8 if i >= 17 else 0), 60, 76)
             for i, ch in enumerate(words + "零零五四五二零一三关")]
    second = [Char.of(ch, 252 + 16 * i, 268 + 16 * i, 84, 100) for i, ch in enumerate("键词主题")]
    short = [c for k in range(2) for c in chars_of(PROSE[:15], 84, 110 + 16 * k)]
    body = [c for k in range(4) for c in chars_of(PROSE[:44], 64, 142 + 16 * k)]
    parts = page_texts([page_layout(Glyphs.of(first + second + short + body), *A4)])[0]
    assert parts[0].text.replace(" ", "") == words + "零零五四五二零一三关键词主题"


def test_columns_under_a_table_set_across_the_page_read_left_column_first():
    """A name table across the page where the columns broke off, and the two columns going on
    right under it without a gap: the table's rows, then the left column, then the right."""
    table = [row for k, (a, b) in enumerate([("王明厚__副市长", "李文兵__秘书长"), ("赵玉兵__局长", "郝文保__书记"),
                                            ("梁爱卿__局长", "田__强__局长")])
             for row in ((a, 64, 100 + 16 * k), (b, 330, 100 + 16 * k))]
    left = [(PROSE[:22], 64, 148 + 16 * k) for k in range(6)]
    right = [(PROSE[22:44], 330, 148 + 16 * k) for k in range(6)]
    (parts,) = texts(page(*table, *left, *right))
    assert "".join(parts).endswith(PROSE[:22] * 6 + PROSE[22:44] * 6)


def test_the_left_column_goes_on_below_a_gap_both_columns_share():
    """Both columns leave a blank at one height (a heading's space in each) and the right one
    ends above the left: the left column is read down past the gap before the right one."""
    left = [(PROSE[:22], 64, 100 + 16 * k) for k in range(4)] + [(PROSE[:22], 64, 200 + 16 * k) for k in range(3)]
    right = [(PROSE[22:44], 320, 100 + 16 * k) for k in range(3)]
    (parts,) = texts(page(*left, *right))
    assert "".join(parts) == PROSE[:22] * 7 + PROSE[22:44] * 3


def test_a_page_of_two_lines_of_different_sizes_reads():
    """No size holds the body's lines (each of two lines has its own): the page still reads."""
    big = [Char.of(ch, 64 + 16 * i, 80 + 16 * i, 60, 76) for i, ch in enumerate("人民网电")]
    parts = page_texts([page_layout(Glyphs.of(big + chars_of("本网从二日召开的推进会上获悉", 64, 100)), *A4)])[0]
    assert [p.text for p in parts] == ["人民网电", "本网从二日召开的推进会上获悉"]


def test_a_short_last_line_in_the_right_column_under_a_title_across_both():
    """The title crosses the gutter by design and the right column holds only the notice's
    last words (`(此件公开发布)`, narrower than a column): still two columns."""
    title = [Char.of(ch, 200 + 16 * i, 216 + 16 * i, 60, 76) for i, ch in enumerate("关于成立领导小组的通知")]
    left = [c for k in range(6) for c in chars_of(PROSE[:22], 64, 100 + 16 * k)]
    parts = page_texts([page_layout(Glyphs.of(title + left + chars_of("此件公开发布", 330, 100)), *A4)])[0]
    assert "".join(p.text for p in parts) == "关于成立领导小组的通知" + PROSE[:22] * 6 + "此件公开发布"


def test_a_list_of_short_lines_in_the_right_column_is_a_column_beside_the_text():
    """A table flattened one cell a line runs on in the right column, a line at every step,
    narrower than a column of text: the left column is read first, then the list."""
    cells = ["张士窑河", "21.87", "左岸", "21.23", "右岸", "20.38", "宁鲁堡沟", "4.98"]
    left = [(PROSE[:22], 64, 100 + 16 * k) for k in range(len(cells) - 1)] + [("成立领导小组。", 64, 212)]
    (parts,) = texts(page(*left, *[(cell, 320, 100 + 16 * k) for k, cell in enumerate(cells)]))
    assert parts == [PROSE[:22] * (len(cells) - 1) + "成立领导小组。", *cells]
