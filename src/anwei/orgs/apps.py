from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "anwei.orgs"
    label = "orgs"
    verbose_name = "機關與人員"

    def ready(self) -> None:
        from anwei.core import pagecache
        from anwei.orgs import policy

        # Pages are keyed under the data versions of what the reader can see, which the policy knows.
        pagecache.reader_version_register(lambda person: policy.grants(person).version)
