import datetime
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The device check models come from the inspections app with their tables (db_table): this migration
# only tells Django's state where they now live. inspections 0003 drops them from the inspections app's
# state and renames their content types.


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inspections', '0002_finding_dailycheck_version'),
        ('footage', '0001_initial'),
        ('orgs', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DeviceSystem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='名稱')),
                        ('kind', models.CharField(choices=[('door_access', '門禁系統'), ('cctv', '監視系統'), ('other', '其他設備')], max_length=20, verbose_name='類別')),
                        ('location', models.CharField(blank=True, max_length=200, verbose_name='位置')),
                        ('vendor', models.CharField(blank=True, max_length=100, verbose_name='維修廠商')),
                        ('in_service_from', models.DateField(default=datetime.date.today, verbose_name='開始檢查日期')),
                        ('is_active', models.BooleanField(default=True, verbose_name='使用中')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='device_systems', to='orgs.agency', verbose_name='機關')),
                        ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='footage.site', verbose_name='場所')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='負責單位')),
                    ],
                    options={
                        'verbose_name': '檢查設備',
                        'verbose_name_plural': '檢查設備',
                        'db_table': 'inspections_devicesystem',
                        'ordering': ['agency_id', 'order', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='DailyCheck',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('date', models.DateField(verbose_name='日期')),
                        ('working', models.BooleanField(verbose_name='正常運作')),
                        ('problem', models.CharField(blank=True, max_length=300, verbose_name='問題說明')),
                        ('checked_at', models.DateTimeField(auto_now=True)),
                        ('checked_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='檢查人')),
                        ('system', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='checks', to='devicechecks.devicesystem')),
                    ],
                    options={
                        'verbose_name': '每日檢查',
                        'verbose_name_plural': '每日檢查',
                        'db_table': 'inspections_dailycheck',
                        'ordering': ['date', 'system_id'],
                    },
                ),
                migrations.CreateModel(
                    name='RepairRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('opened_on', models.DateField(verbose_name='發現日期')),
                        ('problem', models.CharField(max_length=300, verbose_name='故障情形')),
                        ('reported_on', models.DateField(blank=True, null=True, verbose_name='通報廠商日期')),
                        ('vendor', models.CharField(blank=True, max_length=100, verbose_name='維修廠商')),
                        ('repaired_on', models.DateField(blank=True, null=True, verbose_name='修復日期')),
                        ('note', models.CharField(blank=True, max_length=300, verbose_name='備註')),
                        ('opened_by_check', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='repair', to='devicechecks.dailycheck')),
                        ('system', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='repairs', to='devicechecks.devicesystem')),
                    ],
                    options={
                        'verbose_name': '維修紀錄',
                        'verbose_name_plural': '維修紀錄',
                        'db_table': 'inspections_repairrecord',
                        'ordering': ['-opened_on', '-id'],
                    },
                ),
                migrations.AddIndex(
                    model_name='devicesystem',
                    index=models.Index(fields=['agency', 'unit', 'is_active'], name='inspections_agency__89843a_idx'),
                ),
                migrations.AddIndex(
                    model_name='dailycheck',
                    index=models.Index(fields=['date', 'system'], name='inspections_date_6e96f2_idx'),
                ),
                migrations.AddConstraint(
                    model_name='dailycheck',
                    constraint=models.UniqueConstraint(fields=('system', 'date'), name='uniq_check_per_day'),
                ),
                migrations.AddIndex(
                    model_name='repairrecord',
                    index=models.Index(fields=['system', 'repaired_on'], name='inspections_system__566805_idx'),
                ),
            ],
            database_operations=[],  # the tables are there already
        ),
    ]
