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
        _signins_audited()


def _signins_audited() -> None:
    """Django's sign-in signals write the audit rows (logins, logouts, failures of a known account)."""
    from axes.helpers import get_client_ip_address
    from django.contrib.auth import get_user_model, signals

    from anwei.orgs import services

    def address(request) -> str:
        return (get_client_ip_address(request) or "") if request is not None else ""

    def logged_in(sender, request, user, **kwargs):
        services.signin_record(person=user, action="auth.login", address=address(request))

    def logged_out(sender, request, user, **kwargs):
        if user is not None:
            services.signin_record(person=user, action="auth.logout", address=address(request))

    def failed(sender, credentials, request=None, **kwargs):
        person = get_user_model().objects.filter(username=credentials.get("username") or "").first()
        if person is not None:
            services.signin_record(person=person, action="auth.login_failed", address=address(request),
                                   by_owner=False)

    signals.user_logged_in.connect(logged_in, weak=False, dispatch_uid="anwei.signin.login")
    signals.user_logged_out.connect(logged_out, weak=False, dispatch_uid="anwei.signin.logout")
    signals.user_login_failed.connect(failed, weak=False, dispatch_uid="anwei.signin.failed")
