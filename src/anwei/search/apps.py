from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "anwei.search"
    label = "search"
    verbose_name = "搜尋"

    def ready(self) -> None:
        # The index follows every audited change in the writer's transaction, and every deletion.
        from anwei.core.audit import audit_listen
        from anwei.search import index, tasks

        audit_listen(index.on_audit)
        index.connect_deletions()
        index.file_reader_set(tasks.file_text_read.enqueue)  # attachments are read by the background worker
