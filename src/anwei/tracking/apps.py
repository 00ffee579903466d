from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "anwei.tracking"
    label = "tracking"
    verbose_name = "列管"

    def ready(self):
        from anwei.documents.builders import builder_register
        from anwei.orgs import policy
        from anwei.portal.history import history_labels_register
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register
        from anwei.tracking import documents
        from anwei.tracking.obligations import PROVIDER
        from anwei.tracking.selectors import my_unit_ids

        builder_register("tracking.register", documents.register_build)
        history_labels_register(HISTORY_LABELS)

        nav_register(NavEntry("列管", "tracking:register", visible=lambda p: not policy.scope(p, "tracking.view").empty,
                              order=20))
        nav_register(NavEntry("本單位填報", "tracking:my_items", visible=lambda p: bool(my_unit_ids(p)), order=21))
        nav_register(NavEntry("列管總覽", "tracking:overview",
                              visible=lambda p: not policy.scope(p, "tracking.overview").empty, order=22))
        obligation_register(PROVIDER)
        from anwei.tracking import searchable

        searchable.register()  # items and 執行情形 in the one search


def _status_label(entry) -> str:
    status = (entry.after or {}).get("status", "")
    return {"released": "解除列管", "tracking": "繼續列管", "release_proposed": "建議解除列管"}.get(status, "列管狀態變更")


def _decision_label(entry) -> str:
    return {"release": "決定解除列管", "continue": "決定繼續列管"}.get((entry.after or {}).get("decision"), "列管決定")


HISTORY_LABELS = {
    "tracking.item_create": "開始列管", "tracking.item_update": "修改列管事項", "tracking.item_delete": "刪除列管事項",
    "tracking.item_packet": "設定是否列入會報資料", "tracking.item_status": _status_label,
    "tracking.decide": _decision_label, "tracking.report_save": "填報執行情形", "tracking.report_return": "退回補正",
    "tracking.round_open": "開始蒐集執行情形", "tracking.round_close": "結束執行情形填報", "tracking.round_remind": "催報",
    "tracking.report_review": lambda e: ("單位主管核閱送出" if (e.after or {}).get("status") == "submitted"
                                         else "單位主管退回"),
    "tracking.review_rule_create": "新增執行情形核閱規則",
}
