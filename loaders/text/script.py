"""Traditional characters folded to simplified, one character for one, for matching only.

Some mainland texts are set in traditional characters (reprints, Hong Kong-facing editions,
scanned archives). The rules of loaders.text.headers and loaders.extract are written in simplified
characters; they match against `to_simplified(text)`, which has the same length as `text`, so
every span found maps back to the text as written, and names are reported as written.
The table holds the characters of document grammar, post titles and agency names; it is not
a converter (no phrase rules, none of the one-to-many cases such as 乾/幹 → 干).
"""

from __future__ import annotations

import re

# Pairs "繁简", grouped loosely: grammar words, titles, agencies, places, common surnames.
_PAIRS = """
為为 職职 務务 試试 辭辞 擔担 兼兼 於于 關关 發发 號号 聯联 會会 議议 決决 請请 認认 書书 記记 黨党
長长 員员 處处 廳厅 總总 經经 濟济 監监 視视 調调 審审 檢检 紀纪 組组 區区 縣县 鄉乡 鎮镇 導导 師师
館馆 園园 團团 學学 級级 隊队 參参 謀谋 軍军 專专 農农 藝艺 醫医 廠厂 礦矿 場场 辦办 門门 問问 顧顾
編编 輯辑 負负 責责 規规 劃划 計计 築筑 執执 陪陪 駐驻 務务 業业 環环 設设 財财 稅税 衛卫 護护 產产
資资 體体 質质 標标 準准 統统 構构 機机 權权 戰战 營营 養养 療疗 藥药 圖图 報报 傳传 廣广 電电 網网
訊讯 備备 鐵铁 銀银 險险 舉举 選选 屆届 歷历 氣气 漢汉 陽阳 陰阴 陸陆 際际 雲云 韓韩 項项 預预 領领
頭头 題题 風风 飛飞 馬马 驗验 鬥斗 黃黄 齊齐 龍龙 畢毕 當当 盡尽 確确 禮礼 離离 種种 稱称 穩稳 節节
範范 簡简 糧粮 約约 紅红 純纯 細细 終终 絕绝 給给 綜综 綠绿 維维 緊紧 線线 練练 績绩 繼继 續续 罰罚
義义 習习 聞闻 聲声 興兴 華华 萬万 葉叶 蘇苏 蘭兰 補补 裝装 製制 見见 覺觉 觀观 訂订 訓训 許许 訴诉
註注 話话 該该 課课 論论 講讲 證证 識识 讓让 貿贸 費费 購购 趙赵 車车 輔辅 輸输 轉转 運运 過过 達达
違违 遠远 適适 遷迁 遺遗 還还 邊边 鄭郑 鄧邓 釋释 鋼钢 錄录 開开 閉闭 間间 關关 陝陕 陳陈 階阶 隨随
隱隐 雙双 雜杂 難难 類类 顯显 餘余 騰腾 麗丽 齡龄 劉刘 張张 吳吴 楊杨 孫孙 謝谢 馮冯 蔣蒋 蕭萧 閻阎
賈贾 閆闫 錢钱 喬乔 譚谭 盧卢 嚴严 龔龚 聶聂 賴赖 鐘钟 龐庞 鄒邹 傅傅 優优 兒儿 兩两 創创 動动 勞劳
勵励 協协 變变 啟启 圍围 國国 圓圆 壓压 婦妇 寧宁 實实 寫写 對对 將将 層层 屬属 島岛 嶺岭 幣币 幫帮
廢废 張张 強强 後后 從从 復复 徵征 應应 擁拥 擇择 據据 擴扩 擬拟 數数 斷断 時时 晉晋 暫暂 東东 條条
來来 極极 樣样 樓楼 樹树 橋桥 檔档 歡欢 歲岁 歸归 殘残 沒没 況况 淨净 測测 溝沟 滿满 漁渔 災灾 無无
熱热 燈灯 爭争 獎奖 獨独 獲获 現现 畝亩 異异 眾众 積积 競竞 簽签 籌筹 結结 絡络 綱纲 緣缘 織织 職职
臨临 與与 艱艰 衝冲 親亲 討讨 訪访 評评 詢询 詳详 誤误 説说 說说 謹谨 讀读 豐丰 貢贡 貸贷 賣卖 質质
贈赠 較较 輛辆 轄辖 郵邮 鄰邻 鑒鉴 鎖锁 鏈链 陣阵 雖虽 靜静 響响 頒颁 願愿 飲饮 驅驱 點点 瀋沈 濱滨
灣湾 滬沪 漢汉 廈厦 門门 澤泽 潔洁 熱热 遼辽 寧宁 龍龙 黑黑 蒙蒙 貴贵 雲云 廣广 臺台 灣湾 慶庆 肅肃
晉晋 陝陕 魯鲁 豫豫 鄂鄂 湘湘 贛赣 閩闽 瓊琼 藏藏 疆疆 銜衔 幹干 頁页 順顺 額额 顏颜 單单 個个
"""


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for pair in _PAIRS.split():
        if len(pair) != 2:
            raise ValueError(f"loaders/text/script.py: pair {pair!r} is not two characters")
        if pair[0] != pair[1]:
            table[ord(pair[0])] = pair[1]
    return table


_TO_SIMPLIFIED = _table()
# One scan in C tells whether there is anything to fold: most texts have nothing, and
# str.translate with a dict looks up every character in Python objects.
_TRADITIONAL = re.compile("[" + "".join(sorted(map(chr, _TO_SIMPLIFIED))) + "]")


def to_simplified(text: str) -> str:
    """`text` with the table's traditional characters simplified; same length as `text`."""
    if _TRADITIONAL.search(text) is None:
        return text
    return text.translate(_TO_SIMPLIFIED)
