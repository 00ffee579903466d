from django.apps import AppConfig


class TravelConfig(AppConfig):
    name = "anwei.travel"
    label = "travel"
    verbose_name = "赴陸申請"

    def ready(self) -> None:
        from anwei.core.inbox import inbox_register
        from anwei.core.navigation import NavEntry, nav_register
        from anwei.travel.inbox import travel_inbox

        inbox_register(travel_inbox)
        # Every public servant may have to apply, so everyone sees the entry.
        nav_register(NavEntry("赴陸申請", "travel:index", visible=lambda person: True, order=70))
