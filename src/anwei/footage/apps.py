from django.apps import AppConfig


class FootageConfig(AppConfig):
    name = "anwei.footage"
    label = "footage"
    verbose_name = "監視器錄影調閱"

    def ready(self) -> None:
        from anwei.core.inbox import inbox_register
        from anwei.core.navigation import NavEntry, nav_register
        from anwei.footage.inbox import footage_inbox

        inbox_register(footage_inbox)
        # Everyone may file a request; the list shows only what each person may see.
        nav_register(NavEntry("監視錄影調閱", "footage:request_list", visible=lambda person: True, order=60))
