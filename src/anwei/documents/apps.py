from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "anwei.documents"
    label = "documents"
    verbose_name = "公文與文件"
