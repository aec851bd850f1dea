"""The company a listed company's announcement speaks for as 公司 (loaders.extract.acts.issuer)."""

from loaders.extract.acts.issuer import issuer


def test_the_name_given_a_short_form_is_the_issuer():
    text = "证券代码:600217 证券简称:中再资环\n中再资源环境股份有限公司(以下简称“本公司”或“公司”)董事会于2021年1月25日收到辞职书。"
    assert issuer(text) == "中再资源环境股份有限公司"


def test_the_header_names_the_issuer_where_no_short_form_is_given():
    assert issuer("证券代码:600335证券简称:国机汽车 公告编号:临 2021-11 号\n关于董事长辞职的公告") == "国机汽车"


def test_a_report_names_the_issuer_before_its_stock_code():
    assert issuer("智通财经APP讯,山煤国际(600546.SH)发布公告,公司董事会收到辞职报告。") == "山煤国际"


def test_a_short_form_of_another_kind_names_no_issuer():
    assert issuer("北京市水务局(以下简称“市水务局”)负责。") is None
