import pytest

from loaders.spans.agency import agency_after, agency_spans, find_agencies, is_agency, split_agencies


@pytest.mark.parametrize("text, expected", [
    ("市水利局、市住建局，各县（区）政府", ["市水利局", "市住建局", "各县（区）政府"]),
    ("市水利局、市住建局,各县(区)政府", ["市水利局", "市住建局", "各县(区)政府"]),
    ("市、县河长办、水利部门", ["市、县河长办", "水利部门"]),
    ("省、市、县各级政府", ["省、市、县各级政府"]),
    ("各县（市、区）人民政府、开发区管委会", ["各县（市、区）人民政府", "开发区管委会"]),
    ("市水利局和市农业农村局", ["市水利局", "市农业农村局"]),
    ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
    ("市发展和改革委员会、市工业和信息化局（国资委）", ["市发展和改革委员会", "市工业和信息化局（国资委）"]),
    ("国家发展改革委、科技部等", ["国家发展改革委", "科技部"]),
    ("应急、交通、住建等部门", ["应急", "交通", "住建"]),
    ("市委宣传部、市商务局、农业农村局、规划和自然资\n\n源局", ["市委宣传部", "市商务局", "农业农村局", "规划和自然资源局"]),
    ("", []),
])
def test_split_agencies(text, expected):
    assert split_agencies(text) == expected


def test_spans_point_into_the_text():
    text = "（市生态环境局牵头，市水利局、市住建局配合）"
    assert [text[a:b] for a, b in agency_spans(text, 1, 7)] == ["市生态环境局"]


@pytest.mark.parametrize("piece", [
    "市水利局", "各县（区）政府", "开发区管委会", "市河长制成员单位", "有关成员单位", "水利部门",
    "平定县政府", "阳煤集团", "方舟信保资金融资担保有限责任公司", "人行阳泉市中心支行", "各银行金融机构",
    "市纪委监委", "各有关县区", "相关企业", "阳泉经济技术开发区", "银保监会", "国务院办公厅",
    "省卫生健康委", "市公安局交通警察支队", "各地区各部门", "市应急管理局", "大同市公安局",
])
def test_is_agency(piece):
    assert is_agency(piece)


@pytest.mark.parametrize("piece", [
    "名单由市工信局牵头确定", "简称联采办", "试行", "NPV", "国办发〔2019〕2号", "市卫健委医政医管科科长",
    "含洁净型煤", "各项任务责任单位中列第一位者为牵头单位", "2020年6月底前", "其中郊区政府承担3个", "",
])
def test_is_not_agency(piece):
    assert not is_agency(piece)


@pytest.mark.parametrize("text, expected", [
    ("由市能源局牵头、市财政局配合研究确定", ["市能源局", "市财政局"]),
    ("市发改委会同市商务局", ["市发改委", "市商务局"]),
    ("报省大气办和省清洁取暖领导小组办公室", ["省大气办", "省清洁取暖领导小组办公室"]),
    ("市医疗保障局副局长", ["市医疗保障局"]),
    ("市农业农村局局长", ["市农业农村局"]),
    ("市委宣传部副部长", ["市委宣传部"]),
    ("市卫健委医政医管科科长", ["市卫健委医政医管科"]),
    ("各县(区)政府负责", ["各县(区)政府"]),
    ("市场监管和城市管理要加强", []),  # 市场 and 城市 are no jurisdiction
    ("国家发展改革委牵头", ["国家发展改革委"]),
])
def test_find_agencies_in_running_text(text, expected):
    assert [text[a:b] for a, b in find_agencies(text)] == expected


def test_a_body_after_a_place_name():
    text = "阳泉市公安局西城分局局长"
    assert text[:agency_after(text, 3)] == "阳泉市公安局西城分局"
    assert agency_after("阳泉市的发展", 3) is None
