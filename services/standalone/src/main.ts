import { parseArgs } from 'node:util';
import { renderWorkedExamples } from './demo/worked-examples-report.ts';

// Until the services land, the product's entry point runs the domain's scenario demo.
const { values } = parseArgs({ options: { lang: { type: 'string', default: 'fr' } } });
const language = values.lang === 'en' ? 'en' : 'fr';
process.stdout.write(renderWorkedExamples(language));
