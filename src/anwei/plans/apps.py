from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "anwei.plans"
    label = "plans"
    verbose_name = "專案安全維護計畫"

    def ready(self) -> None:
        from anwei.plans.workreport import PROVIDER as STATISTICS
        from anwei.portal.workreport import provider_register

        provider_register(STATISTICS)  # its section of the work report (工作報告)
        from anwei.documents.builders import builder_register
        from anwei.orgs import policy
        from anwei.plans import documents
        from anwei.plans.obligations import PROVIDER
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        builder_register("plans.plan", documents.plan_document)
        builder_register("plans.duties", documents.duty_table_document)
        builder_register("plans.letter", documents.letter_document)

        obligation_register(PROVIDER)
        from anwei.plans import searchable

        searchable.register()  # plans and letters in the one search
        nav_register(NavEntry("專案計畫", "plans:plan_list", order=30,
                              visible=lambda p: policy.holds_anywhere(p, "plans.view")))
