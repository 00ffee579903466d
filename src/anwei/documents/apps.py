from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "anwei.documents"
    label = "documents"
    verbose_name = "公文與文件"

    def ready(self) -> None:
        from anwei.documents import specimen
        from anwei.documents.builders import builder_register

        builder_register("specimen.short", specimen.short)
        builder_register("specimen.long_table", specimen.long_table)
        builder_register("specimen.broken", specimen.broken)
        builder_register("specimen.heavy_text", specimen.heavy_text)
        builder_register("specimen.packet", specimen.packet)
        builder_register("specimen.register", specimen.register)
