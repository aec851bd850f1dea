"""Rules added in the eighth blind round (tests/fixtures/unseen/r8-*): a committee's list
(主任/副主任/委员) with titles before names and two columns of title–name cells, a group named
by `对X（以下简称…）`, office staff who 任 their post, a 目标任务 column and 海关, a 关于…的通告
without 文号, 境内 before a river, and a web page's 任免 table with empty cells, two posts in
a cell, notes on the person and prose after it. Each is checked on a few lines written the
way such documents write them."""

import pytest

from loaders.read.html import visible_text
from loaders.extract.tasks.table import task_rows
from tests.loaders.extract_support import run
from tests.loaders.test_round5 import _documents, _rivers

COMMITTEE = ("库尔勒市人民政府办公室关于调整库尔勒市安全生产委员会组成人员的通知\n\n库政办发〔2016〕58号\n\n"
             "各乡镇人民政府，市直各部门：\n\n"
             "　　决定对库尔勒市安全生产委员会（以下简称市安委会）组成人员进行调整。名单如下：\n\n"
             "　　主　　任：市委副书记、市长　　　　艾尔肯·吐尔地\n\n"
             "　　副 主 任：市人民政府副市长　　　　阿布都热依木·买买提\n\n"
             "　　委　　员：\n"
             "　　市人民政府办公室主任　周海鹰\t市发展和改革委员会主任　李　强\n"
             "　　市消防大队大队长　高志刚\t各乡镇人民政府乡镇长、街道办事处主任\n\n"
             "　　市安委会办公室设在市安全生产监督管理局，办公室主任由古丽娜尔·买买提同志兼任，"
             "市安全生产监督管理局副局长吴振华任办公室副主任。\n")


def test_a_committee_list_with_titles_before_names_in_two_columns():
    (document,) = _documents(COMMITTEE)
    (group,) = run("groups", document).groups
    assert group.name == "库尔勒市安全生产委员会"
    assert group.office_at == "市安全生产监督管理局"
    assert [(m.person, m.role, m.title) for m in group.members] == [
        ("艾尔肯·吐尔地", "leader", "市委副书记、市长"),
        ("阿布都热依木·买买提", "deputy", "市人民政府副市长"),
        ("周海鹰", "member", "市人民政府办公室主任"),
        ("高志刚", "member", "市消防大队大队长"),
        ("李强", "member", "市发展和改革委员会主任"),
        ("古丽娜尔·买买提", "office_director", "办公室主任"),
        ("吴振华", "office_deputy", "办公室副主任"),
    ]


def test_a_target_task_column_and_customs_among_the_units():
    table = ("序号\t目标任务\t牵头市领导\t牵头单位\t责任单位\n"
             "8\t实际利用外资增长10%,进出口总额\t杨志远\t市商务局\t市投资促进局、绵阳海关,各园\n"
             "\t增长8%\t\t\t区管委会\n")
    (row,) = task_rows(table)
    assert [table[a:b] for a, b in row.roles.lead] == ["市商务局"]
    responsible = [table[s[0]:s[1]] if isinstance(s[0], int) else "".join(table[a:b] for a, b in s)
                   for s in row.roles.responsible]
    assert responsible == ["市投资促进局", "绵阳海关", "各园区管委会"]


def test_a_notice_about_a_matter_without_number_after_a_dated_document():
    raw = ("宣城市人民政府关于同意设立宣城经济开发区的批复\n\n宣政秘〔2014〕41号\n\n宣州区人民政府：\n\n"
           "　　同意设立。\n\n宣城市人民政府\n\n2014年4月15日\n\n"
           "宣城市人民政府关于水阳江宛溪河2014年汛期禁止采砂的通告\n\n"
           "　　为保障防洪安全，现就我市境内水阳江、宛溪河2014年汛期禁止采砂有关事项通告如下：\n\n"
           "　　一、禁采时间：2014年5月1日至9月30日。\n\n宣城市人民政府\n\n2014年4月25日\n")
    documents = _documents(raw)
    assert [d.title for d in documents][1] == "宣城市人民政府关于水阳江宛溪河2014年汛期禁止采砂的通告"
    assert _rivers(documents[1].body)[:2] == ["水阳江", "宛溪河"]


PAGE = """<html><body><nav>首页 &gt; 政务公开</nav><div class="article">
<p>云南省人民政府关于杨光明等同志职务任免的通知</p><p>云政任〔2021〕22号</p>
<p>各州、市人民政府：</p><p>　　决定对下列同志职务进行任免：</p>
<table><tr><th>姓名</th><th>任命职务</th><th>免去职务</th></tr>
<tr><td>李　娜（女，彝族）</td><td>云南省民族宗教事务委员会副主任（试用期一年）</td><td></td></tr>
<tr><td>段志鹏</td><td></td><td>云南省统计局副局长</td></tr>
<tr><td>和丽华（女，纳西族）</td><td>云南省文化和旅游厅副厅长<br>云南省文物局局长</td><td>丽江市人民政府副市长</td></tr>
</table>
<p>　　王海涛同志兼任云南省乡村振兴局副局长。</p>
<p>　　免去陈立军的云南省人民政府研究室副主任职务，另有任用。</p>
<p>云南省人民政府</p><p>2021年6月8日</p></div></body></html>"""


def test_a_web_pages_table_keeps_empty_cells_and_a_cells_line_breaks():
    text = visible_text(PAGE)
    assert "段志鹏\t\t云南省统计局副局长" in text
    assert "和丽华（女，纳西族）\t云南省文化和旅游厅副厅长 云南省文物局局长\t丽江市人民政府副市长" in text


def test_a_web_pages_acts_in_the_table_and_in_the_prose_after_it():
    (document,) = _documents(visible_text(PAGE))
    acts = {(a.kind, a.person, a.org, a.post) for a in run("appointments", document).acts}
    assert acts == {
        ("appointment", "李娜", "云南省民族宗教事务委员会", "副主任"),
        ("removal", "段志鹏", "云南省统计局", "副局长"),
        ("appointment", "和丽华", "云南省文化和旅游厅", "副厅长"),
        ("appointment", "和丽华", "云南省文物局", "局长"),
        ("removal", "和丽华", "丽江市人民政府", "副市长"),
        ("appointment", "王海涛", "云南省乡村振兴局", "副局长"),
        ("removal", "陈立军", "云南省人民政府研究室", "副主任"),
    }


@pytest.mark.parametrize("text, rivers", [
    ("我市境内水阳江、宛溪河禁止采砂", ["水阳江", "宛溪河"]),
    ("全县辖区青弋江、徽水河沿岸", ["青弋江", "徽水河"]),
])
def test_a_place_word_before_a_list_of_rivers_is_no_part_of_the_first(text, rivers):
    assert _rivers(text) == rivers
