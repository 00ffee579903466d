"""Attachments of the demo's 108年第2次 packet, as seed 001 carries them after 第1案: the draft rules
(注意事項（草案）, an ODT) and the footage request form (申請表（稿）, a PDF); and the special
report's text. Made at demo time from neutral documents, so no file is kept in the repository."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.documents import outline
from anwei.documents.model import Cell, Document, Paragraph, Table, Title, checkbox
from anwei.documents.render import render

SPECIAL_REPORT_BODY = """一、監視系統設置現況說明
管理大樓設置1台主機及16個鏡頭，已完成不斷電系統建置及增設4TB硬碟容量。
二、監視系統定期檢視與維護
（一）每日08:30前巡查監視器系統是否正常運作。
（二）每週執行一次設備外觀清潔維護。
（三）逐項檢視確認，已完成或合格者打「√」，未完成或不合格者打「×」。
（四）巡查時注意設備器材、零件配件是否短缺，發現異常立即通報廠商維修。
三、整合與改善建議
（一）代操作廠商設置之監視攝影機，建議透過影像系統整合，由本局統一控管。
（二）管理大樓2樓與3樓部分重要出入口及樓梯間尚未裝設監視系統，建議增設監視主機及鏡頭。
四、管理注意事項（草案）逐條討論：如第1案附件。"""

DRAFT_RULES = """一、本局為健全管理辦公區管理大樓（以下稱本大樓）監視錄影系統，以充分發揮其效能及維護局內安全，特訂定本注意事項。
二、本大樓周邊及公共空間區域之監視錄影系統，由秘書室負責裝設、維護及攝錄資料調閱與複製。
三、本注意事項所稱監視錄影系統，指本局為維護辦公大樓安全所設置之影像攝錄相關設備。
四、本大樓影像攝錄資料應予保密，非經核准，不得處理及利用：
（一）監視錄影設備所攝錄之影音資料應予保密，並遵守個人資料保護法等相關法令規定。
（二）監視錄影設備應持續正常運作，所攝錄之資料應保存至少30日以上。
（三）錄影監視系統影音資料，除因調查犯罪及其他違法行為有繼續保存之必要者外，至遲應於一年內銷毀之。
五、對於各申請調閱或複製案件，秘書室應以專卷建檔列管，以備查考。
六、調閱或複製監視錄影資料，應依下列方式辦理：
（一）局內調閱：本局各單位填具申請表，敘明案由及指明調閱時段，經單位主管核章後向秘書室提出。
（二）局外調閱：民眾或局外單位應檢附警政單位報案三聯單並填具申請表。
（三）司法機關：經司法機關以公文申請調閱或複製者，由秘書室函覆。
七、本注意事項經局長核定後實施，修正時亦同。"""


def draft_rules_odt(agency_name: str) -> SimpleUploadedFile:
    doc = Document(title="監視錄影系統管理注意事項（草案）")
    doc.add(Title([agency_name, "辦公區管理大樓監視錄影系統管理注意事項（草案）"]))
    doc.blocks += outline.blocks(DRAFT_RULES)
    return SimpleUploadedFile("監視錄影系統管理注意事項草案.odt", render(doc, "odt"))


def request_form_pdf(agency_name: str) -> SimpleUploadedFile | None:
    """The blank request form; None when the server has no Chinese font (the packet names it then)."""
    blank = "　年　月　日　時　分"
    doc = Document(title="監視器攝錄資料調閱（複製）申請表（稿）")
    doc.add(Title([f"{agency_name}監視器攝錄資料調閱（複製）申請表（稿）"]),
            Paragraph("申請日期：　　年　　月　　日", align="right"),
            Table(header=[], widths=[2.2, 3, 1.4, 2, 1.8, 2.6], rows=[
                [Cell("單位（機關名稱）", bold=True), Cell(""), Cell("申請人", bold=True), Cell(""),
                 Cell("分機／聯絡電話", bold=True), Cell("")],
                [Cell("申請項目", bold=True), Cell("　".join([checkbox("調閱", False), checkbox("複製", False),
                                                          checkbox("局外調閱／複製（持報案三聯單）", False)]), colspan=5)],
                [Cell("申請事由", bold=True), Cell("\n\n", colspan=5)],
                [Cell("申請調閱時段", bold=True), Cell(f"自{blank}起\n至{blank}止", colspan=5)],
                [Cell("申請人調閱（複製）完畢後簽名確認欄", bold=True),
                 Cell(checkbox(f"調閱時間：{blank}", False) + "\n" + checkbox(f"複製時間：{blank}", False)
                      + "\n申請人簽名：", colspan=5)],
            ]))
    try:
        return SimpleUploadedFile("監視器攝錄資料調閱申請表.pdf", render(doc, "pdf"))
    except Exception:  # no Chinese font on this server
        return None
