"""What a careful reader takes from the three meeting seeds, written by hand from the seed text.

People's names are not written here: a person field holds the hash of what the parser returns
for the seed (Hashed), checked against the seed file in tests/lib/data. Long texts are checked by
their first and last words (Text). Where the document does not give a field, the expected value
is None: the parser must not invent it.

Seed 001's 是否列管 column reads 「□ 繼續 ■ 列管 ■ 解除 □ 列管」 for items 1–3 and
「□ 繼續 ■ 列管 □ 解除 □ 列管」 for 4–6: the box before 解除 marks items 1–3 released; items 4–6
carry a mark only inside 繼續列管, so they are kept (src/anwei/meetings/replay.py reads them the
same way).
"""

import datetime as dt

from tests.lib.accuracy import Hashed, Text

T = dt.time
SEED_000 = "000_2c100fa96096fec7.txt"
SEED_001 = "001_e9982ef9c84b0b61.txt"
SEED_002 = "002_982f4967db7fa30d.txt"


def _agenda(rows):
    return [dict(number=n, start=s, end=e, minutes=m, title=t, presenter=p) for n, s, e, m, t, p in rows]


def _agenda_times(titles_presenters):
    times = [(T(11, 30), T(11, 35), 5), (T(11, 35), T(11, 40), 5), (T(11, 40), T(11, 50), 10),
             (T(11, 50), T(12, 0), 10), (T(12, 0), T(12, 10), 10), (T(12, 10), T(12, 20), 10),
             (T(12, 20), T(12, 25), 5), (T(12, 25), T(12, 30), 5), (T(12, 30), None, None)]
    return _agenda([(n, s, e, m, t, p) for n, ((s, e, m), (t, p)) in enumerate(zip(times, titles_presenters), 1)])


def _directive(number, origin, text, lead, progress, decision=None, all_units=False):
    return dict(number=number, origin=origin, text=text, lead_unit=lead, co_units=[], all_units=all_units,
                progress=progress, decision=decision)


ALL = "各科室"
SPREAD = "均確實轉知同仁遵照辦理。"
TOLD = "各單位主管皆向同仁加強宣導、要求。"

EXPECTED_000 = {
    "meeting": dict(kind="packet", agency="臺南市政府水利局", roc_year=109, sequence=1, date=dt.date(2020, 4, 22),
                    start_time=T(11, 30), end_time=T(12, 30), place=None, chair=None),
    "agenda": _agenda_times([
        ("簽到", "政風室"), ("主席致詞", "主持人"), ("上次會議主席裁（指）示事項辦理情形", "政風室"),
        ("秘書單位工作報告", "政風室"), ("專題報告：本局因應嚴重特殊傳染性肺炎安全維護措施專題報告", "人事室"),
        ("提案討論", "主持人"), ("臨時動議", "主持人"), ("主席結論", "主持人"), ("散會", None)]),
    "directives": [
        _directive(1, "108年第2次", "請秘書室賡續依簽訂之檔案銷毀作業流程，辦理逾保存期限檔案銷毀。", "秘書室",
                   "預計本(109)年底前辦理(1)檔案清查、編制檔案銷毀目錄、彙送各科室審核，簽陳長官核准後制定檔案銷毀計畫及目錄，"
                   "(2)續送本府秘書處審核通過後，(3)再層送國家發展委員會檔案管理局審核，(4)最後依審核結果判定可銷毀之檔案、辦理銷毀。"),
        _directive(2, "108年第2次", "請秘書室修正本次會議審議「本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項(草案)」"
                   "更正文字後，續行簽辦陳核。", "秘書室", "業以本局108年10月30日南市水秘字第10891256026號函發各單位知照。"),
        _directive(3, "108年第2次", "請污水養護工程科與惠民公司協調將建置於安污辦公室之監視攝錄影像介接本局秘書室統一管理。",
                   "污水養護工程科", "已完成監視攝錄影像共計7支畫面介接可由收發窗口監看。"),
        _directive(4, "108年第2次", "請秘書室研擬本局安平水資源回收中心辦公區管理大樓門禁管制規定。", "秘書室",
                   "本次會議中提報本局安污辦公室門禁管理計畫（草案）審議。"),
        _directive(5, "108年第2次", "處理公務應注意保密事項，涉及個人資料部分應注意維護。", ALL, TOLD, all_units=True),
        _directive(6, "108年第2次", "辦公廳舍周遭發現有異常情事請儘速通報秘書室及政風室協助處理。", ALL, SPREAD, all_units=True),
        _directive(7, "108年第2次", "安污辦公室監視錄影系統攝錄影像資料調閱請依規定申請辦理。", ALL, SPREAD, all_units=True),
        _directive(8, "108年第2次", "十月國慶日假期間注意辦公廳舍安全維護，遇有重大危安狀況應即時通報處理。", ALL, SPREAD,
                   all_units=True),
    ],
    "reports": [
        dict(kind="work", title="秘書單位工作報告", unit="政風室",
             text=Text("一、公務員赴大陸地區管理機制宣導", "(四)109年度迄今公務員赴大陸地區返臺通報案件計0件。")),
        dict(kind="special", title="本局因應嚴重特殊傳染性肺炎安全維護措施專題報告", unit="人事室", presenter=None, text=None),
    ],
    "proposals": [
        dict(kind="regular", number=1, unit="秘書室", subject="審議本局安污辦公室門禁管理計畫（草案）",
             explanation="本局安污辦公室業於各辦公區域設置自動門禁電子感應門鎖，於門禁管制時間進出應憑員工識別證進入，"
                         "為強化本局安平水資源回收中心人員進出管理大樓之門禁管制，訂定本案管理計畫，俾供遵循。",
             method="審議通過後，函發各科、室知照。", resolution="",
             attachment_text=Text("臺南市政府水利局安污辦公室門禁管理計畫（草案）",
                                  "九、本計畫簽奉局長奉准後實施，如有其他未盡事宜隨時補充修訂之。")),
        dict(kind="regular", number=2, unit="政風室", subject="辦理本局水情中心暨機房資訊設備維護管理資訊稽核案",
             explanation="為了解本局水情中心暨機房資訊設備使用管理維護現況及檢視勞務委外辦理廠商之資訊安全作為，擬辦理專案資訊稽核。",
             method="審議通過後，由政風室洽同綜合企劃科簽訂計畫辦理。", resolution=""),
        dict(kind="regular", number=3, unit="政風室", subject="請秘書室於下次會議提報本局資通安全維護專題報告。",
             explanation="本局廉政會報109年第2次會議預訂於109年9月間召開，為增進各科、室對於本局資通安全維護應辦理事項及"
                         "發生異常或緊急資安事件通報機制之瞭解，爰擬請秘書室提報報告。",
             method="審議通過後，請秘書室配合辦理。", resolution=""),
    ],
}

EXPECTED_001 = {
    "meeting": dict(kind="packet", agency="臺南市政府水利局", roc_year=108, sequence=2, date=dt.date(2019, 10, 2),
                    start_time=T(11, 30), end_time=T(12, 30), place=None, chair=None),
    "agenda": _agenda_times([
        ("簽到", "政風室"), ("主席致詞", "主持人"), ("上次會議主席裁(指)示事項辦理情形", "政風室"),
        ("秘書單位工作報告", "政風室"), ("專題報告：本局安平水資源回收中心辦公區管理大樓監視錄影系統管理報告", "秘書室"),
        ("提案討論", "主持人"), ("臨時動議", "主持人"), ("主席結論", "主持人"), ("散會", None)]),
    "directives": [
        _directive(1, "108年第1次", "有關逾保存期限資料、檔案之銷毀，請秘書室研議統一做法。", "秘書室",
                   "業於108年6月19日簽准本局檔案銷毀作業流程，以策進檔案管理業務。", "release"),
        _directive(2, "108年第1次", "請秘書室通知同仁，安平水資源回收中心辦公室晚上6點後僅能由大門出入，請同仁攜帶識別證刷卡進出。",
                   "秘書室", "已確實辦理，同仁下班後憑員工識別證刷卡進入各屬辦公區。", "release"),
        _directive(3, "108年第1次", "請秘書室研提本局安平水資源回收中心辦公大樓門禁安全維護管理規定。", "秘書室",
                   "本次會議提報本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項（草案）審議。", "release"),
        _directive(4, "108年第1次", "下班時間及假日加班時，請同仁注意辦公場所門窗關妥及門禁管制，以維安全。", ALL, TOLD,
                   "continue", all_units=True),
        _directive(5, "108年第1次", "處理民眾陳情事項應注意相關保密作為，內部簽辦資料不可外漏。", ALL, TOLD, "continue",
                   all_units=True),
        _directive(6, "108年第1次", "發現辦公廳舍公物設施損害或不堪使用，請立即通報秘書室及政風室協助處理。", ALL, SPREAD,
                   "continue", all_units=True),
    ],
    "reports": [
        dict(kind="work", title="秘書單位工作報告", unit="政風室",
             text=Text("一、辦理本局防災資訊及水情系統資訊稽核案", "不定期刊登相關宣導資料於本局網站廉政宣導專區宣導。")),
        dict(kind="special", title="本局安平水資源回收中心辦公區管理大樓監視錄影系統管理報告", unit="秘書室",
             presenter=Hashed("a8a42acfe74fc16c"), text=Text("臺南市政府水利局安污辦公區-監視錄影系統管理", "謝謝指教")),
    ],
    "proposals": [
        dict(kind="regular", number=1, unit="秘書室",
             subject="審議本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項(草案)案",
             explanation="為訂定本局安平水資源回收中心辦公區管理大樓監視錄影系統設置管理及攝錄影像之調閱、複製作業規範，俾供遵循。",
             method="審議通過後，函發各科、室知照。", resolution="",
             attachment_text=Text("臺南市政府水利局安污辦公區管理大樓監視錄影系統管理", "□不予核准(原因：_____)")),
        dict(kind="regular", number=2, unit="秘書室",
             subject="有關本局安平水資源回收中心辦公區管理大樓內監視錄影設備之攝錄資料統一管理案",
             explanation="本局安平水資源回收中心管理大樓已由秘書室新建置16支監視錄影鏡頭，惟該大樓內原有代操作廠商裝設之攝錄鏡頭"
                         "5支仍正常運作，攝錄影像儲存於代操作廠商辦公室，建議協請代操作廠商提供攝錄影像畫面以利秘書室統一管理。",
             method="審議通過後，請污水養護工程科洽詢代操作廠商移轉攝錄影像予秘書室俾統一管理。", resolution=""),
        dict(kind="regular", number=3, unit="政風室", subject="辦理本局108年十月慶典期間維護工作案",
             explanation="108年十月慶典重點維護工作期程，將自108年10月9日起迄同年月11日止(國慶日前後一日)，為維護機關整體安全，"
                         "先期規劃推動各項維護措施，機先防處危安及洩密事件，期程內倘發生重大危安狀況或重大洩密事件應即時通報秘書室及"
                         "政風室協處。",
             method="審議通過後，由政風室簽訂計畫，函請各單位配合辦理。", resolution=""),
        dict(kind="regular", number=4, unit="政風室", subject="建立本局安平水資源回收中心辦公區管理大樓門禁管制規定案",
             explanation="本局安平水資源回收中心進出人員包含廠區代操作工作人員、廠商駐點人員、保全人員、本局員工及不時出入之洽公民眾、"
                         "租借場地外賓及參訪民眾等等，人員出入複雜，且於防汛期間配合應變中心開設亦有輪值人員進駐，"
                         "實有訂定門禁管制規定之需要。",
             method="決議後，請秘書室提報門禁管理規定草案，於下次會議中審議。", resolution=""),
    ],
}

ALL_002 = "本府各處暨所屬各機關"

EXPECTED_002 = {
    "meeting": dict(kind="minutes", agency="嘉義縣政府", roc_year=105, sequence=None, date=dt.date(2016, 10, 19),
                    start_time=T(15, 10), end_time=T(16, 0), place="本府4樓402會議室",
                    chair=Hashed("183b6f0d73036125"), recorder=Hashed("d3107635777e6ace"),
                    attendees=None, attendees_note="(如簽到簿)", opening_remarks="", conclusion=""),
    "directives": [
        _directive(1, None, "有關頂樓原先設置垃圾桶及定期清潔執行結果成效不彰，請行政處以循序漸進方式加強宣導及研擬相關辦法，"
                            "如仍有同仁未依規定，即依相關研擬辦法處理。", "行政處", "已定期派清潔人員清理並加強宣導。"),
        _directive(2, None, "使用 Line 傳送重要資料時，必須謹慎，請本府相關業管單位研議或開發新公務用 Line 群組及其使用規範，"
                            "進而可避免使用非公務用即時通訊軟體，而造成公務機密資料外洩之疑慮。", ALL_002,
                   "一、本府綜合規劃處於104年11月以府函知本府各處暨所屬各機關，確實遵守「即時通訊軟體參考指引」，"
                   "凡不應使用即時通訊軟體傳遞之資料(訊)類型，即應禁止傳遞。\n二、本府及所屬各機關均於會議上宣導公務機密維護之相關規定。",
                   all_units=True),
        _directive(3, None, "有關本府同仁未於下班後將所使用之電腦予以關機，恐導致有心人士趁機竊取本府同仁間重要公務機密，"
                            "進而影響本府資訊及公務機密之安全，請政風處仍賡續抽查或相關督導。", ALL_002,
                   "一、本府及所屬各機關於下班前均以廣播提醒同仁應關閉電腦。\n二、政風處業於105年1月份及10月份會同行政處庶務科"
                   "辦理於下班後進行機關門禁設備及各處室電腦關閉情形等檢查。", all_units=True),
        _directive(4, None, "有關公務員進入大陸地區需辦理赴陸申請手續，乙節，請本府政風處向上反映及詢問目前兩岸已經屬於開放情況，"
                            "公務人員赴陸仍是否需申請？", "政風處",
                   "一、本處經詢內政部移民署復以：公務員進入大陸地區應依「臺灣地區與大陸地區人民關係條例」及該條例授權訂定之相關許可辦法辦理。"
                   "\n二、申請進入大陸地區之現職人員，應填具進入大陸地區申請表及檢附必要佐證資料，並詳閱公務員及特定身分人員進入大陸地區"
                   "注意事項後簽章；該員於返臺上班後一星期內，應填具赴大陸地區返臺意見反映表，送交所屬機關（構）備查。"),
    ],
    "rulings": [
        dict(section="previous", number=1, subject="決議事項第四點",
             text="有關公務員進入大陸地區需辦理赴陸申請手續部分，請本府政風處暨各政風機構加強宣導同仁應依相關規定辦理赴大陸地區之申請手續。"),
        dict(section="previous", number=2, subject=None, text="其餘決議事項，准予備查。"),
        dict(section="reports", number=1, subject="有關綜合規劃處所提「本縣105年電子郵件社交工程演練」部分",
             text="請綜合規劃處將本次演練成果與前次進行比對，紀錄開啟及點選人員(不合格人員)，並針對缺失辦理相關教育訓練，"
                  "以提高本縣同仁對於資安認知與防範。"),
        dict(section="reports", number=2, subject="以嘉義縣社會局928火災事件為例",
             text="請各單位均應加強宣導同仁確實將未使用之電氣電源切斷，以共同維護辦公處所之安全。"),
        dict(section="reports", number=3, subject=None, text="其餘工作報告事項，洽悉。"),
    ],
    "reports": [
        dict(kind="work", title="政風處工作報告－安全、機密維護工作執行成果", unit="政風處"),
        dict(kind="work", title="行政處工作報告－安全維護工作執行成果", unit="行政處"),
        dict(kind="work", title="綜合規劃處工作報告－安全維護工作執行成果", unit="綜合規劃處"),
        dict(kind="special", title="嘉義縣社會局928火災事件因應措施專題報告", unit=None),
    ],
    "proposals": [
        dict(kind="regular", number=1, unit="政風處",
             subject="為確保本府公告事項上傳於公開網站之資訊係屬正確，且無其他非本公告事由之資料一併夾帶上傳，"
                     "建請各單位於辦理資訊公告前進行「複核」，以避免公務機密及個人資料外洩，提請討論。",
             explanation=None, method=None,
             resolution="請各單位依建議事項辦理，於上傳或公告公務資訊時，增加「複核」程序，本案照案通過。"),
        dict(kind="regular", number=2, unit="政風處", subject="有關加強督導同仁危安意識及保密觀念，提請討論。",
             resolution="照案通過。"),
        dict(kind="regular", number=3, unit="政風處",
             subject="有關本府及本縣各機關資訊安全維護工作，擬於每年度辦理稽核時，增加抽查本縣各機關稽核項目，以提升本縣資訊安全之品質。",
             resolution="照案通過。"),
        dict(kind="regular", number=4, unit="政風處",
             subject="為增進機關同仁及用路人安全，建請本府各所屬機關自主檢查機關周邊之路燈或號誌螺栓是否超長並予改善案，提請討論。",
             resolution="有關本縣路燈或號誌螺栓過長情形，請建設處及教育處轉知鄉鎮公所及各學校注意周邊路燈或號誌等螺絲外露情況"
                        "或螺栓帽套遺失情形，並請各單位配合回報建設處，使該處得即時改善之；本案照案通過。"),
        dict(kind="regular", number=5, unit="綜合規劃處",
             subject="為確保各機關網站系統維護及資訊安全，請各機關加強維護及管理，提請討論。",
             resolution="請各單位因應辦理各式活動之宣傳(導)而架設之網站(頁)，於活動結束後應撤下該網站(頁)，"
                        "以避免淪為本府資訊安全之漏洞；本案照案通過。"),
        dict(kind="regular", number=6, unit="綜合規劃處",
             subject="有關行政院推動試行「政府機關(構)資安事件數位證據保全標準作業程序」，因涉及調查權，"
                     "擬成立本府資安事件「數位證據保全工作小組」，提請討論。",
             resolution="照案通過。"),
    ],
}

SEEDS = {SEED_000: EXPECTED_000, SEED_001: EXPECTED_001, SEED_002: EXPECTED_002}
