import { urlOf } from './api.js';
import { credential, credentialHeaders } from './credentials.js';
import { currentLanguage, t } from './i18n.js';

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A link to the CSV of a table: same filters, the page's language for the headers. A link sends no
 * header: with a credential the page fetches the file itself and hands it to the browser.
 */
export function csvLink(path, query) {
  const href = urlOf(path, { ...query, lang: currentLanguage() });
  const link = h('a', { class: 'csv', href, download: '' }, [t('downloadCsv')]);
  link.addEventListener('click', async (event) => {
    if (credential() === undefined) return;
    event.preventDefault();
    const response = await fetch(href, { headers: credentialHeaders() });
    if (!response.ok) return;
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    const file = URL.createObjectURL(await response.blob());
    const save = h('a', { href: file, download: name ?? `${path.split('/').pop()}` });
    save.click();
    setTimeout(() => URL.revokeObjectURL(file), 1000);
  });
  return link;
}

/**
 * A table with a caption; each cell is text or a node.
 * @param {{ caption: string, headers: string[], rows: (Node | string)[][], testId: string }} table
 */
export function dataTable({ caption, headers, rows, testId }) {
  const body = rows.length === 0 ? [h('tr', {}, [h('td', { colspan: `${headers.length}` }, [t('none')])])] : [];
  for (const row of rows) {
    const cells = row.map((cell) => (cell instanceof Node ? cell : h('td', {}, [cell])));
    // On a phone each row reads as a card: every cell names its column (CSS `attr(data-label)`).
    cells.forEach((cell, index) => {
      if (cell instanceof Element) cell.setAttribute('data-label', headers[index] ?? '');
    });
    body.push(h('tr', {}, cells));
  }
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, [
    h('table', { 'data-testid': testId }, [
      h('caption', {}, [caption]),
      h('thead', {}, [
        h(
          'tr',
          {},
          headers.map((header) => h('th', { scope: 'col' }, [header])),
        ),
      ]),
      h('tbody', {}, body),
    ]),
  ]);
}

/** @param {HTMLElement} section @param {string} titleKey @param {Node[]} content */
export function fillSection(section, titleKey, content) {
  section.replaceChildren(h('h2', { id: `${section.id}-title` }, [t(titleKey)]), ...content);
  section.setAttribute('aria-labelledby', `${section.id}-title`);
}

/**
 * A table from column definitions: each cell shows `text(row)` and carries `value(row)` as
 * `data-value`, so that a test reads the figure the API gave and a person reads it formatted.
 * @template Row
 * @param {{ caption: string, testId: string, rows: Row[], key?: (row: Row) => string,
 *   columns: { header: string, text: (row: Row) => string | Node, value?: (row: Row) => unknown, numeric?: boolean, id?: string }[] }} table
 */
export function columnsTable({ caption, testId, rows, columns, key }) {
  const table = dataTable({
    caption,
    testId,
    headers: columns.map((column) => column.header),
    rows: rows.map((row) =>
      columns.map((column) => {
        const attributes = column.numeric ? { class: 'number' } : {};
        if (column.value !== undefined) attributes['data-value'] = `${column.value(row)}`;
        if (column.id !== undefined) attributes['data-column'] = column.id;
        return h('td', attributes, [column.text(row)]);
      }),
    ),
  });
  if (key !== undefined) {
    const bodyRows = table.querySelectorAll('tbody tr');
    rows.forEach((row, index) => {
      bodyRows[index]?.setAttribute('data-key', key(row));
    });
  }
  return table;
}
