import { getJson } from '../api.js';
import { fillSection, h } from '../dom.js';
import { currentLanguage, formatDateTime, t } from '../i18n.js';
import { printableLink } from '../printable.js';

/**
 * The yearly activity report (bilan d'activité) of the chosen year: a link opening the printable
 * report in the page's language, and the actions it proposes, from the same report as JSON.
 */
export async function renderActivityReport(section, { year }) {
  const language = currentLanguage();
  const report = await getJson(`/reports/activity-report/${year}`, { format: 'json' });
  fillSection(section, 'activityReport', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(report.asOfAt)}`]),
    h('p', {}, [t('activityReportHelp')]),
    h('p', {}, [
      printableLink({
        path: `/reports/activity-report/${year}`,
        query: language === 'fr' ? {} : { lang: language },
        label: `${t('openActivityReport')} ${year}`,
        testId: 'activity-report-link',
      }),
    ]),
    h('h3', {}, [t('proposedActions')]),
    report.actions.length === 0
      ? h('p', { class: 'note' }, [t('none')])
      : h(
          'ul',
          { 'data-testid': 'proposed-actions' },
          report.actions.map((action) =>
            h('li', { 'data-kind': action.kind, 'data-subject': action.subject }, [action[language] ?? action.fr]),
          ),
        ),
  ]);
  section.querySelector('a')?.classList.add('button-link');
}
