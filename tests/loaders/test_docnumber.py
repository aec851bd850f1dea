"""发文字号 in the ways documents, gazettes and OCR write them."""

import pytest

from loaders.text.docnumber import canonical, find_numbers, number_line, order_line


@pytest.mark.parametrize("written, key", [
    ("阳政发〔2020〕1号", "阳政发〔2020〕1号"),
    ("国发〔2018〕39号", "国发〔2018〕39号"),
    ("阳政办发〔2020〕15 号", "阳政办发〔2020〕15号"),
    ("阳 政 发 〔 2020 〕 1 号", "阳政发〔2020〕1号"),
    ("晋政任［2021］5号", "晋政任〔2021〕5号"),
    ("晋政任[2021]5号", "晋政任〔2021〕5号"),
    ("晋政办发(2020〕23号", "晋政办发〔2020〕23号"),  # OCR mixed brackets
    ("晋政办函【2024]】75号", "晋政办函〔2024〕75号"),  # OCR doubled the closing bracket
    ("晋政办函〔【2024]75号", "晋政办函〔2024〕75号"),  # … or the opening one
    ("鄂政发（2019）7号", "鄂政发〔2019〕7号"),
    ("湘政办函【2020】12号", "湘政办函〔2020〕12号"),
    ("阳政发〔2020〕第3号", "阳政发〔2020〕第3号"),
    ("晉政任〔2021〕5號", "晉政任〔2021〕5号"),
    ("阳政发〔2020〕01号", "阳政发〔2020〕1号"),
])
def test_canonical(written, key):
    assert canonical(written) == key


@pytest.mark.parametrize("line, number", [
    ("阳政任字〔2020〕6号", "阳政任字〔2020〕6号"),
    ("（十政办函〔2021〕9号）", "十政办函〔2021〕9号"),
    ("阳政发〔2020〕1号    签发人：雷健坤", "阳政发〔2020〕1号"),
    ("(阳政任字〔2020〕6 号) (6)", None),  # a table-of-contents entry with its page
    ("根据国发〔2018〕39号文件精神", None),  # cited in a sentence
    ("按照《通知》（晋政办发电〔2020〕23号）精神", None),
    ("2020年3月4日", None),
    ("文　　号：深府人〔2023〕15号", "深府人〔2023〕15号"),  # a portal's metadata line
    ("发文字号: 国办发〔2019〕27号", "国办发〔2019〕27号"),
    ("文号说明：见国发〔2018〕39号", None),
])
def test_number_line(line, number):
    assert number_line(line) == number


@pytest.mark.parametrize("line, number", [
    ("第12号", "第12号"), ("第 5 号", "第5号"), ("（第三号）", "第三号"), ("第十二条", None),
])
def test_order_line(line, number):
    assert order_line(line) == number


def test_find_numbers_in_running_text_keeps_the_prefix_clean():
    text = "根据《关于…的通知》（晋政办发电〔2020〕23号）和国发〔2018〕39号精神，市政府印发了阳政发〔2020〕1号"
    found = list(find_numbers(text))
    assert [n.number for n in found] == ["晋政办发电〔2020〕23号", "国发〔2018〕39号", "阳政发〔2020〕1号"]
    assert [text[n.start:n.end] for n in found] == [n.number for n in found]
