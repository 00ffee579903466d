import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The checklist and self-assessment models come from the inspections app with their tables (db_table):
# this migration only tells Django's state where they now live. inspections 0003 drops them from the
# inspections app's state and renames their content types.


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inspections', '0002_finding_dailycheck_version'),
        ('orgs', '0001_initial'),
        ('plans', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ChecklistTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='名稱')),
                        ('kind', models.CharField(choices=[('security', '機關安全維護'), ('secrecy', '公務機密維護'), ('infosec', '資通安全'), ('other', '其他')], default='other', max_length=20, verbose_name='類別')),
                        ('description', models.TextField(blank=True, verbose_name='說明')),
                        ('is_active', models.BooleanField(default=True, verbose_name='使用中')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='checklists', to='orgs.agency', verbose_name='機關')),
                    ],
                    options={
                        'verbose_name': '檢查表',
                        'verbose_name_plural': '檢查表',
                        'db_table': 'inspections_checklisttemplate',
                        'ordering': ['agency_id', 'order', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='ChecklistItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.PositiveIntegerField(verbose_name='項目代號')),
                        ('version', models.PositiveIntegerField(default=1, verbose_name='版次')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('section', models.CharField(blank=True, help_text='例如「門禁管制」「文書處理」', max_length=50, verbose_name='分類')),
                        ('text', models.TextField(verbose_name='檢查項目')),
                        ('answer_kind', models.CharField(choices=[('verdict', '符合／不符合／不適用'), ('number', '數字'), ('text', '文字')], default='verdict', max_length=10, verbose_name='作答方式')),
                        ('corrective_required', models.BooleanField(default=True, verbose_name='不符合時須填改善措施')),
                        ('is_current', models.BooleanField(default=True, verbose_name='現行版本')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('template', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='assessments.checklisttemplate', verbose_name='檢查表')),
                    ],
                    options={
                        'verbose_name': '檢查項目',
                        'verbose_name_plural': '檢查項目',
                        'db_table': 'inspections_checklistitem',
                        'ordering': ['template_id', 'order', 'key', '-version'],
                    },
                ),
                migrations.CreateModel(
                    name='AssessmentRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('title', models.CharField(max_length=150, verbose_name='名稱')),
                        ('instructions', models.TextField(blank=True, verbose_name='說明')),
                        ('deadline', models.DateField(verbose_name='填報期限')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('closed', models.BooleanField(default=False, verbose_name='已結束')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessment_rounds', to='orgs.agency', verbose_name='發起機關')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('plan_assignment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assessment_rounds', to='plans.assignment', verbose_name='依據計畫')),
                        ('templates', models.ManyToManyField(related_name='rounds', to='assessments.checklisttemplate', verbose_name='檢查表')),
                    ],
                    options={
                        'verbose_name': '自評梯次',
                        'verbose_name_plural': '自評梯次',
                        'db_table': 'inspections_assessmentround',
                        'ordering': ['-deadline', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='SelfAssessment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('status', models.CharField(choices=[('draft', '填寫中'), ('awaiting_head', '待主管確認'), ('submitted', '已送出')], default='draft', max_length=20, verbose_name='狀態')),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='送出時間')),
                        ('head_note', models.CharField(blank=True, max_length=300, verbose_name='主管意見')),
                        ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='催報時間')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='orgs.agency', verbose_name='機關')),
                        ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='確認主管')),
                        ('filled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='填表人')),
                        ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessments', to='assessments.assessmentround', verbose_name='梯次')),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='orgs.unit', verbose_name='單位')),
                    ],
                    options={
                        'verbose_name': '自評表',
                        'verbose_name_plural': '自評表',
                        'db_table': 'inspections_selfassessment',
                        'ordering': ['round_id', 'agency_id', 'unit__order', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Answer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('template_name', models.CharField(max_length=100, verbose_name='檢查表')),
                        ('item_text', models.TextField(verbose_name='檢查項目')),
                        ('item_version', models.PositiveIntegerField(verbose_name='版次')),
                        ('answer_kind', models.CharField(choices=[('verdict', '符合／不符合／不適用'), ('number', '數字'), ('text', '文字')], max_length=10)),
                        ('verdict', models.CharField(blank=True, choices=[('conform', '符合'), ('nonconform', '不符合'), ('na', '不適用')], max_length=12, verbose_name='結果')),
                        ('number', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='數值')),
                        ('text', models.TextField(blank=True, verbose_name='內容')),
                        ('note', models.CharField(blank=True, max_length=500, verbose_name='說明')),
                        ('corrective_action', models.TextField(blank=True, verbose_name='改善措施')),
                        ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='answers', to='assessments.checklistitem')),
                        ('assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='assessments.selfassessment')),
                    ],
                    options={
                        'verbose_name': '自評答案',
                        'verbose_name_plural': '自評答案',
                        'db_table': 'inspections_answer',
                    },
                ),
                migrations.AddConstraint(
                    model_name='checklisttemplate',
                    constraint=models.UniqueConstraint(fields=('agency', 'name'), name='uniq_checklist_name_per_agency'),
                ),
                migrations.AddIndex(
                    model_name='checklistitem',
                    index=models.Index(fields=['template', 'is_current', 'order'], name='inspections_templat_9e849d_idx'),
                ),
                migrations.AddConstraint(
                    model_name='checklistitem',
                    constraint=models.UniqueConstraint(fields=('template', 'key', 'version'), name='uniq_item_version'),
                ),
                migrations.AddIndex(
                    model_name='assessmentround',
                    index=models.Index(fields=['agency', 'deadline'], name='inspections_agency__1a4dae_idx'),
                ),
                migrations.AddIndex(
                    model_name='selfassessment',
                    index=models.Index(fields=['round', 'status'], name='inspections_round_i_3a203d_idx'),
                ),
                migrations.AddIndex(
                    model_name='selfassessment',
                    index=models.Index(fields=['agency', 'unit', 'status'], name='inspections_agency__584358_idx'),
                ),
                migrations.AddConstraint(
                    model_name='selfassessment',
                    constraint=models.UniqueConstraint(fields=('round', 'agency', 'unit'), name='uniq_assessment_per_unit'),
                ),
                migrations.AddConstraint(
                    model_name='selfassessment',
                    constraint=models.UniqueConstraint(condition=models.Q(('unit__isnull', True)), fields=('round', 'agency'), name='uniq_assessment_per_agency'),
                ),
                migrations.AddIndex(
                    model_name='answer',
                    index=models.Index(fields=['verdict', 'assessment'], name='inspections_verdict_8b1e32_idx'),
                ),
                migrations.AddConstraint(
                    model_name='answer',
                    constraint=models.UniqueConstraint(fields=('assessment', 'item'), name='uniq_answer_per_item'),
                ),
            ],
            database_operations=[],  # the tables are there already
        ),
    ]
